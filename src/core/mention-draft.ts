/**
 * What a mention is made of when the user logs one: from the popup, a page
 * with its hits; from a result badge, one search result. Both end up as a
 * MentionDraft that the worker stores (it adds the times; the page chooses
 * the id once, newMentionId, so that a retried add finds the first one).
 */
import type { MentionDraft, SearchContext, Sentiment, TermCount } from './mention.ts';
import type { PageHit } from './messages.ts';
import { snippetText } from './snippet.ts';

/**
 * A random (version 4) UUID for a mention the page is about to add. An add
 * that committed just before the worker stopped is reported as failed; sent
 * again with the same id it returns the stored mention instead of a second
 * one (issue 10). Not crypto.randomUUID: it exists only in secure contexts,
 * and content scripts also run on http pages
 * (https://developer.mozilla.org/en-US/docs/Web/API/Crypto/randomUUID).
 */
export function newMentionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The user's judgement of a mention. */
export interface Judgement {
  sentiment: Sentiment;
  tags: readonly string[];
  note: string;
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)];

/** A page with its hits, as the popup knows it: logged with the first hit's context as its snippet. */
export function mentionOfPage(
  page: {
    url: string;
    title: string;
    hits: readonly Pick<PageHit, 'brand' | 'term' | 'text' | 'before' | 'after'>[];
  },
  judgement: Judgement,
): MentionDraft {
  const first = page.hits[0];
  return {
    url: page.url,
    title: page.title,
    brands: unique(page.hits.map((hit) => hit.brand)),
    terms: unique(page.hits.map((hit) => hit.term)),
    sentiment: judgement.sentiment,
    tags: [...judgement.tags],
    note: judgement.note.trim(),
    snippet: first
      ? snippetText({ before: first.before, match: first.text, after: first.after })
      : '',
  };
}

/** A search result, as a results page shows it. */
export interface FoundResult {
  url: string;
  title: string;
  snippet: string;
  /** 1-based rank on the results page. */
  rank: number;
}

/**
 * A search result logged from its badge or from the popup: the names matched in it, the search
 * (engine, query, rank, page), and the tag "competitor-ad" for an ad by
 * someone else on a search for the brand.
 */
export function mentionOfResult(
  result: FoundResult,
  search: Pick<Required<SearchContext>, 'engine' | 'query' | 'page'>,
  terms: readonly Pick<TermCount, 'brand' | 'term'>[],
  competitorAd: boolean,
): MentionDraft {
  return {
    url: result.url,
    title: result.title,
    brands: unique(terms.map((t) => t.brand)),
    terms: unique(terms.map((t) => t.term)),
    // Logged in one click: sentiment, tags and a note can follow on the badge.
    sentiment: 'neutral',
    tags: competitorAd ? ['competitor-ad'] : [],
    note: '',
    snippet: result.snippet,
    search: { engine: search.engine, query: search.query, rank: result.rank, page: search.page },
  };
}
