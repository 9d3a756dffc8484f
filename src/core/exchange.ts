/**
 * Moving the log in and out of the extension: JSON export and import (lossless,
 * validated record by record), CSV export for spreadsheets, and merging an
 * imported log into the one already stored.
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
export * from './exchange/merge.ts';
export { exportHeaderProblem } from './exchange/header.ts';
export { readMention, readSighting } from './exchange/records.ts';

/**
 * The whole log as pretty-printed JSON. Records are copied field by field, so
 * stray properties of stored objects do not leak into the file and every file
 * has the same shape.
 */
export function toJsonExport(mentions: Mention[], sightings: Sighting[], now = new Date()): string {
  const doc: LogExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    mentions: mentions.map(copyMention),
    sightings: sightings.map(copySighting),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** `markenlotse-2026-11-27.csv`, by the local date. */
export function exportFileName(kind: 'json' | 'csv', now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `markenlotse-${date}.${kind}`;
}
