/**
 * What the workspace asks the log for: one filter for mentions and sightings
 * alike (so switching between them keeps it), each field narrowing the list.
 * Within a field any value matches (brand ACME or Müller); across fields all
 * must (ACME and negative). An empty list or an absent field matches all.
 */
import type { MentionStatus, Sentiment, SightingKind } from '../mention.ts';
import type { BrandRole } from '../profile.ts';

/** A local calendar day, `2026-11-01`. */
export type Day = string;

export interface LogFilter {
  /** Brand names as the records keep them. */
  brands: string[];
  /** Records of a brand with this role (roles come from the current settings). */
  role?: BrandRole;
  /** Mentions only. */
  sentiments: Sentiment[];
  /** Mentions only; compared folded ("Presse" = "presse"). */
  tags: string[];
  /** Mentions only. */
  statuses: MentionStatus[];
  /** Sightings only. */
  kinds: SightingKind[];
  /** Host names without `www.` (see {@link siteOf}); subdomains are sites of their own. */
  sites: string[];
  /** Mentions only: logged from a results page (`search`) or from any other page (`page`). */
  source?: 'search' | 'page';
  /** Search engine ids (`google`). */
  engines: string[];
  /** Search queries, compared folded and trimmed. */
  queries: string[];
  /** First day, inclusive: mentions by when they were logged, sightings by when last seen. */
  from?: Day;
  /** Last day, inclusive. */
  to?: Day;
  /** Words that must all occur, folded, in title, snippet, note, tags or address. */
  text: string;
}

export function emptyFilter(): LogFilter {
  return {
    brands: [],
    sentiments: [],
    tags: [],
    statuses: [],
    kinds: [],
    sites: [],
    engines: [],
    queries: [],
    text: '',
  };
}

/** True when the filter lets every record through. */
export function isEmptyFilter(filter: LogFilter): boolean {
  return (
    filter.brands.length === 0 &&
    filter.role === undefined &&
    filter.sentiments.length === 0 &&
    filter.tags.length === 0 &&
    filter.statuses.length === 0 &&
    filter.kinds.length === 0 &&
    filter.sites.length === 0 &&
    filter.source === undefined &&
    filter.engines.length === 0 &&
    filter.queries.length === 0 &&
    filter.from === undefined &&
    filter.to === undefined &&
    filter.text.trim() === ''
  );
}

/** "https://www.Example.de/a" -> "example.de"; the address itself where it has no host. */
export function siteOf(url: string): string {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
    return host.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar day in `YYYY-MM-DD`, or undefined. */
export function readDay(text: string): Day | undefined {
  const m = DAY.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? `${m[1]}-${m[2]}-${m[3]}`
    : undefined;
}

/** Milliseconds of the local midnight that starts `day` (`offsetDays` later). */
export function dayStart(day: Day, offsetDays = 0): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + offsetDays).getTime();
}

/** The local day of an instant. */
export function dayOf(time: number): Day {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
