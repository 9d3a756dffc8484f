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
import { ImportRefusal } from './log-import.ts';
import { logHandlers } from './log-handlers.ts';
import { recordPageSighting } from './log-sightings.ts';
import { loggedUrls } from './logged-urls.ts';
import { readSettings, saveSettings } from './settings-store.ts';

type Handler<N extends WorkerMessageName> = (
  args: WorkerProtocol[N]['args'],
  sender: Runtime.MessageSender,
) => Promise<WorkerProtocol[N]['reply']>;

const handlers: { [N in WorkerMessageName]: Handler<N> } = {
  'page/report': async (report, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('page reports come from tabs');
    const [badge] = await Promise.all([
      updateBadge(tabId, sender.frameId ?? 0, report),
      recordPageSighting(report, { tabId, frameId: sender.frameId ?? 0 }),
    ]);
    return { badge };
  },
  'settings/get': () => readSettings(),
  'settings/save': ({ settings }) => saveSettings(settings),
  ...logHandlers,
  'mentions/logged-urls': ({ urls }) => loggedUrls(urls),
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
