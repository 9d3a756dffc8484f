/** Saves text as a file through the browser's download bar (no permission needed). */
import { exportFileName, toCsv, toJsonExport } from '../core/exchange.ts';
import { exportedByField } from '../core/export-identity.ts';
import { readEffectiveSettings } from '../platform/effective-settings.ts';
import { callWorker } from '../platform/messaging.ts';

export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
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

/** Exports the whole log in one of the documented formats. */
export async function exportLog(kind: 'json' | 'csv'): Promise<void> {
  const [log, settings] = await Promise.all([callWorker('log/get', {}), readEffectiveSettings()]);
  if (kind === 'json')
    downloadText(
      exportFileName('json'),
      toJsonExport(log.mentions, log.sightings, new Date(), exportedByField(settings)),
      'application/json',
    );
  else downloadText(exportFileName('csv'), toCsv(log.mentions), 'text/csv;charset=utf-8');
}
