/**
 * One page's Markenlotse: puts the parts together and applies each change of
 * settings to them. The parts each do one job: page-profile.ts reads and
 * follows the compiled profile, first-text.ts waits for text to scan,
 * page-highlights.ts holds the painter and the scanner, hit-report.ts
 * reports to the worker, results-hook.ts reaches the results-page script,
 * hit-cursor.ts steps through the hits, page-state.ts builds what the popup
 * shows, content-router.ts answers messages.
 *
 * What a frame does before it has text is kept to nothing: the top frame
 * reads its profile at once (its styles are then in before the page's first
 * render) and answers the popup; any other frame only looks for text, and
 * reads its settings once it has some (an ad frame never does).
 */
import type { PageState } from '../core/messages.ts';
import type { Settings } from '../core/profile/types.ts';
import { onRuntimeMessage } from '../platform/extension-api.ts';
import { answer, type ContentHandlers } from './content-router.ts';
import { hasText, whenTextArrives } from './first-text.ts';
import { HitCursor } from './hit-cursor.ts';
import { HitReporter } from './hit-report.ts';
import { PageHighlights } from './page-highlights.ts';
import { onProfileChange, readProfile, type PageProfile } from './page-profile.ts';
import { pageState } from './page-state.ts';
import { resultsPageFactory, type ResultsPage } from './results-hook.ts';
import { pauseOf } from './pause.ts';

/**
 * Resolves once the page is parsed and has had a moment for its own start-up
 * (what "document_idle" means for content scripts): the content script itself
 * runs at document_start, so that its styles are in before the first render.
 */
function documentSettled(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => resolve(), { timeout: 300 })
        : setTimeout(resolve, 0);
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', idle, { once: true });
    else idle();
  });
}

export class PageSession {
  private profile: PageProfile | null = null;
  private paused: PageState['paused'] = false;
  /** Present on search results pages (top frame only). */
  private overlay: ResultsPage | null = null;
  /** Bumped by every settings change; an older apply() still waiting for the page gives up. */
  private applyGeneration = 0;
  private readonly isTop = window === window.top;
  private readonly highlights = new PageHighlights(document);
  private readonly cursor = new HitCursor(this.highlights);
  private readonly reporter = new HitReporter(
    this.highlights,
    () => this.settings?.brands ?? [],
    this.isTop,
  );
  /** The page is parsed and settled (made once, at start). */
  private readonly settled = documentSettled();
  private textArrived: Promise<void> | null = null;
  /** Profile reads started (the last one wins). */
  private reads = 0;

  /** What the content script answers; only the top frame's (callTab asks frame 0). */
  private readonly handlers: ContentHandlers = {
    'content/state': () => this.state(),
    'content/reveal': ({ index }) => this.cursor.reveal(index),
    'content/step': ({ step }) => this.cursor.step(step),
  };

  private get settings(): Settings | null {
    return this.profile?.settings ?? null;
  }

  async start(): Promise<void> {
    if (this.isTop) onRuntimeMessage((message) => answer(this.handlers, message));
    else await this.text();
    onProfileChange(() => void this.load());
    await this.load();
  }

  /**
   * Reads the profile and applies it, unless a later read started meanwhile
   * or it stands for the settings in force (the worker compiling a document
   * this frame compiled itself a moment ago).
   */
  private async load(): Promise<void> {
    const read = ++this.reads;
    const profile = await readProfile();
    if (read !== this.reads || profile.source === this.profile?.source) return;
    this.apply(profile);
  }

  /** Resolves once the page is settled and has text to scan. */
  private text(): Promise<void> {
    this.textArrived ??= this.settled.then(() => whenTextArrives(document));
    return this.textArrived;
  }

  private apply(profile: PageProfile): void {
    const generation = ++this.applyGeneration;
    this.profile = profile;
    const { settings } = profile;
    this.paused = pauseOf(settings, location.hostname);
    this.cursor.reset();
    this.highlights.use(settings.highlightMethod);
    this.overlay?.dispose();
    this.overlay = null;
    if (this.paused || settings.brands.length === 0) {
      this.highlights.stop();
      this.reporter.schedule();
      return;
    }
    // The styles go in as early as possible: adopted before the page's first
    // style resolution they cost nothing, adopted later they make the browser
    // restyle the whole page in one long task (160 ms on the WHATWG spec page).
    this.highlights.configure(settings.brands, settings.highlightStyle);
    void this.scanOnceReady(profile, generation);
  }

  private async scanOnceReady(profile: PageProfile, generation: number): Promise<void> {
    await this.settled;
    if (generation !== this.applyGeneration) return;
    // A top page without text still reports (its badge is then empty), then waits for some.
    if (this.isTop && !hasText(document)) this.reporter.schedule();
    await this.text();
    if (generation !== this.applyGeneration) return;
    const matcher = profile.matcher();
    if (this.isTop)
      this.overlay =
        resultsPageFactory()?.(location.href, this.highlights, profile.settings.brands, matcher) ??
        null;
    await this.highlights.start(matcher);
  }

  private state(): PageState {
    return pageState({
      url: location.href,
      title: document.title,
      hits: this.highlights.hitsInOrder(),
      total: this.highlights.total,
      brands: this.settings?.brands ?? [],
      paused: this.paused,
      painter: this.highlights.painter.kind,
      stats: this.highlights.stats,
      results: this.overlay?.state() ?? null,
    });
  }
}
