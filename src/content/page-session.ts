/**
 * One page's Markenlotse: follows the settings, runs the scanner, reports hits
 * to the worker and answers the popup.
 */
import browser from 'webextension-polyfill';
import { compileMatcher, type BrandMatcher } from '../core/matcher.ts';
import { countTerms } from '../core/term-counts.ts';
import type { ContentEnvelope, PageHit, PageState, Reply } from '../core/messages.ts';
import { isEnvelope } from '../core/messages.ts';
import { isSitePaused, normalizeSettings, SETTINGS_KEY, type Settings } from '../core/profile.ts';
import { snippetAround } from '../core/snippet.ts';
import { callWorker } from '../platform/messaging.ts';
import { highlightApiAvailable, HighlightPainter, MarkPainter, type Painter } from './painter.ts';
import { ResultsOverlay } from './results/results-overlay.ts';
import { PageScanner, type Hit } from './scanner.ts';
import { isConsentPage, isSearchUrl } from './serp/index.ts';

/** Reports to the worker are throttled to one per this many ms. */
const REPORT_INTERVAL_MS = 1000;
/** How long a revealed hit stays outlined. */
const FOCUS_MS = 1600;
/** The popup lists at most this many hits. */
const MAX_LISTED_HITS = 500;

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
  private painter: Painter;
  private scanner: PageScanner;
  private matcher: BrandMatcher | null = null;
  /** Present on search results pages (top frame only). */
  private overlay: ResultsOverlay | null = null;
  private paused: PageState['paused'] = false;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private lastReport = '';
  private reportedOnce = false;
  private cursor = -1;
  /** Bumped by every settings change; an older apply() still waiting for the page gives up. */
  private applyGeneration = 0;
  private focused: { hit: Hit; timer: ReturnType<typeof setTimeout> } | null = null;
  private readonly isTop = window === window.top;

  constructor() {
    this.painter = this.createPainter('auto');
    this.scanner = this.createScanner();
  }

  private createPainter(method: Settings['highlightMethod']): Painter {
    return method === 'marks' || !highlightApiAvailable(window)
      ? new MarkPainter(document)
      : new HighlightPainter(document);
  }

  private createScanner(): PageScanner {
    const scanner = new PageScanner(document, this.painter);
    scanner.onChange = () => this.scheduleReport();
    return scanner;
  }

  /** Switches between the Highlight API and the <mark> fallback when the settings ask for it. */
  private usePainterFor(settings: Settings): void {
    const wanted = this.createPainter(settings.highlightMethod);
    if (wanted.kind === this.painter.kind) return;
    this.scanner.stop();
    this.painter.dispose();
    this.painter = wanted;
    this.scanner = this.createScanner();
  }

  async start(): Promise<void> {
    browser.storage.onChanged.addListener((changes, area) => {
      const change = changes[SETTINGS_KEY];
      if (area === 'local' && change) void this.apply(normalizeSettings(change.newValue).settings);
    });
    browser.runtime.onMessage.addListener((message: unknown) => this.answer(message));
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    await this.apply(normalizeSettings(stored[SETTINGS_KEY]).settings);
  }

  private async apply(settings: Settings): Promise<void> {
    const generation = ++this.applyGeneration;
    this.settings = settings;
    this.cursor = -1;
    this.focused = null;
    this.paused = settings.paused
      ? 'global'
      : isSitePaused(settings, location.hostname)
        ? 'site'
        : false;
    this.usePainterFor(settings);
    this.overlay?.dispose();
    this.overlay = null;
    if (this.paused || settings.brands.length === 0) {
      this.matcher = null;
      this.scanner.stop();
      this.painter.dispose();
      this.scheduleReport();
      return;
    }
    // The styles go in as early as possible: adopted before the page's first
    // style resolution they cost nothing, adopted later they make the browser
    // restyle the whole page in one long task (160 ms on the WHATWG spec page).
    this.painter.configure(settings.brands, settings.highlightStyle);
    this.matcher = compileMatcher(settings.brands);
    await documentSettled();
    if (generation !== this.applyGeneration) return;
    if (this.isTop && isSearchUrl(location.href) && !isConsentPage(location.href, document)) {
      this.overlay = new ResultsOverlay(location.href);
    }
    await this.scanner.start(this.matcher);
  }

  private scheduleReport(): void {
    // The first report waits for the full pass: a half-counted page would flash a wrong badge.
    if (this.reportTimer !== undefined || (this.scanner.busy && !this.reportedOnce)) return;
    this.reportTimer = setTimeout(
      () => {
        this.reportTimer = undefined;
        void this.report();
      },
      this.reportedOnce ? REPORT_INTERVAL_MS : 0,
    );
  }

  private async report(): Promise<void> {
    if (this.scanner.busy && !this.reportedOnce) return;
    const total = this.scanner.total;
    // Frames without hits stay silent; the top frame always reports, so the badge of a new page is right.
    if (!this.isTop && total === 0 && !this.reportedOnce) return;
    const terms = countTerms(this.scanner.hitsInOrder(), this.settings?.brands ?? []);
    const fingerprint = JSON.stringify([total, terms, document.title]);
    if (fingerprint === this.lastReport) return;
    this.lastReport = fingerprint;
    if (this.overlay && this.matcher && this.settings)
      this.overlay.update(this.scanner.hitsInOrder(), this.settings.brands, this.matcher);
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

  state(): PageState {
    const brands = this.settings?.brands ?? [];
    const hits: PageHit[] = this.scanner
      .hitsInOrder()
      .slice(0, MAX_LISTED_HITS)
      .map((hit, index) => {
        const brand = brands[hit.brandIndex];
        const snippet = snippetAround(hit.block.text, hit.start, hit.end);
        return {
          index,
          brand: brand?.name ?? '',
          brandColor: brand?.color ?? '#ffd54f',
          term: brand?.terms[hit.termIndex]?.text ?? '',
          text: snippet.match,
          before: snippet.before,
          after: snippet.after,
        };
      });
    const state: PageState = {
      url: location.href,
      title: document.title,
      total: this.scanner.total,
      hits,
      paused: this.paused,
      painter: this.painter.kind,
      stats: { ...this.scanner.stats },
    };
    const results = this.overlay?.state();
    if (results) state.results = results;
    return state;
  }

  /** Scrolls a hit into view and outlines it for a moment. */
  reveal(index: number): boolean {
    const hit: Hit | undefined = this.scanner.hitsInOrder()[index];
    if (!hit) return false;
    this.cursor = index;
    this.painter.elementOf(hit)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.unfocus();
    this.painter.focus(hit, true);
    this.focused = { hit, timer: setTimeout(() => this.unfocus(), FOCUS_MS) };
    return true;
  }

  /** Only one hit is outlined at a time: stepping on ends the previous outline at once. */
  private unfocus(): void {
    if (!this.focused) return;
    clearTimeout(this.focused.timer);
    this.painter.focus(this.focused.hit, false);
    this.focused = null;
  }

  private step(step: 1 | -1): boolean {
    const count = this.scanner.hitsInOrder().length;
    if (count === 0) return false;
    return this.reveal((this.cursor + step + count) % count);
  }

  private answer(message: unknown): Promise<Reply<unknown>> | undefined {
    if (!isEnvelope(message)) return undefined;
    const envelope = message as ContentEnvelope;
    switch (envelope.type) {
      case 'content/state':
        return this.isTop ? Promise.resolve({ ok: true, value: this.state() }) : undefined;
      case 'content/reveal':
        return Promise.resolve({ ok: true, value: this.isTop && this.reveal(envelope.args.index) });
      case 'content/step':
        return this.isTop
          ? Promise.resolve({ ok: true, value: this.step(envelope.args.step) })
          : undefined;
      default:
        return undefined;
    }
  }
}
