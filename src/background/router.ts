/**
 * Answers the worker's messages: checks who sent it and what it carries, then
 * hands it to the store that owns the data.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  checkArguments,
  describeError,
  isWorkerMessageName,
  senderProblem,
} from '../core/message-guards.ts';
import {
  isEnvelope,
  type Reply,
  type WorkerMessageName,
  type WorkerProtocol,
} from '../core/messages.ts';
import { updateBadge } from './badge.ts';
import { countLog, deleteAutomaticRecords, eraseEverything } from './erase.ts';
import { ImportRefusal } from './log-import.ts';
import { logHandlers } from './log-handlers.ts';
import { recordPageSighting, recordResults } from './log-sightings.ts';
import { loggedUrls } from './logged-urls.ts';
import { recordsAutomatically } from './recording-gate.ts';
import { recordResultsInSession } from './session-results.ts';
import { startSync, syncStatus } from './settings-sync.ts';
import { changeSettings, readSettingsForDisplay } from './settings-store.ts';

type Handler<N extends WorkerMessageName> = (
  args: WorkerProtocol[N]['args'],
  sender: Runtime.MessageSender,
) => Promise<WorkerProtocol[N]['reply']>;

const handlers: { [N in WorkerMessageName]: Handler<N> } = {
  'page/report': async (report, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('page reports come from tabs');
    const badge = updateBadge(tabId, sender.frameId ?? 0, report);
    // The works-council mode: the badge, and no record of the visit.
    if (await recordsAutomatically())
      await recordPageSighting(report, { tabId, frameId: sender.frameId ?? 0 });
    return { badge: await badge };
  },
  'settings/get': () => readSettingsForDisplay(),
  'settings/change': ({ operations }) => changeSettings(operations),
  ...logHandlers,
  // After the log's handlers: the works-council gate stands in front of theirs.
  'results/report': async ({ results, timeOrigin }, sender) => {
    // The works-council mode: "new" and rank marks from this session only.
    if (!(await recordsAutomatically())) return recordResultsInSession(results);
    return recordResults(
      results,
      sender.tab?.id !== undefined && timeOrigin !== undefined
        ? { tabId: sender.tab.id, frameId: sender.frameId ?? 0, timeOrigin }
        : undefined,
    );
  },
  'mentions/logged-urls': ({ urls }) => loggedUrls(urls),
  'log/counts': () => countLog(),
  'log/delete-sightings': async () => {
    await deleteAutomaticRecords();
    return true;
  },
  'data/erase': async () => {
    await eraseEverything();
    return true;
  },
  'sync/status': () => syncStatus(),
  'sync/start': ({ take }) => startSync(take),
};

export async function route(
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<Reply<unknown>> {
  if (!isEnvelope(message) || !isWorkerMessageName(message.type))
    return { ok: false, error: 'unknown-message' };
  const type = message.type;
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  const refused = senderProblem(type, sender, self);
  if (refused) return { ok: false, error: `${type}: ${refused}` };
  // Handlers get what the schema passed on, not the message itself.
  const args = checkArguments(type, message.args);
  if (!args.ok) return { ok: false, error: 'invalid-message', problem: args.problem };
  try {
    const handler = handlers[type] as Handler<WorkerMessageName>;
    return { ok: true, value: await handler(args.value, sender) };
  } catch (error) {
    if (error instanceof ImportRefusal)
      return { ok: false, error: 'import-refused', problem: error.problem };
    return { ok: false, error: describeError(error) };
  }
}
