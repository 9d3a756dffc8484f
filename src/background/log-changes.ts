/**
 * Tells who cares that records changed, after the transaction committed: the
 * in-memory mention index (log-index.ts) and the open workspaces (log-port.ts).
 * Nothing is kept here; a restarted worker has no listeners until they register.
 */
import type { Mention } from '../core/mention.ts';

export interface MentionChange {
  /** Mentions as stored now. */
  put: readonly Mention[];
  deleted: readonly string[];
  /** Everything may have changed (the log was cleared): listeners start over. */
  reset?: boolean;
}

type Store = 'mentions' | 'sightings';

const mentionListeners = new Set<(change: MentionChange) => void>();
const storeListeners = new Set<(stores: Store[]) => void>();

export function onMentionsChanged(listener: (change: MentionChange) => void): void {
  mentionListeners.add(listener);
}

export function onStoresChanged(listener: (stores: Store[]) => void): void {
  storeListeners.add(listener);
}

export function mentionsChanged(change: MentionChange): void {
  if (!change.reset && change.put.length === 0 && change.deleted.length === 0) return;
  for (const listener of mentionListeners) listener(change);
  storesChanged(['mentions']);
}

export function storesChanged(stores: Store[]): void {
  for (const listener of storeListeners) listener(stores);
}
