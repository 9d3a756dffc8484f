// The functions scripts/bench/page-entry.ts exposes on `window.__mlBench`
// inside the benchmarked page; scripts/bench/measure.ts calls them via page.evaluate.
//
// Every timed function puts performance marks `<label>:s` and `<label>:e`
// around the work it times; scripts/bench/trace.ts finds them in the Chrome
// trace and adds up the main-thread tasks between them.

export interface PageStats {
  /** Text nodes outside script/style/… (what the floor walks). */
  textNodes: number;
  /** Their characters. */
  textChars: number;
  elements: number;
}

export interface Prepared {
  terms: number;
  brands: number;
  /** compileMatcher() for these terms, in ms (not part of the pass). */
  compileMs: number;
}

export interface PassResult {
  hits: number;
  /** In-page wall time (performance.now); for Markenlotse from start() to its resolution, yields included. */
  wallMs: number;
}

export interface MarkjsResult {
  /** The `done` callback's count of <mark> elements (a hit across elements makes several). */
  marks: number;
  wallMs: number;
}

export interface IncrementalSetup {
  /** Hits after the full pass, before the append. */
  before: number;
  /** Hits the chosen originals hold (their clones should add as many). */
  expectedAdded: number;
  blocks: number;
  /** Characters of text the clones add. */
  appendedChars: number;
}

export interface ReplaceSetup {
  /** Hits after the full pass. */
  before: number;
  /** Characters of text in the element that is replaced. */
  replacedChars: number;
  /** The element (tag#id), or '' where none holds half the page's text. */
  element: string;
}

export interface IncrementalResult {
  /** Hits after the rescan. */
  after: number;
}

/** The stages of the pipeline emulation, each one adding work to the one before. */
export const BREAKDOWN_STAGES = ['walk', 'match', 'positions', 'visibility', 'paint'] as const;
export type BreakdownStage = (typeof BREAKDOWN_STAGES)[number];

export interface BreakdownResult {
  blocks: number;
  blockChars: number;
  /** Hits that reached the stage (after visibility: visible ones). */
  hits: number;
  visibilityChecks: number;
  wallMs: number;
}

export type SheetVariant = 'none' | 'painter' | 'universal';

export interface BenchApi {
  stats(): PageStats;
  /** Compiles the matcher, brands and floor regex for the first `n` of `allTerms`. */
  prepare(allTerms: string[], n: number): Prepared;
  /** Forces style and layout (outside any timed region). */
  settleLayout(): void;
  /** Markenlotse: new painter, configure, new scanner, await start(). Leaves it painted. */
  markenlotse(n: number, label: string): Promise<PassResult>;
  /**
   * Adopts the highlight styles for the brands of the first 1,000 terms, as the
   * content script does at document_start (called from an init script, before
   * the page's first render); markenlotse() then reuses them.
   */
  adoptStylesEarly(allTerms: string[]): void;
  /** Stops the scanner and disposes the painter of the last markenlotse() call. */
  markenlotseCleanup(): void;
  /** Full pass (untimed), then picks 10 blocks with hits for incrementalAppend(). */
  incrementalSetup(n: number): Promise<IncrementalSetup>;
  /**
   * Appends a clone of each chosen block after the last child of its parent,
   * then forces layout, between the marks `<label>:s` and `<label>:e`. The
   * scanner's observer callback runs at the end of that task, and its rescan
   * later in a timer task of its own; results.ts finds both in the trace.
   */
  incrementalAppend(label: string): void;
  /** Waits for the scanner's own (delayed) rescan of the append, or of the replacement. */
  incrementalRescan(): Promise<IncrementalResult>;
  /** Full pass (untimed), then finds the page's main content element for replaceContent(). */
  replaceSetup(n: number): Promise<ReplaceSetup>;
  /**
   * Replaces the main content element with a fresh copy of itself (as a
   * single-page app swaps its content), then forces layout, between the marks
   * `<label>:s` and `<label>:e`, like incrementalAppend().
   */
  replaceContent(label: string): void;
  /** Removes the clones, stops the scanner. */
  incrementalCleanup(): void;
  /** mark.js 8 with the equivalent options; synchronous. */
  markjs(n: number, label: string): MarkjsResult;
  markjsCleanup(): void;
  /** The floor: one TreeWalker pass testing one combined regex, no painting. */
  floor(n: number, label: string): PassResult;
  /** Nothing between two marks: the cost of a DevTools evaluate task itself. */
  noop(label: string): void;
  /**
   * Adopts the painter's stylesheet for the first `n` terms (`painter`: highlightCss() as is,
   * rules on `:root::highlight(…)`/`:host::highlight(…)`; `universal`: the same rules as bare
   * `::highlight(…)`, which every element matches; `none`: nothing) and forces style,
   * between the marks `<label>:s`/`:e`; then changes a custom property on the root element
   * (as a page switching themes would) and forces style between `<label>-page:s`/`:e`;
   * then removes the sheet again.
   */
  sheetCost(n: number, variant: SheetVariant, label: string): void;
  /** One synchronous run of the pipeline emulation up to `stage`. */
  breakdown(n: number, stage: BreakdownStage, label: string): BreakdownResult;
}

/** How the page exposes the API. */
export interface BenchWindow {
  __mlBench: BenchApi;
}
