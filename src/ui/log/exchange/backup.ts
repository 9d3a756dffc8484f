/** A backup: the whole log as JSON, saved, and the worker told (the backup reminder counts from it). */
import { DEFAULT_MENTION_SORT } from '../../../core/log-query.ts';
import { exportFileName } from '../../../core/exchange.ts';
import type { LogStatus } from '../../../core/messages.ts';
import type { WorkspaceServices } from '../services.ts';
import { jsonFile, type Progress } from './export-file.ts';
import { mentionChunks, sightingChunks } from './worker-chunks.ts';

export async function saveBackup(
  services: WorkspaceServices,
  progress: Progress = () => {},
): Promise<{ name: string; status: LogStatus }> {
  const now = new Date(services.now());
  const file = await jsonFile(
    {
      mentions: mentionChunks(services.ask, null, DEFAULT_MENTION_SORT, services.logReader()),
      sightings: sightingChunks(services.ask, null, services.logReader()),
    },
    now,
    progress,
    await services.exportIdentity(),
  );
  const name = exportFileName('json', now);
  services.saveFile(file, name);
  return { name, status: await services.ask('log/backup-done', null) };
}
