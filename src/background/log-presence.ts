/**
 * Whether the log this worker opens is the one it had. A log database that
 * has to be created while storage.local says one existed was deleted outside
 * Markenlotse: site data cleared in the browser, the profile's IndexedDB
 * folder removed, or a damaged database that the browser threw away and
 * started anew (Chromium does so with a database it cannot read). The
 * records are gone; the worker cannot bring them back, but it must not hide
 * it: the loss is kept here until the user has read the workspace's notice.
 *
 * storage.local (the settings) is another store than the log's database and
 * survives all of these.
 */
import browser from 'webextension-polyfill';
import type { LogLoss } from '../core/messages.ts';

export const PRESENCE_KEY = 'logPresence';

/** Under PRESENCE_KEY: since when this log exists, and a loss not yet acknowledged. */
export interface LogPresence {
  since: string;
  lost?: LogLoss;
}

function readPresence(value: unknown): LogPresence | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { since, lost } = value as Record<string, unknown>;
  if (typeof since !== 'string') return undefined;
  const loss = lost as Partial<LogLoss> | undefined;
  return typeof loss?.at === 'string' && typeof loss.since === 'string'
    ? { since, lost: { at: loss.at, since: loss.since } }
    : { since };
}

async function stored(): Promise<LogPresence | undefined> {
  return readPresence((await browser.storage.local.get(PRESENCE_KEY))[PRESENCE_KEY]);
}

/**
 * Called once a connection is open; `created`: the database was made just
 * now (the upgrade started from version 0). True if that means a log was lost.
 * Never throws: a full storage.local must not keep the log from opening.
 */
export async function noteLogOpened(created: boolean, now = new Date()): Promise<boolean> {
  try {
    const presence = await stored();
    if (presence && !created) return false;
    const at = now.toISOString();
    // A first install, or a log older than this record: nothing to say.
    const lost = created && presence ? { at, since: presence.since } : undefined;
    const next: LogPresence = lost ? { since: at, lost } : { since: presence?.since ?? at };
    await browser.storage.local.set({ [PRESENCE_KEY]: next });
    return lost !== undefined;
  } catch {
    return false;
  }
}

/** The loss the user has not acknowledged yet, if there is one. */
export async function unreadLoss(): Promise<LogLoss | null> {
  return (await stored())?.lost ?? null;
}

/** The user has read the notice of the loss. */
export async function acknowledgeLoss(): Promise<void> {
  const presence = await stored();
  if (presence?.lost)
    await browser.storage.local.set({ [PRESENCE_KEY]: { since: presence.since } });
}
