/**
 * The compact projection of a mention that filters and sorts look at: what the
 * worker keeps in memory for each mention (its in-memory index), with the
 * texts already folded. Full records are read by id only for the rows shown.
 */
import type { Mention, MentionStatus, Sentiment } from '../mention.ts';
import { siteOf } from './filter.ts';
import { queryKey, searchFold } from './text.ts';

export interface MentionEntry {
  id: string;
  /** Milliseconds since 1970 (createdAt, updatedAt). */
  created: number;
  updated: number;
  sentiment: Sentiment;
  status: MentionStatus;
  brands: readonly string[];
  /** Tags as written, and folded (for filters). */
  tags: readonly string[];
  foldedTags: readonly string[];
  site: string;
  /** `''` for a mention of a page. */
  engine: string;
  /** Folded search query; `''` for a page. */
  query: string;
  /** Rank on the results page; 0 when unknown. */
  rank: number;
  /** Sort keys, folded: title, note, first brand, tags joined, engine and query (`''` for a page). */
  title: string;
  note: string;
  brand: string;
  tagKey: string;
  source: string;
  /** Folded title, snippet, note, tags and address, one per line. */
  text: string;
}

export function mentionEntry(m: Mention): MentionEntry {
  const title = searchFold(m.title);
  const note = searchFold(m.note);
  const foldedTags = m.tags.map(searchFold);
  const query = m.search ? queryKey(m.search.query) : '';
  return {
    id: m.id,
    created: Date.parse(m.createdAt),
    updated: Date.parse(m.updatedAt),
    sentiment: m.sentiment,
    status: m.status,
    brands: m.brands,
    tags: m.tags,
    foldedTags,
    site: siteOf(m.url),
    engine: m.search?.engine ?? '',
    query,
    rank: m.search?.rank ?? 0,
    title,
    note,
    brand: m.brands[0] ? searchFold(m.brands[0]) : '',
    tagKey: foldedTags.join('\u0000'),
    source: m.search ? `${m.search.engine}\u0000${query}` : '',
    text: [title, searchFold(m.snippet), note, ...foldedTags, m.url.toLowerCase()].join('\n'),
  };
}
