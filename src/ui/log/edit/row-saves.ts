/**
 * Saving edits made in place, without a Save button: each change is sent as
 * a patch of the fields it touches. One save per row at a time; changes made
 * while one is on its way are merged and sent after it, with the time stamp
 * the first reply brought. Every row's state (saving / saved / failed) is
 * kept for the row and for the page's one live region.
 */

export type SaveState = 'saving' | 'saved' | 'failed';

export interface RowSave {
  state: SaveState;
  /** Why it failed, in the user's words. */
  error?: string;
  /** What the row is called in messages (its title). */
  label: string;
}

/** Sends one patch; resolves with the stored record, or null when the record is gone. */
export type SendPatch<P, R> = (id: string, patch: P, seenUpdatedAt: string) => Promise<R | null>;

interface Pending<P> {
  patch: P;
  label: string;
}

export class RowSaves<P extends object, R extends { id: string; updatedAt: string }> {
  private readonly states = new Map<string, RowSave>();
  private readonly inFlight = new Set<string>();
  private readonly waiting = new Map<string, Pending<P>>();
  private readonly seen = new Map<string, string>();
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

  /** True while any row is saving: leaving the page now would lose an edit. */
  get busy(): boolean {
    return this.inFlight.size > 0 || this.waiting.size > 0;
  }

  /** Saves `patch` for the record; `updatedAt` is the version the user edited. */
  edit(record: R, patch: P, label: string): void {
    if (!this.seen.has(record.id) || this.seen.get(record.id)! < record.updatedAt)
      this.seen.set(record.id, record.updatedAt);
    const queued = this.waiting.get(record.id);
    this.waiting.set(record.id, {
      patch: queued ? { ...queued.patch, ...patch } : patch,
      label,
    });
    this.setState(record.id, { state: 'saving', label });
    if (!this.inFlight.has(record.id)) void this.flush(record.id);
  }

  /** Sends again what failed (the row's Retry button). */
  retry(id: string): void {
    if (this.waiting.has(id) && !this.inFlight.has(id)) {
      const label = this.waiting.get(id)!.label;
      this.setState(id, { state: 'saving', label });
      void this.flush(id);
    }
  }

  private async flush(id: string): Promise<void> {
    const next = this.waiting.get(id);
    if (!next) return;
    this.waiting.delete(id);
    this.inFlight.add(id);
    try {
      const stored = await this.send(id, next.patch, this.seen.get(id) ?? '');
      this.inFlight.delete(id);
      if (stored === null) {
        this.waiting.delete(id);
        this.setState(id, { state: 'failed', error: this.events.goneText, label: next.label });
        this.events.gone(id);
        return;
      }
      this.seen.set(id, stored.updatedAt);
      this.events.saved(stored);
      if (this.waiting.has(id)) {
        void this.flush(id);
        return;
      }
      this.setState(id, { state: 'saved', label: next.label });
    } catch (error) {
      this.inFlight.delete(id);
      // Keep the patch (merged with anything typed meanwhile) for a retry.
      const later = this.waiting.get(id);
      this.waiting.set(id, {
        patch: later ? { ...next.patch, ...later.patch } : next.patch,
        label: next.label,
      });
      this.setState(id, {
        state: 'failed',
        error: this.events.describe(error),
        label: next.label,
      });
    }
  }

  private setState(id: string, save: RowSave): void {
    this.states.set(id, save);
    this.last = { id, save };
    this.events.changed();
  }
}
