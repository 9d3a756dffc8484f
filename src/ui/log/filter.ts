/** What the log page's filter bar keeps. */
import type { Mention, Sentiment, Sighting } from '../../core/mention.ts';

export interface LogFilter {
  /** Free text, matched case-insensitively. */
  query: string;
  sentiment: Sentiment | 'all';
}

const words = (query: string): string[] => query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
const containsAll = (haystack: string[], needles: string[]): boolean => {
  const text = haystack.join('\n').toLocaleLowerCase();
  return needles.every((word) => text.includes(word));
};

/** Every word of the query must occur in the title, URL, note or tags. */
export function mentionMatches(mention: Mention, filter: LogFilter): boolean {
  if (filter.sentiment !== 'all' && mention.sentiment !== filter.sentiment) return false;
  return containsAll(
    [mention.title, mention.url, mention.note, ...mention.tags],
    words(filter.query),
  );
}

/** Sightings have no note or tags: the query is matched against title and URL. */
export function sightingMatches(sighting: Sighting, filter: LogFilter): boolean {
  return containsAll([sighting.title, sighting.url], words(filter.query));
}

export const newestMentionsFirst = (a: Mention, b: Mention): number =>
  b.createdAt.localeCompare(a.createdAt);
export const newestSightingsFirst = (a: Sighting, b: Sighting): number =>
  b.lastSeen.localeCompare(a.lastSeen);
