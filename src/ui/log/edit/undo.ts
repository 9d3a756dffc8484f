/**
 * Undo of bulk edits. The worker keeps the before-images of the latest bulk
 * edit only (until the next one, or for a while), so the page offers undo
 * for the latest edit alone, and only while the worker still can.
 */

/** What a bulk edit did, as the worker confirmed it. */
export interface BulkDone {
  /** The worker's token for undoing it; undefined when it cannot be undone. */
  token: string | undefined;
  /** Mentions changed (or deleted). */
  count: number;
  /** The action, to say what undo will undo ("Undo: 12 set to negative"). */
  action: string;
  /** When it was done (ms since 1970). */
  at: number;
}

export interface UndoState {
  /** The edit that undo would reverse, if any. */
  readonly latest: BulkDone | undefined;
  /** An undo is running: the button waits, a second click does nothing. */
  readonly undoing: boolean;
}

export const NO_UNDO: UndoState = { latest: undefined, undoing: false };

/**
 * How long undo is offered. The worker may keep before-images longer; the
 * page stops offering sooner so that an undo clicked an hour later does not
 * surprise anyone.
 */
export const UNDO_WINDOW_MS = 10 * 60_000;

/** A new bulk edit replaces what could be undone (the worker dropped its before-images). */
export function recordBulk(_state: UndoState, done: BulkDone): UndoState {
  return { latest: done.token === undefined ? undefined : done, undoing: false };
}

/** The edit undo would reverse now, or undefined once it is too old or already running. */
export function undoable(state: UndoState, now: number): BulkDone | undefined {
  const latest = state.latest;
  if (!latest || state.undoing || now - latest.at > UNDO_WINDOW_MS) return undefined;
  return latest;
}

export function startUndo(state: UndoState, token: string): UndoState {
  return state.latest?.token === token ? { ...state, undoing: true } : state;
}

/** Undo finished: nothing is left to undo (one level only). On failure the edit stays offered. */
export function finishUndo(state: UndoState, succeeded: boolean): UndoState {
  return succeeded ? NO_UNDO : { ...state, undoing: false };
}
