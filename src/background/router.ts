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
import {
  addMention,
  clearLog,
  deleteMention,
  importLog,
  readLog,
  recordPageSighting,
  recordResults,
  updateMention,
} from './log-store.ts';
import { countLog, deleteAutomaticRecords, eraseEverything } from './erase.ts';
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
    if (await recordsAutomatically()) await recordPageSighting(report);
    return { badge: await badge };
  },
  'results/report': async ({ results }) => {
    // The works-council mode: "new" and rank marks from this session only.
    if (!(await recordsAutomatically())) return recordResultsInSession(results);
    return recordResults(results);
  },
  'settings/get': () => readSettingsForDisplay(),
  'settings/change': ({ operations }) => changeSettings(operations),
  'mention/add': (draft) => addMention(draft),
  'mention/update': ({ id, ...patch }) => updateMention(id, patch),
  'mention/delete': ({ id }) => deleteMention(id),
  'mentions/logged-urls': ({ urls }) => loggedUrls(urls),
  'log/get': ({ limit }) => readLog(limit),
  'log/import': ({ text }) => importLog(text),
  'log/clear': async () => {
    await clearLog();
    return true;
  },
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
    return { ok: false, error: describeError(error) };
  }
}
