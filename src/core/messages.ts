/**
 * The typed protocol between the content script, the service worker and the
 * extension pages. Every message has a name, an argument and a reply type;
 * both ends use these types, and the worker checks every argument's shape at
 * run time before acting on it (a message is data from another context).
 */
import type { Mention, Sighting, SightingKind, SearchContext, TermCount } from './mention.ts';
import type { LogProtocol } from './messages/log.ts';
import type { EffectiveSettings } from './policy.ts';
import type { NormalizedSettings, SettingsOperation } from './profile.ts';
import type { Problem } from './problem.ts';

export * from './messages/log.ts';

/** What a frame's content script reports after each pass over its page. */
export interface PageReport {
  url: string;
  title: string;
  /** Hits in this frame. */
  total: number;
  terms: TermCount[];
  /** True for the first report of a document (a new visit). */
  firstReport: boolean;
  /** `performance.timeOrigin` of the frame's document: tells a new page's frames from an old page's. */
  timeOrigin: number;
}

/**
 * A search result or ad that concerns a brand, as reported by a results
 * page: it mentions a brand (`terms`), lies on a brand's own site
 * (`owners`), or is an ad by someone else on a search for an own brand.
 * With its kind and rank (`search.rank`), what share of voice counts.
 */
export interface ResultReport {
  url: string;
  title: string;
  snippet: string;
  /** `competitor-ad` only on a search for an own brand (core/ownership.ts, isAdByOther). */
  kind: Exclude<SightingKind, 'page'>;
  /** The names found in it, per brand and term. */
  terms: TermCount[];
  /**
   * The brands on whose own sites it lies (brands[].sites, or a host that
   * spells a term): a competitor's ad on its own name counts for it even
   * where its text names nobody. Absent where none.
   */
  owners?: string[];
  search: SearchContext;
}

/** What the worker knows of a result URL from earlier visits to results pages. */
export interface ResultHistory {
  url: string;
  /** ISO time of the first sighting on any results page; undefined = new. */
  firstSeen?: string;
  /** The rank it had the last time the same query was searched. */
  previousRank?: number;
  /**
   * In the works-council mode (manual-only) the history is this browser
   * session's alone: nothing about results pages is written to disk.
   */
  sessionOnly?: true;
}

/** The user's settings as stored, and the settings in force under the company's policy. */
export interface SettingsReply extends NormalizedSettings {
  effective: EffectiveSettings;
}

/** What the log holds, in numbers. */
export interface LogCounts {
  mentions: number;
  /** Records of visited pages: sightings (pages, results, ads). */
  sightings: number;
}

/** Settings sync through storage.sync, as the options show it. */
export interface SyncStatus {
  enabled: boolean;
  /** What the user's other browsers have written, if anything. */
  remote: { brands: number } | null;
  /** Bytes the settings take in storage.sync (of SYNC_QUOTA.totalBytes). */
  bytes?: number;
  /** Why the last write did not happen; nothing was written then. */
  error?: { code: 'too-large' | 'too-many-items' | 'write-failed'; bytes?: number; limit?: number };
}

/** The newest few records (`log/recent`), newest first. */
export interface LogSnapshot {
  mentions: Mention[];
  sightings: Sighting[];
}

/** Messages the service worker answers (sent with `runtime.sendMessage`). */
export interface WorkerProtocol extends LogProtocol {
  'page/report': { args: PageReport; reply: { badge: string } };
  /**
   * `timeOrigin` (of the results page's document) tells reports of one visit
   * from the next visit's: a page reports its results as they appear.
   */
  'results/report': {
    args: { results: ResultReport[]; timeOrigin?: number };
    reply: ResultHistory[];
  };
  /** The stored settings, with what was wrong in them and whether they are too new to write. */
  'settings/get': { args: null; reply: SettingsReply };
  /**
   * Applies small changes, in order, to the settings as stored at that
   * moment (core/profile/operations.ts). Refused with `settings-too-new`
   * while the stored document is newer than this code, and with
   * `settings-locked` when an operation would change what the company's policy sets.
   */
  'settings/change': { args: { operations: SettingsOperation[] }; reply: SettingsReply };
  /** Which of these addresses a mention has (compared by canonical URL); those of `urls`, as given. */
  'mentions/logged-urls': { args: { urls: string[] }; reply: string[] };
  /**
   * The newest few mentions and sightings (the popup's recent mentions), at
   * most MAX_RECENT of each: the whole log is read in pages (`mentions/query`,
   * `export/*`) and imported in stages (`import/*`), never in one message.
   */
  'log/recent': { args: { limit: number }; reply: LogSnapshot };
  'log/clear': { args: null; reply: boolean };
  'log/counts': { args: null; reply: LogCounts };
  /** Deletes every record of visited pages (sightings, ranks); mentions stay. */
  'log/delete-sightings': { args: null; reply: boolean };
  /** Deletes the log and the user's settings: as on first install. The company's policy stays. */
  'data/erase': { args: null; reply: boolean };
  'sync/status': { args: null; reply: SyncStatus };
  /** Switches sync on: `remote` takes the other browsers' settings, `local` sends these. */
  'sync/start': { args: { take: 'remote' | 'local' }; reply: SyncStatus };
}

/** One hit on a page, as the popup lists it. */
export interface PageHit {
  /** Position in document order; used to reveal it. */
  index: number;
  brand: string;
  brandColor: string;
  term: string;
  /** The text as it stands on the page ("MÜLLER GmbH"). */
  text: string;
  /** Text around the hit, with the hit itself between `before` and `after`. */
  before: string;
  after: string;
}

/** A results page as the popup shows it. */
export interface PageResults {
  /** An engine id (core/engines.ts names it). */
  engine: string;
  /** Which reader ran (diagnostics; never shown). */
  adapter: string;
  query: string;
  /** 1-based results page number. */
  page: number;
  results: {
    rank: number;
    /** `organic`, `news`, `video`, `ad`, or `competitor-ad` (an ad by someone else on an own name). */
    kind: string;
    title: string;
    url: string;
    snippet: string;
    /** The terms found in it, each once. */
    terms: string[];
    /** Each brand and term found in it, once: what a mention of it is about. */
    names: { brand: string; term: string }[];
    firstSeen?: string;
    previousRank?: number;
    /** The marks come from this browser session alone (works-council mode). */
    sessionOnly?: true;
  }[];
}

export interface PageState {
  url: string;
  title: string;
  total: number;
  hits: PageHit[];
  paused: 'global' | 'site' | false;
  /** Present on recognised results pages. */
  results?: PageResults;
  /** How highlights are painted here: the Highlight API, or `<mark>` wrapping where it is missing. */
  painter: 'highlight-api' | 'mark-elements';
  /** Full passes and partial rescans so far (diagnostics). */
  stats: { fullPasses: number; rescans: number };
}

/** Messages the content script answers (sent with `tabs.sendMessage`). */
export interface ContentProtocol {
  'content/state': { args: null; reply: PageState };
  'content/reveal': { args: { index: number }; reply: boolean };
  /** Keyboard shortcut: reveal the next (1) or previous (-1) hit. */
  'content/step': { args: { step: 1 | -1 }; reply: boolean };
}

export type WorkerMessageName = keyof WorkerProtocol;
export type ContentMessageName = keyof ContentProtocol;

export interface Envelope<N extends string = string, A = unknown> {
  type: N;
  args: A;
}

export type WorkerEnvelope = {
  [N in WorkerMessageName]: Envelope<N, WorkerProtocol[N]['args']>;
}[WorkerMessageName];

export type ContentEnvelope = {
  [N in ContentMessageName]: Envelope<N, ContentProtocol[N]['args']>;
}[ContentMessageName];

/**
 * Errors the pages explain in the user's language; any other error is the
 * engine's own message (describeError).
 */
export type WorkerErrorCode =
  | 'unknown-message'
  /** The arguments failed their schema; the reply names the problem. */
  | 'invalid-message'
  | 'quota-exceeded'
  /** The log cannot be upgraded while another tab holds it open in an older version. */
  | 'log-blocked'
  /** The log's database could not be opened (damaged). */
  | 'log-unavailable'
  /** The log was written by a newer Markenlotse (the extension was downgraded). */
  | 'log-too-new'
  /** The staged import is not there (cancelled, replaced by a newer one, or committed and gone). */
  | 'import-gone'
  /** The file is refused as a whole; the reply's problem says why. */
  | 'import-refused'
  /** The stored settings are newer than this code and are not written (docs/design-notes.md). */
  | 'settings-too-new'
  /** The settings could not be written: the extension's storage (or the disk) is full; the stored ones stay. */
  | 'settings-full'
  /** The change would alter a setting the company's policy sets. */
  | 'settings-locked'
  /** No reply at all (the worker or tab went away). */
  | 'no-answer';

/** Replies carry either a value or an error, never a thrown exception across contexts. */
export type Reply<T> =
  { ok: true; value: T } | { ok: false; error: WorkerErrorCode | (string & {}); problem?: Problem };

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    'args' in value
  );
}
