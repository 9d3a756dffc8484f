/** The log's messages (core/messages/log.ts, the popup's recent records, clearing), each handed to the module that owns it. */
import type { Runtime } from 'webextension-polyfill';
import type { LogProtocol, WorkerProtocol } from '../core/messages.ts';
import { bulkEdit, undoBulkEdit } from './log-bulk.ts';
import { exportMentions, exportSightings } from './log-export.ts';
import {
  beginImport,
  cancelImport,
  commitImport,
  importDifferences,
  previewImport,
  stageChunk,
} from './log-import.ts';
import { facets, queryMentionIds, queryMentions } from './log-mention-queries.ts';
import {
  addMention,
  deleteMention,
  getMentions,
  promoteSighting,
  updateMention,
} from './log-mentions.ts';
import { overview } from './log-overview.ts';
import { querySightings, querySites } from './log-sighting-queries.ts';
import { recordResults } from './log-sightings.ts';
import { backupDone, logStatus, lossSeen, setBackupReminder } from './log-status.ts';
import { clearLog, recentLog } from './log-whole.ts';

type Names = keyof LogProtocol | 'results/report' | 'log/recent' | 'log/clear';

type Handler<N extends Names> = (
  args: WorkerProtocol[N]['args'],
  sender: Runtime.MessageSender,
) => Promise<WorkerProtocol[N]['reply']>;

export const logHandlers: { [N in Names]: Handler<N> } = {
  'results/report': ({ results, timeOrigin }, sender) =>
    recordResults(
      results,
      sender.tab?.id !== undefined && timeOrigin !== undefined
        ? { tabId: sender.tab.id, frameId: sender.frameId ?? 0, timeOrigin }
        : undefined,
    ),
  'mention/add': (draft) => addMention(draft),
  'mention/update': ({ id, before, ...patch }) => updateMention(id, patch, before),
  'mention/delete': ({ id }) => deleteMention(id),
  'mentions/get': ({ ids }) => getMentions(ids),
  'mentions/query': (args) => queryMentions(args),
  'mentions/ids': (args) => queryMentionIds(args),
  'mentions/facets': () => facets(),
  'mentions/bulk': ({ target, change }) => bulkEdit(target, change),
  'mentions/undo': ({ undo }) => undoBulkEdit(undo),
  'sightings/query': (args) => querySightings(args),
  'sightings/sites': (args) => querySites(args),
  'sighting/promote': (args) => promoteSighting(args),
  'log/overview': ({ filter }) => overview(filter),
  'log/status': () => logStatus(),
  'log/backup-reminder': ({ on }) => setBackupReminder(on),
  'log/backup-done': () => backupDone(),
  'log/loss-seen': () => lossSeen(),
  'export/mentions': (args) => exportMentions(args),
  'export/sightings': (args) => exportSightings(args),
  'import/begin': (args) => beginImport(args),
  'import/chunk': (args) => stageChunk(args),
  'import/preview': ({ importId }) => previewImport(importId),
  'import/differences': (args) => importDifferences(args),
  'import/commit': ({ importId, choices }) => commitImport(importId, choices),
  'import/cancel': ({ importId }) => cancelImport(importId),
  'log/recent': ({ limit }) => recentLog(limit),
  'log/clear': async () => {
    await clearLog();
    return true;
  },
};
