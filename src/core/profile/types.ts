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

export interface Settings {
  version: typeof SETTINGS_VERSION;
  brands: Brand[];
  highlightStyle: HighlightStyle;
  highlightMethod: HighlightMethod;
  /** Pause scanning everywhere. */
  paused: boolean;
  /** Host names never scanned ("example.com" also covers its subdomains). */
  pausedSites: string[];
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
  };
}

export function defaultTerm(text: string): Term {
  return { text, caseSensitive: 'auto', compounds: false, stripUmlauts: false };
}
