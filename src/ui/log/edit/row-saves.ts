/**
 * Saving edits made in place, without a Save button: each change is sent as
 * a patch of the fields it touches, with the values the user saw before it
 * (the worker's optimistic check). One save per row at a time; changes made
 * while one is on its way are merged and sent after it. Every row's state
 * (saving / saved / failed / conflict) is kept for the row and for the
 * page's one live region.
 *
 * A conflict (another tab or window changed a field meanwhile) keeps the
 * user's values, unsent, until they choose: keep the other version of those
 * fields, or overwrite it with theirs.
 */

export type SaveState = 'saving' | 'saved' | 'failed' | 'conflict';

export interface RowSave {
  state: SaveState;
  /** Why it failed, in the user's words. */
  error?: string;
  /** What the row is called in messages (its title). */
  label: string;
}

/** What the worker answered to one patch (core/messages/log.ts, MentionUpdate). */
export type SaveOutcome<P, R> =
  | { kind: 'saved'; stored: R }
  | { kind: 'gone' }
  | { kind: 'conflict'; stored: R; fields: (keyof P & string)[] };

/** Sends one patch with the values the user saw before it. */
export type SendPatch<P, R> = (id: string, patch: P, before: P) => Promise<SaveOutcome<P, R>>;

interface Pending<P> {
  patch: P;
  /** For each field of the patch, the value the user saw before their first change of it. */
  before: P;
  label: string;
}

/** A row whose save met another tab's change, as the page shows it. */
export interface RowConflict<P, R> {
  id: string;
  label: string;
  /** The record as it is stored now. */
  stored: R;
  fields: (keyof P & string)[];
  /** The user's values, not saved. */
  mine: P;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class RowSaves<P extends object, R extends { id: string }> {
  private readonly states = new Map<string, RowSave>();
  private readonly inFlight = new Set<string>();
  private readonly waiting = new Map<string, Pending<P>>();
  /** Conflicts by row; kept while the user's version is on its way, until it is saved. */
  private readonly conflicts = new Map<
    string,
    // `overwriting`: the user's version, on its way to replace the other one.
    { stored: R; fields: (keyof P & string)[]; overwriting: P | null }
  >();
  /** What happened last, for the live region. */
  last: { id: string; save: RowSave } | undefined;

  constructor(
    private readonly send: SendPatch<P, R>,
    /** Called with each stored record (to show it) and after every change of state. */
    private readonly events: {
      saved: (record: R) => void;
      gone: (id: string) => void;
      changed: () => void;
      describe: (error: unknown) => string;
      goneText: string;
    },
  ) {}

  state(id: string): RowSave | undefined {
    return this.states.get(id);
  }

  /** True while any row has an edit not saved: leaving the page now would lose it. */
  get busy(): boolean {
    return this.inFlight.size > 0 || this.waiting.size > 0;
  }

  /**
   * Saves `patch` for the record; `before` holds, for each field of the
   * patch, the value the user saw when they began to change it.
   */
  edit(record: R, patch: P, before: P, label: string): void {
    const queued = this.waiting.get(record.id);
    this.waiting.set(record.id, {
      patch: queued ? { ...queued.patch, ...patch } : patch,
      // The first value seen of a field is the one the worker must still hold.
      before: queued ? { ...before, ...queued.before } : before,
      label,
    });
    const conflict = this.conflicts.get(record.id);
    if (conflict && !conflict.overwriting) {
      // Still waiting for the user's choice: what they type now joins their version.
      this.events.changed();
      return;
    }
    this.setState(record.id, { state: 'saving', label });
    if (!this.inFlight.has(record.id)) void this.flush(record.id);
  }

  /** Sends again what failed (the row's Retry button). */
  retry(id: string): void {
    const conflict = this.conflicts.get(id);
    // A conflict waits for the user's choice, not for a retry.
    if (conflict && !conflict.overwriting) return;
    if (this.waiting.has(id) && !this.inFlight.has(id)) {
      const label = this.waiting.get(id)!.label;
      this.setState(id, { state: 'saving', label });
      void this.flush(id);
    }
  }

  /** Rows waiting for the user's choice between their version and the other one. */
  conflictList(): RowConflict<P, R>[] {
    const out: RowConflict<P, R>[] = [];
    for (const [id, conflict] of this.conflicts) {
      const pending = this.waiting.get(id);
      if (conflict.overwriting || !pending) continue;
      out.push({
        id,
        label: pending.label,
        stored: conflict.stored,
        fields: conflict.fields,
        mine: pending.patch,
      });
    }
    return out;
  }

  /** The record as the row shows it: during a conflict, the user's values in its fields. */
  shown(record: R): R {
    const conflict = this.conflicts.get(record.id);
    const values = this.waiting.get(record.id)?.patch ?? conflict?.overwriting;
    if (!conflict || !values) return record;
    const mine: Partial<P> = {};
    for (const field of conflict.fields) if (field in values) mine[field] = values[field];
    return { ...record, ...mine };
  }

  /** The user keeps the other version of the fields in conflict; the rest of their edit is saved. */
  keepTheirs(id: string): void {
    const conflict = this.conflicts.get(id);
    const pending = this.waiting.get(id);
    if (!conflict || !pending) return;
    this.conflicts.delete(id);
    const patch = { ...pending.patch };
    const before = { ...pending.before };
    for (const field of conflict.fields) {
      delete patch[field];
      delete before[field];
    }
    if (Object.keys(patch).length === 0) {
      this.waiting.delete(id);
      this.setState(id, { state: 'saved', label: pending.label });
      return;
    }
    this.waiting.set(id, { ...pending, patch, before });
    this.setState(id, { state: 'saving', label: pending.label });
    void this.flush(id);
  }

  /** The user's version replaces the other one (checked against it, in case it changed again). */
  overwrite(id: string): void {
    const conflict = this.conflicts.get(id);
    const pending = this.waiting.get(id);
    if (!conflict || !pending) return;
    conflict.overwriting = pending.patch;
    const before = { ...pending.before };
    for (const field of conflict.fields) before[field] = conflict.stored[field as keyof R] as never;
    this.waiting.set(id, { ...pending, before });
    this.setState(id, { state: 'saving', label: pending.label });
    void this.flush(id);
  }

  private async flush(id: string): Promise<void> {
    const next = this.waiting.get(id);
    if (!next) return;
    this.waiting.delete(id);
    this.inFlight.add(id);
    try {
      const outcome = await this.send(id, next.patch, next.before);
      this.inFlight.delete(id);
      if (outcome.kind === 'gone') {
        this.waiting.delete(id);
        this.conflicts.delete(id);
        this.setState(id, { state: 'failed', error: this.events.goneText, label: next.label });
        this.events.gone(id);
        return;
      }
      if (outcome.kind === 'conflict') {
        this.requeue(id, next);
        this.conflicts.set(id, {
          stored: outcome.stored,
          fields: outcome.fields,
          overwriting: null,
        });
        this.events.saved(outcome.stored);
        this.setState(id, { state: 'conflict', label: next.label });
        return;
      }
      this.conflicts.delete(id);
      this.rebase(id, next);
      this.events.saved(outcome.stored);
      if (this.waiting.has(id)) {
        void this.flush(id);
        return;
      }
      this.setState(id, { state: 'saved', label: next.label });
    } catch (error) {
      this.inFlight.delete(id);
      // Keep the patch (merged with anything typed meanwhile) for a retry.
      this.requeue(id, next);
      this.setState(id, {
        state: 'failed',
        error: this.events.describe(error),
        label: next.label,
      });
    }
  }

  /** Puts an unsaved patch back in front of whatever was typed while it was on its way. */
  private requeue(id: string, sent: Pending<P>): void {
    const later = this.waiting.get(id);
    this.waiting.set(id, {
      patch: later ? { ...sent.patch, ...later.patch } : sent.patch,
      before: later ? { ...later.before, ...sent.before } : sent.before,
      label: sent.label,
    });
  }

  /**
   * Our own save landed: an edit made on top of it while it was on its way,
   * whose row still showed the value from before it, was made on our value.
   */
  private rebase(id: string, saved: Pending<P>): void {
    const later = this.waiting.get(id);
    if (!later) return;
    const before = { ...later.before };
    for (const field of Object.keys(saved.patch) as (keyof P)[])
      if (field in before && same(before[field], saved.before[field]))
        before[field] = saved.patch[field];
    this.waiting.set(id, { ...later, before });
  }

  private setState(id: string, save: RowSave): void {
    this.states.set(id, save);
    this.last = { id, save };
    this.events.changed();
  }
}
