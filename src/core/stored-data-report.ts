/**
 * "What is stored, in plain words": the options page's description of every
 * record Markenlotse keeps in the current mode (which fields, where, written
 * when, for how long), generated from the catalog in stored-data.ts so that
 * it cannot drift from the code. A company can attach it to its works
 * agreement (Betriebsvereinbarung) and its record of processing (Art. 30 GDPR).
 *
 * Pure: texts are locale keys with parameters; the page words them with
 * `t()`, and {@link reportAsText} makes the plain text to copy.
 */
import type { RecordingMode } from './profile/types.ts';
import {
  STORED_RECORDS,
  storedFieldKey,
  storedRecordKey,
  type StoragePlace,
  type StoredRecord,
} from './stored-data.ts';

/** A sentence: a locale key and its parameters. */
export interface Line {
  key: string;
  params?: (string | number)[];
}

export interface ReportRecord {
  /** Store or storage key, as the browser's developer tools show it. */
  where: string;
  what: Line;
  written: Line;
  kept: Line;
  fields: { name: string; text: Line }[];
}

export interface StoredDataReport {
  intro: Line[];
  places: { place: StoragePlace; title: Line; records: ReportRecord[] }[];
  outro: Line[];
}

export interface ReportOptions {
  mode: RecordingMode;
  retentionDays: number;
  mentionRetentionDays: number;
  sync: boolean;
  /** A company policy sets some of these. */
  managed: boolean;
}

const PLACES: readonly StoragePlace[] = ['indexedDb', 'local', 'session', 'sync'];
const PLACE_TITLE: Record<StoragePlace, string> = {
  indexedDb: 'storedPlaceIndexedDb',
  local: 'storedPlaceLocal',
  session: 'storedPlaceSession',
  sync: 'storedPlaceSync',
};

function written(record: StoredRecord, mode: RecordingMode): Line {
  switch (record.origin) {
    case 'automatic':
      return { key: mode === 'full' ? 'storedWrittenAutomatic' : 'storedWrittenAutomaticOff' };
    case 'on-purpose':
      return { key: 'storedWrittenOnPurpose' };
    case 'derived':
      return { key: 'storedWrittenDerived' };
    case 'settings':
      return { key: record.place === 'sync' ? 'storedWrittenSync' : 'storedWrittenSettings' };
    case 'policy':
      return { key: 'storedWrittenPolicy' };
    case 'session':
      return { key: 'storedWrittenSession' };
  }
}

/** Retention in words, by the date it counts from (a field name means nothing to a works council). */
const KEPT_DAYS_BY_FIELD = {
  createdAt: 'storedKeptDaysLogged',
  lastSeen: 'storedKeptDaysLastSeen',
  seenAt: 'storedKeptDaysSeen',
  time: 'storedKeptDaysOld',
} as const;

function kept(record: StoredRecord, options: ReportOptions): Line {
  if (record.retention) {
    const days = options[record.retention.setting];
    return days > 0
      ? { key: KEPT_DAYS_BY_FIELD[record.retention.field], params: [days] }
      : { key: 'storedKeptUntilDeleted' };
  }
  if (record.id === 'undo') return { key: 'storedKeptUndo' };
  if (record.id === 'imports') return { key: 'storedKeptImports' };
  if (record.id === 'staged') return { key: 'storedKeptStaged' };
  if (record.id === 'meta') return { key: 'storedKeptSettings' };
  if (record.place === 'session') return { key: 'storedKeptSession' };
  if (record.place === 'sync') return { key: 'storedKeptSync' };
  if (record.id === 'policyCopy') return { key: 'storedKeptPolicy' };
  return { key: 'storedKeptSettings' };
}

/** The description for the current settings. */
export function describeStoredData(options: ReportOptions): StoredDataReport {
  const intro: Line[] = [
    { key: 'storedIntro' },
    { key: options.mode === 'full' ? 'storedModeFull' : 'storedModeManual' },
  ];
  if (options.sync) intro.push({ key: 'storedIntroSync' });
  if (options.managed) intro.push({ key: 'storedIntroManaged' });
  const places = PLACES.map((place) => ({
    place,
    title: { key: PLACE_TITLE[place] },
    records: STORED_RECORDS.filter(
      (r) => r.place === place && (options.sync || !r.onlyWithSync),
    ).map((record): ReportRecord => ({
      where: record.where,
      what: { key: storedRecordKey(record) },
      written: written(record, options.mode),
      kept: kept(record, options),
      fields: record.fields.map((name) => ({
        name,
        text: { key: storedFieldKey(record, name) },
      })),
    })),
  })).filter((place) => place.records.length > 0);
  return {
    intro,
    places,
    outro: [{ key: 'storedDeleteEverything' }, { key: 'storedUninstall' }],
  };
}

/** Words a line (the page's `t`). */
export type Wording = (key: string, params: (string | number)[]) => string;

/** The report as plain text, for copying into a document. */
export function reportAsText(report: StoredDataReport, word: Wording, title: string): string {
  const say = (line: Line) => word(line.key, line.params ?? []);
  const out: string[] = [title, '', ...report.intro.map(say), ''];
  for (const place of report.places) {
    out.push(say(place.title), '');
    for (const record of place.records) {
      out.push(`${say(record.what)} (${record.where})`);
      out.push(`  ${say(record.written)}`, `  ${say(record.kept)}`);
      for (const field of record.fields) out.push(`  - ${field.name}: ${say(field.text)}`);
      out.push('');
    }
  }
  out.push(...report.outro.map(say));
  return out.join('\n') + '\n';
}
