/**
 * The options form's working copy of the settings. Text areas keep the text
 * the user typed (exclusions, paused sites) so that typing a new line does not
 * get tidied away under the cursor; `toSettings` turns the draft into a
 * settings document, and the worker normalises it once more on save.
 */
import { termTextIssue, type TermTextIssue } from '../../core/matcher.ts';
import {
  BRAND_PALETTE,
  defaultTerm,
  normalizeSettings,
  normalizeSite,
  type Brand,
  type BrandRole,
  type HighlightStyle,
  type RecordingMode,
  type Settings,
  type Term,
} from '../../core/profile.ts';

export interface TermDraft extends Term {
  /** Stable key for the list; not saved. */
  key: number;
}

export interface BrandDraft {
  key: number;
  /** Empty for a brand that was never saved: the worker derives one from the name. */
  id: string;
  name: string;
  color: string;
  role: BrandRole;
  terms: TermDraft[];
  /** What is typed in "New term" and not yet added. */
  newTerm: string;
  /** One phrase per line. */
  excludeText: string;
  /** The brand's own websites, one per line. */
  sitesText: string;
}

export interface OptionsDraft {
  brands: BrandDraft[];
  highlightStyle: HighlightStyle;
  paused: boolean;
  /** One host per line. */
  pausedSitesText: string;
  mode: RecordingMode;
  retentionDays: number;
  mentionRetentionDays: number;
  exportedBy: string;
}

let lastKey = 0;
const nextKey = (): number => ++lastKey;

export function termDraft(term: Term): TermDraft {
  return {
    key: nextKey(),
    text: term.text,
    caseSensitive: term.caseSensitive,
    compounds: term.compounds,
    stripUmlauts: term.stripUmlauts,
  };
}

export function draftFromSettings(settings: Settings): OptionsDraft {
  return {
    brands: settings.brands.map((brand) => ({
      key: nextKey(),
      id: brand.id,
      name: brand.name,
      color: brand.color,
      role: brand.role,
      terms: brand.terms.map(termDraft),
      newTerm: '',
      excludeText: brand.exclude.join('\n'),
      sitesText: brand.sites.join('\n'),
    })),
    highlightStyle: settings.highlightStyle,
    paused: settings.paused,
    pausedSitesText: settings.pausedSites.join('\n'),
    mode: settings.mode,
    retentionDays: settings.retentionDays,
    mentionRetentionDays: settings.mentionRetentionDays,
    exportedBy: settings.exportedBy,
  };
}

/** An empty brand card, with the first palette colour no other brand uses. */
export function emptyBrand(others: readonly BrandDraft[], role: BrandRole = 'own'): BrandDraft {
  const used = new Set(others.map((b) => b.color.toLowerCase()));
  const color =
    BRAND_PALETTE.find((c) => !used.has(c)) ??
    BRAND_PALETTE[others.length % BRAND_PALETTE.length] ??
    '#ffd54f';
  return {
    key: nextKey(),
    id: '',
    name: '',
    color,
    role,
    terms: [],
    newTerm: '',
    excludeText: '',
    sitesText: '',
  };
}

/** A card the user has not filled in at all is left out on save rather than reported. */
export function isBlank(brand: BrandDraft): boolean {
  return (
    !brand.name.trim() &&
    brand.terms.length === 0 &&
    !brand.newTerm.trim() &&
    !brand.excludeText.trim() &&
    !brand.sitesText.trim()
  );
}

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** A line of the paused-sites box as a host name; "*.example.com" means what "example.com" means here. */
const siteOf = (line: string): string => normalizeSite(line.replace(/^\*\./, ''));

/** Why a term's text cannot be used: the matcher's rule, or a term already in the list. */
export type TermIssue = TermTextIssue | 'duplicate';

export function termIssue(text: string, others: readonly string[] = []): TermIssue | null {
  return termTextIssue(text) ?? (others.includes(text.trim()) ? 'duplicate' : null);
}

export interface BrandIssues {
  name: boolean;
  /** By term key. */
  terms: Map<number, TermIssue>;
  /** The pending "New term" text, if it cannot be added. */
  newTerm: TermIssue | null;
}

export interface DraftIssues {
  /** By brand key; only brands with a problem. */
  brands: Map<number, BrandIssues>;
  /** Lines of "Never scan these sites" that are not host names. */
  sites: string[];
}

export const hasIssues = (issues: DraftIssues): boolean =>
  issues.brands.size > 0 || issues.sites.length > 0;

/** Every problem that stops the draft from being saved. */
export function validateDraft(draft: OptionsDraft): DraftIssues {
  const result = new Map<number, BrandIssues>();
  for (const brand of draft.brands) {
    if (isBlank(brand)) continue;
    const issues: BrandIssues = { name: !brand.name.trim(), terms: new Map(), newTerm: null };
    const seen: string[] = [];
    for (const term of brand.terms) {
      const issue = termIssue(term.text, seen);
      if (issue) issues.terms.set(term.key, issue);
      seen.push(term.text.trim());
    }
    if (brand.newTerm.trim()) issues.newTerm = termIssue(brand.newTerm, seen);
    if (issues.name || issues.terms.size > 0 || issues.newTerm) result.set(brand.key, issues);
  }
  return { brands: result, sites: invalidSites(draft.pausedSitesText) };
}

/** A brand card as a brand of the settings document (before the worker normalises it). */
export function brandDocument(brand: BrandDraft): Record<string, unknown> {
  const terms: Term[] = brand.terms.map(({ key: _key, ...term }) => ({
    ...term,
    text: term.text.trim(),
  }));
  // A term typed but not yet added is surely meant to be kept.
  if (brand.newTerm.trim()) terms.push(defaultTerm(brand.newTerm.trim()));
  // A new brand is looked for by its name too; once saved, the user may remove that term.
  const name = brand.name.trim();
  if (!brand.id && name && !terms.some((t) => t.text.toLowerCase() === name.toLowerCase()))
    terms.unshift(defaultTerm(name));
  const doc: Record<string, unknown> = {
    name: brand.name.trim(),
    color: brand.color,
    role: brand.role,
    terms,
    exclude: lines(brand.excludeText),
    sites: lines(brand.sitesText).map(siteOf).filter(Boolean),
  };
  if (brand.id) doc.id = brand.id;
  return doc;
}

/** The settings document to save; blank brand cards are left out. */
export function toSettingsDocument(draft: OptionsDraft): Record<string, unknown> {
  return {
    brands: draft.brands.filter((b) => !isBlank(b)).map(brandDocument),
    highlightStyle: draft.highlightStyle,
    paused: draft.paused,
    pausedSites: lines(draft.pausedSitesText).map(siteOf).filter(Boolean),
    mode: draft.mode,
    retentionDays: draft.retentionDays,
    mentionRetentionDays: draft.mentionRetentionDays,
    exportedBy: draft.exportedBy.trim(),
  };
}

/** The brands as the matcher will see them once saved, for "Try it"; unusable parts are dropped. */
export function previewBrands(draft: OptionsDraft): Brand[] {
  return normalizeSettings(toSettingsDocument(draft)).settings.brands;
}

/** Lines of the paused-sites box that are not a host name ("example.com", "https://example.com/page"). */
export function invalidSites(text: string): string[] {
  return lines(text).filter((line) => !/^[\p{L}\p{N}.-]+$/u.test(siteOf(line)));
}
