/**
 * The brand profile: which names to look for, and how the extension behaves.
 *
 * Settings are stored in `browser.storage.local` under the key `settings`.
 * Other programs (team rollouts, scripts) write that key too, so reading is
 * forgiving: every field is validated on its own and falls back to its default,
 * and a minimal document such as
 * `{"brands":[{"name":"ACME","terms":["ACME"],"exclude":["ACME Looney"]}]}`
 * is a complete profile.
 */

/** The version this code writes. Older documents are migrated on read. */
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

/** A company or product family and the names it goes by. */
export interface Brand {
  /** Stable identifier; generated from the name when missing. */
  id: string;
  /** Display name ("ACME"). */
  name: string;
  /** Highlight colour as #rrggbb. */
  color: string;
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
/** `auto`: the CSS Custom Highlight API where the browser has it, else <mark> elements. */
export type HighlightMethod = 'auto' | 'marks';

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

/** A message about a part of a settings document that was dropped or repaired. */
export interface SettingsProblem {
  path: string;
  message: string;
}

export interface NormalizedSettings {
  settings: Settings;
  problems: SettingsProblem[];
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Makes a `Settings` out of anything found in storage or an import file.
 * Never throws: what cannot be used is dropped and reported in `problems`.
 */
export function normalizeSettings(raw: unknown): NormalizedSettings {
  const problems: SettingsProblem[] = [];
  const settings = defaultSettings();
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push({ path: '', message: 'Settings must be an object; using defaults.' });
    return { settings, problems };
  }
  const doc = migrate(raw);

  if (Array.isArray(doc.brands)) {
    const usedIds = new Set<string>();
    doc.brands.forEach((value, index) => {
      const brand = normalizeBrand(value, index, problems);
      if (!brand) return;
      brand.id = uniqueId(brand.id, usedIds);
      settings.brands.push(brand);
    });
  } else if (doc.brands !== undefined) {
    problems.push({ path: 'brands', message: '"brands" must be a list.' });
  }

  if (doc.highlightStyle === 'fill' || doc.highlightStyle === 'underline') {
    settings.highlightStyle = doc.highlightStyle;
  } else if (doc.highlightStyle !== undefined) {
    problems.push({ path: 'highlightStyle', message: 'Must be "fill" or "underline".' });
  }
  if (doc.highlightMethod === 'auto' || doc.highlightMethod === 'marks')
    settings.highlightMethod = doc.highlightMethod;
  else if (doc.highlightMethod !== undefined)
    problems.push({ path: 'highlightMethod', message: 'Must be "auto" or "marks".' });
  if (typeof doc.paused === 'boolean') settings.paused = doc.paused;
  if (Array.isArray(doc.pausedSites)) {
    settings.pausedSites = [
      ...new Set(
        doc.pausedSites
          .filter((s): s is string => typeof s === 'string')
          .map(normalizeSite)
          .filter(Boolean),
      ),
    ];
  }
  return { settings, problems };
}

/**
 * Upgrades older documents in place of a copy. Version 0 is any document
 * without a version (the minimal document of the README is one); it has the
 * same shape as version 1. Future migrations are added here, one small pure
 * function per version step.
 */
export function migrate(doc: Json): Json {
  const version = typeof doc.version === 'number' ? doc.version : 0;
  let current = { ...doc };
  if (version < 1) current = { ...current, version: 1 };
  return current;
}

function normalizeBrand(value: unknown, index: number, problems: SettingsProblem[]): Brand | null {
  const path = `brands[${index}]`;
  if (!isRecord(value)) {
    problems.push({ path, message: 'A brand must be an object; dropped.' });
    return null;
  }
  const rawName = typeof value.name === 'string' ? value.name.trim() : '';
  const terms: Term[] = [];
  const rawTerms = Array.isArray(value.terms) ? value.terms : [];
  if (value.terms !== undefined && !Array.isArray(value.terms)) {
    problems.push({ path: `${path}.terms`, message: '"terms" must be a list.' });
  }
  rawTerms.forEach((t, i) => {
    const term = normalizeTerm(t);
    if (term) terms.push(term);
    else problems.push({ path: `${path}.terms[${i}]`, message: 'Empty or invalid term dropped.' });
  });
  // A brand without terms is found by its name.
  if (terms.length === 0 && rawName) terms.push(defaultTerm(rawName));
  const name = rawName || terms[0]?.text || '';
  if (!name) {
    problems.push({ path, message: 'A brand needs a name or at least one term; dropped.' });
    return null;
  }
  const exclude = Array.isArray(value.exclude)
    ? value.exclude
        .filter((e): e is string => typeof e === 'string')
        .map((e) => e.trim())
        .filter(Boolean)
    : [];
  let color = BRAND_PALETTE[index % BRAND_PALETTE.length] ?? '#ffd54f';
  if (typeof value.color === 'string' && HEX_COLOR.test(value.color))
    color = value.color.toLowerCase();
  else if (value.color !== undefined)
    problems.push({ path: `${path}.color`, message: 'Colour must look like #ffcc00.' });
  const id =
    typeof value.id === 'string' && value.id.trim()
      ? value.id.trim()
      : slug(name) || `brand-${index + 1}`;
  const sites = Array.isArray(value.sites)
    ? [
        ...new Set(
          value.sites
            .filter((s): s is string => typeof s === 'string')
            .map(normalizeSite)
            .filter(Boolean),
        ),
      ]
    : [];
  return { id, name, color, terms: dedupeTerms(terms), exclude: [...new Set(exclude)], sites };
}

/** Accepts a plain string or an object with `text` and optional flags. */
export function normalizeTerm(value: unknown): Term | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return text ? defaultTerm(text) : null;
  }
  if (!isRecord(value) || typeof value.text !== 'string' || !value.text.trim()) return null;
  const term = defaultTerm(value.text.trim());
  if (typeof value.caseSensitive === 'boolean' || value.caseSensitive === 'auto')
    term.caseSensitive = value.caseSensitive;
  if (typeof value.compounds === 'boolean') term.compounds = value.compounds;
  if (typeof value.stripUmlauts === 'boolean') term.stripUmlauts = value.stripUmlauts;
  return term;
}

function dedupeTerms(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => (seen.has(t.text) ? false : (seen.add(t.text), true)));
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "https://www.Example.com/x" or "www.example.com" -> "example.com". */
export function normalizeSite(site: string): string {
  let host = site.trim().toLowerCase();
  try {
    if (host.includes('/'))
      host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
  } catch {
    return '';
  }
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

/** Is `hostname` one of `sites` or a subdomain of one? */
export function isSitePaused(settings: Settings, hostname: string): boolean {
  const host = normalizeSite(hostname);
  return settings.pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** Why a term typed into the options page cannot be used, or null if it can. */
export function validateTermText(text: string): string | null {
  if (!text.trim()) return 'empty';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no-letters';
  return null;
}
