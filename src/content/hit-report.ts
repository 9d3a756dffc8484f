/**
 * Tells the worker how many hits this frame has (for the toolbar badge and
 * the page's sighting): once the full pass is done, then after changes, at
 * most once a second, and only when the count, the terms or the title moved.
 */
import { countTerms } from '../core/term-counts.ts';
import type { Brand } from '../core/profile.ts';
import { callWorker } from '../platform/messaging.ts';
import type { PageHits } from './page-highlights.ts';
import { Throttle } from './throttle.ts';

/** Reports to the worker are throttled to one per this many ms. */
export const REPORT_INTERVAL_MS = 1000;

export class HitReporter {
  private readonly throttle = new Throttle(() => void this.report(), REPORT_INTERVAL_MS);
  private lastReport = '';
  private reportedOnce = false;

  constructor(
    private readonly hits: PageHits,
    /** The brands of the settings in force, by which hits are counted per term. */
    private readonly brands: () => readonly Brand[],
    private readonly isTop: boolean,
  ) {
    hits.subscribe(() => this.schedule());
  }

  schedule(): void {
    // The first report waits for the full pass: a half-counted page would flash a wrong badge.
    if (this.hits.busy && !this.reportedOnce) return;
    this.throttle.request(!this.reportedOnce);
  }

  private async report(): Promise<void> {
    if (this.hits.busy && !this.reportedOnce) return;
    const total = this.hits.total;
    // Frames without hits stay silent; the top frame always reports, so the badge of a new page is right.
    if (!this.isTop && total === 0 && !this.reportedOnce) return;
    const terms = countTerms(this.hits.hitsInOrder(), this.brands());
    const fingerprint = JSON.stringify([total, terms, document.title]);
    if (fingerprint === this.lastReport) return;
    this.lastReport = fingerprint;
    const firstReport = !this.reportedOnce;
    this.reportedOnce = true;
    try {
      await callWorker('page/report', {
        url: location.href,
        title: document.title,
        total,
        terms,
        firstReport,
        timeOrigin: performance.timeOrigin,
      });
    } catch (error) {
      // The worker may be restarting or the extension updated; the next change reports again.
      this.lastReport = '';
      console.debug('Markenlotse: report not delivered', error);
    }
  }
}
