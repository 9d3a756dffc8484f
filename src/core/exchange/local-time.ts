/**
 * Times as the user reads them: in their time zone, as German Excel text
 * (`27.11.2026 10:30`), as ISO 8601 with the offset
 * (`2026-11-27T10:30:00+01:00`), or as an Excel serial date.
 */

/** The offset from UTC, in whole minutes, of a time zone at a given instant. */
export interface LocalClock {
  offsetMinutes(time: number): number;
}

const DAY = 86_400_000;

/**
 * The clock of an IANA time zone (`'Europe/Berlin'`), or of the runtime's own
 * zone when none is given. Throws a RangeError for a zone the runtime does
 * not know.
 *
 * Offsets are cached per UTC day: a day whose first and last millisecond have
 * the same offset has it throughout (zones change at most twice a year); on a
 * day of change each time is worked out on its own. A year of mentions then
 * costs some 730 Intl calls, not one per cell.
 */
export function localClock(timeZone?: string): LocalClock {
  const exact = timeZone === undefined ? runtimeOffset : intlOffset(timeZone);
  const cache = new Map<number, number>();
  return {
    offsetMinutes(time) {
      const day = Math.floor(time / DAY);
      let offset = cache.get(day);
      if (offset === undefined) {
        const start = exact(day * DAY);
        offset = start === exact((day + 1) * DAY - 1) ? start : Number.NaN;
        cache.set(day, offset);
      }
      return Number.isNaN(offset) ? exact(time) : offset;
    },
  };
}

function runtimeOffset(time: number): number {
  return -Math.round(new Date(time).getTimezoneOffset());
}

function intlOffset(timeZone: string): (time: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return (time) => {
    const part: Record<string, number> = {};
    let bc = false;
    for (const { type, value } of format.formatToParts(time)) {
      if (type === 'era') bc = value.startsWith('B');
      else if (type !== 'literal') part[type] = Number(value);
    }
    const year = bc ? 1 - (part.year ?? 0) : (part.year ?? 0);
    const wall = new Date(0);
    wall.setUTCFullYear(year, (part.month ?? 1) - 1, part.day ?? 1);
    wall.setUTCHours(part.hour ?? 0, part.minute ?? 0, part.second ?? 0, 0);
    const instant = Math.floor(time / 1000) * 1000;
    return Math.round((wall.getTime() - instant) / 60_000);
  };
}

/** `00` … `59`: two-digit fields without a padStart per cell. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/**
 * The local date of a local day (days since 1970 in wall-clock time), as
 * `DD.MM.YYYY` and `YYYY-MM-DD`, cached: a log spans some hundreds of days,
 * and a Date per cell was a third of a CSV export's time (bench:log).
 */
const dayTexts = new Map<number, { german: string; iso: string }>();

function dayText(day: number): { german: string; iso: string } {
  let text = dayTexts.get(day);
  if (!text) {
    const d = new Date(day * DAY);
    const year = String(d.getUTCFullYear()).padStart(4, '0');
    const month = TWO_DIGITS[d.getUTCMonth() + 1] ?? '';
    const date = TWO_DIGITS[d.getUTCDate()] ?? '';
    text = { german: `${date}.${month}.${year}`, iso: `${year}-${month}-${date}` };
    if (dayTexts.size > 100_000) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}

/** The wall-clock day and time of day (to the second) of an instant at an offset. */
function wall(time: number, offsetMinutes: number) {
  const local = Math.floor(time / 1000) * 1000 + offsetMinutes * 60_000;
  const day = Math.floor(local / DAY);
  const seconds = Math.floor((local - day * DAY) / 1000);
  return {
    day: dayText(day),
    hour: TWO_DIGITS[Math.floor(seconds / 3600)] ?? '',
    minute: TWO_DIGITS[Math.floor(seconds / 60) % 60] ?? '',
    second: TWO_DIGITS[seconds % 60] ?? '',
  };
}

function pad(n: number): string {
  return TWO_DIGITS[n] ?? String(n).padStart(2, '0');
}

/** `27.11.2026 10:30`: what German Excel reads as a date and time. */
export function germanDateTime(time: number, clock: LocalClock): string {
  const w = wall(time, clock.offsetMinutes(time));
  return `${w.day.german} ${w.hour}:${w.minute}`;
}

/** `2026-11-27T10:30:00+01:00`: ISO 8601 in local time with its offset (to the second). */
export function isoWithOffset(time: number, clock: LocalClock): string {
  const offset = clock.offsetMinutes(time);
  const w = wall(time, offset);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${w.day.iso}T${w.hour}:${w.minute}:${w.second}${zone}`;
}

/** 1899-12-30, day 0 of Excel's 1900 date system (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Before 1900-03-01 Excel's serials are off by the bug; such times are written as text. */
const FIRST_EXCEL_DATE = Date.UTC(1900, 2, 1);

/**
 * The local time as an Excel serial date (days since 1899-12-30, the time of
 * day as the fraction), or undefined before 1900-03-01, where Excel's count
 * is off by its 1900 leap-year bug.
 */
export function excelSerial(time: number, clock: LocalClock): number | undefined {
  const local = time + clock.offsetMinutes(time) * 60_000;
  if (local < FIRST_EXCEL_DATE) return undefined;
  return (local - EXCEL_EPOCH) / 86_400_000;
}
