/**
 * Time slices for long walks over a page: the full pass and the rescans work
 * for a few milliseconds, then yield to the page, so no task blocks the main
 * thread for long.
 */

/** How long one slice of work may run before yielding to the page. */
export const SLICE_MS = 8;

/** Lets the page run (its own tasks, input, rendering) before the walk goes on. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Tells when a slice of work is over. The clock is read only every few
 * thousand characters of work: performance.now() costs about a microsecond,
 * as much as scanning a short block, and pages have tens of thousands of
 * blocks. A slice overruns by at most that much work (well under a ms).
 */
export class SliceClock {
  /** Characters scanned since the clock was last read; each block also counts this much. */
  private work = 0;
  private deadline = performance.now() + SLICE_MS;

  static readonly READ_EVERY = 4096;
  static readonly PER_BLOCK = 64;

  /** Counts a block of `chars` characters; true once the slice is over. */
  spent(chars: number): boolean {
    this.work += chars + SliceClock.PER_BLOCK;
    if (this.work < SliceClock.READ_EVERY) return false;
    this.work = 0;
    return performance.now() > this.deadline;
  }

  /** Reads the clock now: true once the slice is over. */
  over(): boolean {
    this.work = 0;
    return performance.now() > this.deadline;
  }

  restart(): void {
    this.work = 0;
    this.deadline = performance.now() + SLICE_MS;
  }
}
