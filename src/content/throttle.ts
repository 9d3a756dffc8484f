/**
 * Runs a job at most once per interval: requests while one is waiting join
 * it. For work that follows the scanner's changes (reports to the worker,
 * re-reading a results page), which a busy page would otherwise ask for many
 * times a second.
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly job: () => void,
    private readonly intervalMs: number,
  ) {}

  /** Runs the job after the interval, or `soon` (at the next task) for a first run. */
  request(soon: boolean): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.job();
      },
      soon ? 0 : this.intervalMs,
    );
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
