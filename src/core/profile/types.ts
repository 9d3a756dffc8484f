/**
 * The brand profile's types and defaults: which names to look for, and how
 * the extension behaves. The document is described in README.md ("Settings").
 */

/** The version this code writes. Older documents are migrated on read (migrations.ts). */
export const SETTINGS_VERSION = 1;

/** The key under which settings live in `browser.storage.local`. */
export const SETTINGS_KEY = 'settings';

/** How a term is matched; all fields have defaults, so a plain string is a term too. */
export interface Term {
  /** The text as the user typed it. */
  text: string;
  /**
   * Match case exactly. `'auto'` (the default) means: exact for all-capital
   * terms of up to four letters (SAP, BMW), so that "sap" does not light up.
   */
  caseSensitive: boolean | 'auto';
  /** Also match inside compound words ("Bosch" in "Boschhammer"). */
  compounds: boolean;
  /**
   * Also match the stripped spelling ("Muller" for "Müller", DIN 5007-1).
   * Off by default: it would make "Uber" light up on "über".
   */
  stripUmlauts: boolean;
}

/**
 * Whose names these are: `own` (the company and its products) or a
 * `competitor`'s. A brand without a role is own.
 */
export type BrandRole = 'own' | 'competitor';
export const BRAND_ROLES: readonly BrandRole[] = ['own', 'competitor'];

/** A company or product family and the names it goes by. */
export interface Brand {
  /** Stable identifier; generated from the name when missing. */
  id: string;
  /** Display name ("ACME"). */
  name: string;
  /** Highlight colour as #rrggbb. */
  color: string;
  role: BrandRole;
  terms: Term[];
  /** Phrases that cancel a hit inside them ("ACME Looney" for "ACME"). */
  exclude: string[];
  /**
   * The brand's own websites ("acme.de"): a search ad pointing there is the
   * brand's own, any other ad on a search for the brand is flagged.
   */
  sites: string[];
}

export type HighlightStyle = 'fill' | 'underline';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['fill', 'underline'];
/** `auto`: the CSS Custom Highlight API where the browser has it, else <mark> elements. */
export type HighlightMethod = 'auto' | 'marks';
export const HIGHLIGHT_METHODS: readonly HighlightMethod[] = ['auto', 'marks'];

/**
 * `full`: sightings, ranks and visits to results pages are logged as pages
 * are seen. `manual-only` (the works-council mode): nothing is recorded
 * automatically, only the mentions the user logs on purpose; the results
 * page's "new" and rank marks then last only for the browser session.
 */
export type RecordingMode = 'full' | 'manual-only';
export const RECORDING_MODES: readonly RecordingMode[] = ['full', 'manual-only'];

/** The retention periods the options offer, in days; 0 keeps records until they are deleted. */
export const RETENTION_CHOICES: readonly number[] = [30, 90, 180, 365, 0];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  brands: Brand[];
  highlightStyle: HighlightStyle;
  highlightMethod: HighlightMethod;
  /** Pause scanning everywhere. */
  paused: boolean;
  /** Host names never scanned ("example.com" also covers its subdomains). */
  pausedSites: string[];
  mode: RecordingMode;
  /** Sightings (and ranks) last seen longer ago than this many days are deleted; 0: kept. */
  retentionDays: number;
  /** Mentions logged longer ago than this many days are deleted; 0 (the default): kept. */
  mentionRetentionDays: number;
  /** A name the user chose for the "exported by" field of exports; "" (the default): none. */
  exportedBy: string;
  /** Settings (never the log) travel to the user's other browsers through storage.sync. */
  sync: boolean;
}

/** Colours handed out to brands that do not name one, in order. */
export const BRAND_PALETTE = ['#ffd54f', '#4fc3f7', '#aed581', '#f48fb1', '#ffb74d', '#b39ddb'];

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    brands: [],
    highlightStyle: 'fill',
    highlightMethod: 'auto',
    paused: false,
    pausedSites: [],
    mode: 'full',
    retentionDays: DEFAULT_RETENTION_DAYS,
    mentionRetentionDays: 0,
    exportedBy: '',
    sync: false,
  };
}

/**
 * A year: long enough for "seen since …" and the rank history to mean
 * something, short enough that no browsing record is kept without end
 * (GDPR Art. 5 (1) e, storage limitation; Art. 25 (2), by default).
 */
export const DEFAULT_RETENTION_DAYS = 365;

export function defaultTerm(text: string): Term {
  return { text, caseSensitive: 'auto', compounds: false, stripUmlauts: false };
}
