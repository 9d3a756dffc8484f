/** How the charts write dates and numbers, in the UI's language (passed in: this module is pure). */
import { weekDate } from './weeks.ts';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${lang} ${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(lang, options);
    cache.set(key, format);
  }
  return format;
}

/** A week by its Monday, short: "30 Nov" / "30. Nov.". */
export function weekLabel(week: string, lang: string): string {
  return dateFormat(lang, { day: 'numeric', month: 'short' }).format(weekDate(week));
}

/** A week by its Monday, with the year: "30 Nov 2026" / "30.11.2026". */
export function weekLabelLong(week: string, lang: string): string {
  return dateFormat(lang, { dateStyle: 'medium' }).format(weekDate(week));
}

/** A day: "1 Dec 2026" / "01.12.2026". */
export function dayLabel(time: number, lang: string): string {
  return dateFormat(lang, { dateStyle: 'medium' }).format(new Date(time));
}

export function numberLabel(value: number, lang: string): string {
  const key = `n ${lang}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    cache.set(key, format);
  }
  return format.format(value);
}

/** Every n-th label, so that labels of a long axis do not run into each other. */
export function labelEvery(count: number, room: number, labelWidth: number): number {
  if (count <= 0) return 1;
  return Math.max(1, Math.ceil((count * labelWidth) / Math.max(1, room)));
}
