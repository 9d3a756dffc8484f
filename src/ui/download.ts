/**
 * Saves files through the browser's download bar (no permission needed), and
 * the popup's export of the whole log, built from the worker's chunks (a
 * single message of the whole log fails past Chrome's 64 MiB, issue 10).
 */
import { exportFileName } from '../core/exchange.ts';
import { exportedByField } from '../core/export-identity.ts';
import { readEffectiveSettings } from '../platform/effective-settings.ts';
import { DEFAULT_MENTION_SORT } from '../core/log-query.ts';
import { callWorker } from '../platform/messaging.ts';
import { csvFile, jsonFile } from './log/exchange/export-file.ts';
import { pageLogReader } from './log/exchange/log-read.ts';
import { mentionChunks, sightingChunks } from './log/exchange/worker-chunks.ts';

export function saveBlob(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: revoking right after click() cancels the download in Firefox
  // (https://bugzilla.mozilla.org/show_bug.cgi?id=1282407).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Exports the whole log in one of the documented formats (CSV: the Standard dialect, mentions). */
export async function exportLog(kind: 'json' | 'csv'): Promise<void> {
  const mentions = mentionChunks(callWorker, null, DEFAULT_MENTION_SORT, pageLogReader());
  const file =
    kind === 'json'
      ? await jsonFile(
          { mentions, sightings: sightingChunks(callWorker, null, pageLogReader()) },
          new Date(),
          undefined,
          exportedByField(await readEffectiveSettings()),
        )
      : await csvFile('mentions', mentions, { dialect: 'standard' });
  saveBlob(file, exportFileName(kind));
}
