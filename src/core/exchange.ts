/**
 * Moving the log in and out of the extension: JSON export and import (lossless,
 * validated record by record), CSV in two dialects, .xlsx and tab-separated
 * text for spreadsheets, and merging an imported log into the one already
 * stored, with a preview and the user's choices.
 *
 * Pure TypeScript: runs in extension pages and in node. The format is
 * documented in docs/export-format.md; keep the two in step.
 */
import { type Mention, type Sighting } from './mention.ts';
import {
  copyMention,
  copySighting,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type LogExport,
} from './exchange/format.ts';

export { EXPORT_FORMAT, EXPORT_VERSION, type LogExport } from './exchange/format.ts';
export * from './exchange/csv.ts';
export * from './exchange/import.ts';
export * from './exchange/labels.ts';
export * from './exchange/merge.ts';
export * from './exchange/merge-plan.ts';
export { neutraliseFormula } from './exchange/neutralise.ts';
export { LIST_JOINER, type LogRecords } from './exchange/table.ts';
export * from './exchange/tsv.ts';
export * from './exchange/xlsx.ts';
export { exportHeaderProblem } from './exchange/header.ts';
export { readMention, readSighting } from './exchange/records.ts';

/**
 * The whole log as pretty-printed JSON. Records are copied field by field, so
 * stray properties of stored objects do not leak into the file and every file
 * has the same shape. Nothing names the user but `identity`: the name they
 * chose for "exported by" (core/export-identity.ts), if any.
 */
export function toJsonExport(
  mentions: Mention[],
  sightings: Sighting[],
  now = new Date(),
  identity: { exportedBy?: string } = {},
): string {
  const doc: LogExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    ...identity,
    mentions: mentions.map(copyMention),
    sightings: sightings.map(copySighting),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * `markenlotse-2026-11-27.csv`, by the local date; a CSV of sightings is
 * `markenlotse-sightings-2026-11-27.csv`.
 */
export function exportFileName(
  kind: 'json' | 'csv' | 'xlsx',
  now = new Date(),
  records: 'log' | 'sightings' = 'log',
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `markenlotse-${records === 'sightings' ? 'sightings-' : ''}${date}.${kind}`;
}
