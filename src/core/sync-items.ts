/**
 * The settings in `storage.sync`, split into items within its quotas
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync):
 * 102,400 bytes in all, 8,192 bytes per item, 512 items, where an item's size
 * is the length of its key plus the length of its value as JSON, in UTF-8.
 *
 * The settings document is written as JSON text cut into string items
 * (`settings.0`, `settings.1`, …) and one `settings.meta` item naming the
 * count and a fingerprint of the whole text. A split either returns every
 * item or fails, so a profile too large is never half-written; a reader that
 * gets some items of a newer write before the rest (sync delivers items one
 * by one) sees a fingerprint that does not match and keeps what it has.
 *
 * Pure: the worker calls `storage.sync.set(items)` once (one write of the
 * 120 a minute), then removes {@link staleSyncKeys}.
 */
import { fingerprint } from './hash.ts';

export interface SyncQuota {
  totalBytes: number;
  itemBytes: number;
  maxItems: number;
}

/** Chrome's quotas for storage.sync (Firefox's are the same or larger). */
export const SYNC_QUOTA: SyncQuota = { totalBytes: 102_400, itemBytes: 8_192, maxItems: 512 };

export const SYNC_META_KEY = 'settings.meta';
const CHUNK_PREFIX = 'settings.';
const SYNC_VERSION = 1;

export interface SyncMeta {
  version: typeof SYNC_VERSION;
  chunks: number;
  fingerprint: string;
}

export type SyncSplit =
  | { ok: true; items: Record<string, unknown>; bytes: number }
  /** `bytes`: what the profile needs; `limit`: what sync allows. */
  | { ok: false; error: 'too-large'; bytes: number; limit: number }
  | { ok: false; error: 'too-many-items'; items: number; limit: number };

export type SyncJoin =
  | { ok: true; doc: unknown }
  /**
   * `absent`: nothing synced yet; `incomplete`: items missing or from two
   * writes (more are on their way); `corrupt`: not ours or not JSON;
   * `unsupported`: written by a newer version.
   */
  | { ok: false; error: 'absent' | 'incomplete' | 'corrupt' | 'unsupported' };

const encoder = new TextEncoder();

/** An item's size as storage.sync counts it: key plus value as JSON, in UTF-8 bytes. */
export function syncItemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
}

/** The document as sync items, or why it does not fit. */
export function splitForSync(doc: unknown, quota: SyncQuota = SYNC_QUOTA): SyncSplit {
  const text = JSON.stringify(doc) as string | undefined;
  if (text === undefined) throw new TypeError('the settings must be a JSON value');
  const chunks = cutToFit(text, (index) => quota.itemBytes - utf8Length(`${CHUNK_PREFIX}${index}`));
  const meta: SyncMeta = {
    version: SYNC_VERSION,
    chunks: chunks.length,
    fingerprint: fingerprint(text),
  };
  const items: Record<string, unknown> = { [SYNC_META_KEY]: meta };
  chunks.forEach((chunk, index) => (items[`${CHUNK_PREFIX}${index}`] = chunk));
  const count = chunks.length + 1;
  if (count > quota.maxItems)
    return { ok: false, error: 'too-many-items', items: count, limit: quota.maxItems };
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += syncItemBytes(key, value);
  if (bytes > quota.totalBytes)
    return { ok: false, error: 'too-large', bytes, limit: quota.totalBytes };
  return { ok: true, items, bytes };
}

/** The document back from the items read from storage.sync (other keys are ignored). */
export function joinSyncItems(items: Readonly<Record<string, unknown>>): SyncJoin {
  const meta = items[SYNC_META_KEY];
  if (meta === undefined) return { ok: false, error: 'absent' };
  if (!isMeta(meta)) return { ok: false, error: 'corrupt' };
  if (meta.version > SYNC_VERSION) return { ok: false, error: 'unsupported' };
  let text = '';
  for (let index = 0; index < meta.chunks; index++) {
    const chunk = items[`${CHUNK_PREFIX}${index}`];
    if (typeof chunk !== 'string') return { ok: false, error: 'incomplete' };
    text += chunk;
  }
  if (fingerprint(text) !== meta.fingerprint) return { ok: false, error: 'incomplete' };
  try {
    return { ok: true, doc: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'corrupt' };
  }
}

/** Keys of an earlier, longer split that the new items do not overwrite: remove them after the write. */
export function staleSyncKeys(
  storedKeys: Iterable<string>,
  items: Readonly<Record<string, unknown>>,
): string[] {
  return [...storedKeys].filter((key) => /^settings\.\d+$/.test(key) && !(key in items));
}

function isMeta(value: unknown): value is SyncMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Record<string, unknown>;
  return (
    typeof meta.version === 'number' &&
    typeof meta.chunks === 'number' &&
    Number.isInteger(meta.chunks) &&
    meta.chunks >= 0 &&
    typeof meta.fingerprint === 'string'
  );
}

/**
 * Cuts the text into pieces whose JSON form (quotes and escapes included)
 * fits the room each piece's key leaves, never between the two halves of a
 * surrogate pair. Greedy, so every piece but the last is full to the byte or
 * within 5 bytes of it.
 */
function cutToFit(text: string, room: (index: number) => number): string[] {
  const pieces: string[] = [];
  let start = 0;
  do {
    let used = 2; // the quotes around the piece
    const budget = room(pieces.length);
    let end = start;
    while (end < text.length) {
      const [cost, units] = jsonCost(text, end);
      if (used + cost > budget) break;
      used += cost;
      end += units;
    }
    if (end === start && start < text.length)
      throw new RangeError('sync item too small for one character');
    pieces.push(text.slice(start, end));
    start = end;
  } while (start < text.length);
  return pieces;
}

/** UTF-8 bytes of the character at `i` inside a JSON string, and how many UTF-16 units it is. */
function jsonCost(text: string, i: number): [number, number] {
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x5c) return [2, 1]; // \" \\
  if (c < 0x20) return [c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6, 1];
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return [4, 2];
    return [6, 1]; // a lone surrogate is written as \udXXX
  }
  if (c >= 0xdc00 && c <= 0xdfff) return [6, 1];
  return [3, 1];
}

function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
