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
import type { Brand, Settings } from '../core/profile/types.ts';
import { onRuntimeMessage } from '../platform/extension-api.ts';
import { answer, type ContentHandlers } from './content-router.ts';
import { documentParsed, textSeen, whenTextArrives } from './first-text.ts';
import { HitCursor } from './hit-cursor.ts';
import { HitReporter } from './hit-report.ts';
import { PageHighlights } from './page-highlights.ts';
import { highlightApiAvailable } from './painter.ts';
import { onProfileChange, readProfile, sameSettings, type PageProfile } from './page-profile.ts';
import { pageState } from './page-state.ts';
import { resultsPageFactory, type ResultsPage } from './results-hook.ts';
import { pauseOf } from './pause.ts';

/**
 * A moment for the page's own start-up once it is parsed (what
 * "document_idle" means for content scripts): the content script itself runs
 * at document_start, so that its styles are in before the first render.
 */
function idleMoment(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: 300 });
    else setTimeout(resolve, 0);
  });
}

/** The parts that paint, count and report: made on the first profile that has brands to look for. */
class PageParts {
  readonly highlights = new PageHighlights(document);
  readonly cursor = new HitCursor(this.highlights);
  readonly reporter: HitReporter;

  constructor(brands: () => readonly Brand[], isTop: boolean) {
    this.reporter = new HitReporter(this.highlights, brands, isTop);
  }
}

export class PageSession {
  private profile: PageProfile | null = null;
  private paused: PageState['paused'] = false;
  /** Present on search results pages (top frame only). */
  private overlay: ResultsPage | null = null;
  /** Bumped by every settings change; an older apply() still waiting for the page gives up. */
  private applyGeneration = 0;
  private readonly isTop = window === window.top;
  private parts: PageParts | null = null;
  private readonly parsed = documentParsed(document);
  private settledOnce: Promise<void> | null = null;
  private textArrived: Promise<void> | null = null;
  /** Profile reads started (the last one wins). */
  private reads = 0;

  /** What the content script answers; only the top frame's (callTab asks frame 0). */
  private readonly handlers: ContentHandlers = {
    'content/state': () => this.state(),
    'content/reveal': ({ index }) => this.parts?.cursor.reveal(index) ?? false,
    'content/step': ({ step }) => this.parts?.cursor.step(step) ?? false,
  };

  private get settings(): Settings | null {
    return this.profile?.settings ?? null;
  }

  /** In the top frame at once; in another frame once it has text (see index.ts). */
  async start(): Promise<void> {
    if (this.isTop) onRuntimeMessage((message) => answer(this.handlers, message));
    onProfileChange(() => void this.load());
    await this.load();
  }

  /**
   * Reads the profile and applies it, unless a later read started meanwhile
   * or it holds the settings in force already: the worker compiling a
   * document this frame compiled itself a moment ago, or the worker's first
   * policy copy (usually "no policy", seconds after the browser starts),
   * which changes nothing. Applied again, the same settings would rebuild a
   * results page's badges and report its results a second time (each then
   * "seen" already).
   */
  private async load(): Promise<void> {
    const read = ++this.reads;
    const profile = await readProfile();
    if (read !== this.reads || (this.profile && sameSettings(profile, this.profile))) return;
    this.apply(profile);
  }

  /** Resolves once the page is parsed and has had a moment for its own start-up. */
  private settled(): Promise<void> {
    return (this.settledOnce ??= this.parsed.then(idleMoment));
  }

  /** Resolves once the page is parsed and has text to scan. */
  private text(): Promise<void> {
    return (this.textArrived ??= this.parsed.then(() => whenTextArrives(document)));
  }

  private apply(profile: PageProfile): void {
    const generation = ++this.applyGeneration;
    this.profile = profile;
    const { settings } = profile;
    this.paused = pauseOf(settings, location.hostname);
    this.overlay?.dispose();
    this.overlay = null;
    const parts = (this.parts ??= new PageParts(() => this.settings?.brands ?? [], this.isTop));
    parts.cursor.reset();
    parts.highlights.use(settings.highlightMethod);
    if (this.paused || settings.brands.length === 0) {
      parts.highlights.stop();
      parts.reporter.schedule();
      return;
    }
    // The styles go in as early as possible: adopted before the page's first
    // style resolution they cost nothing, adopted later they make the browser
    // restyle the whole page in one long task (160 ms on the WHATWG spec page).
    parts.highlights.configure(settings.brands, settings.highlightStyle);
    void this.scanOnceReady(parts, profile, generation);
  }

  private async scanOnceReady(
    parts: PageParts,
    profile: PageProfile,
    generation: number,
  ): Promise<void> {
    await this.settled();
    if (generation !== this.applyGeneration) return;
    // A top page without text still reports (its badge is then empty), then waits for some.
    if (this.isTop && !textSeen(document)) parts.reporter.schedule();
    await this.text();
    if (generation !== this.applyGeneration) return;
    const matcher = profile.matcher();
    if (this.isTop)
      this.overlay =
        resultsPageFactory()?.(location.href, parts.highlights, profile.settings.brands, matcher) ??
        null;
    await parts.highlights.start(matcher);
  }

  private state(): PageState {
    const highlights = this.parts?.highlights;
    return pageState({
      url: location.href,
      title: document.title,
      hits: highlights?.hitsInOrder() ?? [],
      total: highlights?.total ?? 0,
      brands: this.settings?.brands ?? [],
      paused: this.paused,
      painter:
        highlights?.painter.kind ??
        (highlightApiAvailable(window) ? 'highlight-api' : 'mark-elements'),
      stats: highlights?.stats ?? { fullPasses: 0, rescans: 0 },
      results: this.overlay?.state() ?? null,
    });
  }
}
