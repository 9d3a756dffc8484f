/**
 * One way for a story to drive the extension, whichever browser runs it:
 * Chromium through Playwright (support/chromium.ts), Firefox through
 * puppeteer-core over WebDriver BiDi (support/firefox.ts). A story asks for
 * what a user or another program does (write settings, open a page, click a
 * button by its name, read the badge) and never for a browser's own API.
 */
import type { FixtureServer } from '../../harness/server.ts';
import type {
  ContentProtocol,
  LogSnapshot,
  PageState,
  Reply,
  WorkerProtocol,
} from '../../src/core/messages.ts';
import { highlightTextsInPage, type StoredData } from './in-page.ts';

export type { StoredData } from './in-page.ts';

export type BrowserName = 'chromium' | 'firefox';

/**
 * An element named the way a user finds it. `name` and `label` are the exact
 * accessible name; `text` is a part of the text of the smallest element that
 * holds it; `hasText` narrows a role or CSS match to elements whose text
 * contains it. A target that matches several elements is an error for
 * actions (click, fill, check); reads take the first.
 */
export type Target =
  | { role: string; name?: string; hasText?: string }
  | { label: string }
  | { text: string }
  | { testId: string }
  | { css: string; hasText?: string };

/** What the server sent with a document. */
export interface Served {
  status: number;
  headers: Record<string, string>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How a web page opens. */
export interface WebPageOptions {
  waitUntil?: 'load' | 'domcontentloaded';
  viewport?: { width: number; height: number };
}

/** How the browser presents pages: its colour scheme and UI language. */
export interface Look {
  scheme: 'light' | 'dark';
  lang: 'en' | 'de';
}
export const DEFAULT_LOOK: Look = { scheme: 'light', lang: 'en' };

/** A saved file, as the browser's download left it. */
export interface Download {
  fileName: string;
  text: string;
}

/** Something that runs functions in a document's main world: a page or one of its frames. */
export interface Evaluator {
  /** Runs `fn` in the document (it is serialised: no closures) and returns its result. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
}

/** One tab: a web page or an extension page. */
export interface PageDriver extends Evaluator {
  /**
   * Runs a script's source text in the document's main world, as the
   * automation does (the page's CSP does not apply): for test tools such as
   * axe-core, never bundled into the extension.
   */
  runScript(source: string): Promise<void>;
  /** Where the document says it is (`location.href`). */
  url(): Promise<string>;
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<Served>;
  /** What the server sent with the document of the last goto (null before one). */
  readonly served: Served | null;
  /** A frame of the page whose address matches, or null. */
  frame(url: RegExp): Evaluator | null;
  /** Clicks like a user. `closesPage`: the click closes the page, so nothing waits on it afterwards. */
  click(target: Target, options?: { closesPage?: boolean }): Promise<void>;
  fill(target: Target, value: string): Promise<void>;
  /** Presses a key on the focused element, as a user does ("Tab", "Shift+Tab", "Enter"). */
  press(key: string): Promise<void>;
  check(target: Target): Promise<void>;
  /** Waits until the target is visible. */
  waitFor(target: Target): Promise<void>;
  /** The target's text now (white space collapsed), or null while there is none. */
  text(target: Target): Promise<string | null>;
  /** The value of the form control now, or null while there is none. */
  value(target: Target): Promise<string | null>;
  /** Chooses the option with this value in a <select>, as a user does. */
  select(target: Target, value: string): Promise<void>;
  /** Gives a file input a file of this name and text, as a user choosing it does. */
  chooseFile(target: Target, file: { name: string; text: string }): Promise<void>;
  /** Whether the form control is checked and whether it is disabled, or null while there is none. */
  controlState(target: Target): Promise<{ checked: boolean; disabled: boolean } | null>;
  /** Clicks the target and returns the file the browser saves. */
  download(target: Target): Promise<Download>;
  screenshot(clip: Box): Promise<Buffer>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** Uncaught errors thrown in the page since it opened. */
  readonly errors: readonly string[];
  /** Messages the page logged at level "error" since it opened. */
  readonly consoleErrors: readonly string[];
  /** Settles when the page has closed (by itself or by close()). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/** The demo results page, open and painted. */
export interface DemoTab {
  page: PageDriver;
  tabId: number;
  url: string;
}

export type WorkerReply<N extends keyof WorkerProtocol> = WorkerProtocol[N]['reply'];
export type ContentReply<N extends keyof ContentProtocol> = ContentProtocol[N]['reply'];

/** The extension in one browser, driven the way other programs and users do. */
export interface ExtensionDriver {
  readonly browserName: BrowserName;
  /** The fixture server the pages of a test come from. */
  readonly server: FixtureServer;
  /** "chrome-extension://<id>/path" or "moz-extension://<uuid>/path". */
  extensionUrl(path: string): string;

  /** Writes settings as a team rollout would: straight into storage.local. */
  writeSettings(settings: unknown): Promise<void>;
  /** What storage.local holds under "settings" (undefined when nothing). */
  readSettings(): Promise<unknown>;
  /** Everything an extension storage area holds (as the browser's developer tools would show it). */
  readStorage(area: 'local' | 'session' | 'sync'): Promise<Record<string, unknown>>;
  /** Writes items into an extension storage area, as another program (or another browser's sync) would. */
  writeStorage(area: 'local' | 'sync', items: Record<string, unknown>): Promise<void>;

  /** Opens `url` in a new tab, listening for page errors from the start. */
  openWebPage(url: string, options?: WebPageOptions): Promise<PageDriver>;
  /** Opens an extension page ("popup.html?tab=3") in a tab or window of its own, once loaded. */
  openExtensionPage(path: string): Promise<PageDriver>;
  /**
   * The first-run page (options.html?welcome=1) the extension opened on
   * install. (Firefox: that tab serves the driver, so a fresh one; see FirefoxDriver.)
   */
  welcomePage(): Promise<PageDriver>;
  /**
   * Writes DEMO_SETTINGS, opens the demo results page and waits until all
   * DEMO_PAGE_TOTAL hits are painted.
   */
  openDemoTab(options?: { viewport?: { width: number; height: number } }): Promise<DemoTab>;

  /**
   * The tab whose top-frame content script reports the page's address (asked
   * through the content script). Any page that tells its address will do: a
   * PageDriver, or in a Chromium spec a Playwright page.
   */
  tabIdOf(page: { url(): string | Promise<string> }): Promise<number>;
  /** Sends a message to the top frame's content script of a tab, as the worker does, and returns the reply's value. */
  askTab<N extends keyof ContentProtocol>(
    tabId: number,
    type: N,
    args: ContentProtocol[N]['args'],
  ): Promise<ContentReply<N>>;
  /** What the top frame's content script reports about its page (as the popup sees it). */
  contentState(tabId: number): Promise<PageState>;
  badgeText(tabId: number): Promise<string>;
  /** Sends a message to the worker from an extension page and returns the reply's value. */
  askWorker<N extends keyof WorkerProtocol>(
    type: N,
    args: WorkerProtocol[N]['args'],
  ): Promise<WorkerReply<N>>;
  /** Reads the whole IndexedDB log through the worker's export chunks (support/log-file.ts). */
  log(): Promise<LogSnapshot>;
  /** Everything the extension stores, read from an extension page: storage.local, storage.session, every IndexedDB database. */
  storedData(): Promise<StoredData>;
  /**
   * Sends each message (JSON text, parsed in the page) to the worker as it
   * is, from an extension page, and says what became of each: see
   * `sendEachMessage` in in-page.ts.
   */
  sendRawMessages(messages: readonly string[], longString: string): Promise<string[]>;
}

/** Hits the demo page (assets/demo/results.html) has with DEMO_SETTINGS, over all highlights. */
export const DEMO_PAGE_TOTAL = 9;

/** Each registered markenlotse highlight with the text of its ranges (sorted), as the page itself sees it. */
export function highlightRanges(frame: Evaluator): Promise<Record<string, string[]>> {
  return frame.evaluate(highlightTextsInPage);
}

/** How many hits a document has painted, over all markenlotse highlights. */
export async function paintedCount(frame: Evaluator): Promise<number> {
  const ranges = await highlightRanges(frame);
  return Object.values(ranges).reduce((sum, texts) => sum + texts.length, 0);
}

/** Unwraps a reply of the extension's protocol, or throws its error. */
export function unwrap<T>(reply: Reply<T> | undefined): T {
  if (!reply) throw new Error('no answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeout` ms. */
export async function pollFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeout = 10_000,
  interval = 100,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${reason}`);
    }
    await new Promise((done) => setTimeout(done, interval));
  }
}

/** How a target reads in an error message. */
export function describeTarget(target: Target): string {
  return JSON.stringify(target);
}
