/**
 * The log's two record types.
 *
 * A `Sighting` is recorded automatically: a page (or a search result) where
 * the brand names were seen. A `Mention` is what the manager logs on purpose,
 * with a judgement (sentiment, tags, note).
 */

export type Sentiment = 'positive' | 'neutral' | 'negative';
export const SENTIMENTS: readonly Sentiment[] = ['positive', 'neutral', 'negative'];

/** Where a mention stands in the team's work: not looked at, being handled, handled. */
export type MentionStatus = 'new' | 'in-progress' | 'done';
export const MENTION_STATUSES: readonly MentionStatus[] = ['new', 'in-progress', 'done'];

/**
 * Where a sighting was made: an ordinary page, a search result, a search ad
 * (the brand's own or one that mentions it), or an ad by someone else on a
 * search for the brand (a competitor bidding on the name).
 */
export type SightingKind = 'page' | 'result' | 'ad' | 'competitor-ad';
export const SIGHTING_KINDS: readonly SightingKind[] = ['page', 'result', 'ad', 'competitor-ad'];

/** How often one term was seen, under which brand. */
export interface TermCount {
  brand: string;
  term: string;
  count: number;
}

/** Search context of a result on a results page. */
export interface SearchContext {
  engine: string;
  query: string;
  /** 1-based rank on the results page. */
  rank?: number;
  page?: number;
}

export interface Sighting {
  /** Canonical URL plus kind: the primary key. */
  key: string;
  kind: SightingKind;
  url: string;
  title: string;
  terms: TermCount[];
  /** Total hits on the page the last time it was seen. */
  hits: number;
  /** ISO 8601 timestamps. */
  firstSeen: string;
  lastSeen: string;
  /** How many separate visits saw it. */
  visits: number;
  search?: SearchContext;
}

export interface Mention {
  /** Random id (UUID). */
  id: string;
  url: string;
  title: string;
  /** Brand names the mention is about. */
  brands: string[];
  /** Matched terms at the time of logging. */
  terms: string[];
  sentiment: Sentiment;
  /** `new` until someone works on it (mentions of version 1 of the log read as `new`). */
  status: MentionStatus;
  tags: string[];
  note: string;
  /** A short piece of text around the first hit, or the result's snippet. */
  snippet: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  search?: SearchContext;
}

/**
 * What a page or popup sends to log a mention; the worker fills the times, and
 * the id and status where the draft has none.
 */
export type MentionDraft = Omit<Mention, 'id' | 'createdAt' | 'updatedAt' | 'status'> & {
  status?: MentionStatus;
};

/** Query parameters that only track the click and never change the page. */
const TRACKING_PARAMS = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|_hsenc|_hsmi|igshid|ref_src|spm|oly_enc_id|oly_anon_id|vero_id|wt_mc|wt\.mc_id)$/i,
];

/**
 * The URL used to recognise "the same page": lower-case host without a
 * trailing dot, no fragment, no tracking parameters, default port dropped.
 * Non-http(s) URLs are returned unchanged.
 */
export function canonicalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input.trim();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  const kept = [...url.searchParams].filter(
    ([name]) => !TRACKING_PARAMS.some((re) => re.test(name)),
  );
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  return url.href;
}

export function sightingKey(url: string, kind: SightingKind): string {
  return `${kind} ${canonicalUrl(url)}`;
}

/** Splits "a, b;c" into clean, unique tags. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,;\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
