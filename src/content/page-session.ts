/**
 * One page's Markenlotse: puts the parts together and applies each change of
 * settings to them. The parts each do one job: settings-feed.ts follows the
 * settings, page-highlights.ts holds the painter and the scanner,
 * hit-report.ts reports to the worker, results/results-overlay.ts badges a
 * results page, hit-cursor.ts steps through the hits, page-state.ts builds
 * what the popup shows, content-router.ts answers messages.
 */
import browser from 'webextension-polyfill';
import { compileMatcher } from '../core/matcher.ts';
import type { PageState } from '../core/messages.ts';
import type { Settings } from '../core/profile.ts';
import { answer, type ContentHandlers } from './content-router.ts';
import { HitCursor } from './hit-cursor.ts';
import { HitReporter } from './hit-report.ts';
import { PageHighlights } from './page-highlights.ts';
import { pageState } from './page-state.ts';
import { ResultsOverlay } from './results/results-overlay.ts';
import { isConsentPage, isSearchUrl } from './serp/index.ts';
import { followSettings, pauseOf } from './settings-feed.ts';

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
  private settings: Settings | null = null;
  private paused: PageState['paused'] = false;
  /** Present on search results pages (top frame only). */
  private overlay: ResultsOverlay | null = null;
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

  /** What the content script answers; only the top frame's (callTab asks frame 0). */
  private readonly handlers: ContentHandlers = {
    'content/state': () => this.state(),
    'content/reveal': ({ index }) => this.cursor.reveal(index),
    'content/step': ({ step }) => this.cursor.step(step),
  };

  async start(): Promise<void> {
    if (this.isTop)
      browser.runtime.onMessage.addListener((message: unknown) => answer(this.handlers, message));
    await followSettings((settings) => this.apply(settings));
  }

  private async apply(settings: Settings): Promise<void> {
    const generation = ++this.applyGeneration;
    this.settings = settings;
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
    const matcher = compileMatcher(settings.brands);
    await documentSettled();
    if (generation !== this.applyGeneration) return;
    if (this.isTop && isSearchUrl(location.href) && !isConsentPage(location.href, document)) {
      this.overlay = new ResultsOverlay(location.href, this.highlights, settings.brands, matcher);
    }
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
