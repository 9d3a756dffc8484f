/**
 * The words a spreadsheet export shows: column headers, sentiment and sighting
 * kind values, sheet names. Core has no i18n API, so the page that exports
 * passes them in (built from its messages); these English ones are the
 * default.
 */
import { type MentionStatus, type Sentiment, type SightingKind } from '../mention.ts';

/** The mention columns, in file order; also the headers of the Standard CSV. */
export const MENTION_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'sentiment',
  'status',
  'brands',
  'terms',
  'tags',
  'title',
  'url',
  'snippet',
  'note',
  'engine',
  'query',
  'rank',
  'page',
] as const;
export type MentionColumn = (typeof MENTION_COLUMNS)[number];

/** The sighting columns, in file order; also the headers of the Standard CSV. */
export const SIGHTING_COLUMNS = [
  'key',
  'kind',
  'url',
  'title',
  'brands',
  'terms',
  'hits',
  'firstSeen',
  'lastSeen',
  'visits',
  'engine',
  'query',
  'rank',
  'page',
] as const;
export type SightingColumn = (typeof SIGHTING_COLUMNS)[number];

export interface ExchangeLabels {
  mentionColumns: Record<MentionColumn, string>;
  sightingColumns: Record<SightingColumn, string>;
  sentiments: Record<Sentiment, string>;
  statuses: Record<MentionStatus, string>;
  sightingKinds: Record<SightingKind, string>;
  /** Worksheet names in the .xlsx (at most 31 characters; cut if longer). */
  sheets: { mentions: string; sightings: string };
}

export const ENGLISH_LABELS: ExchangeLabels = {
  mentionColumns: {
    id: 'ID',
    createdAt: 'Logged',
    updatedAt: 'Changed',
    sentiment: 'Sentiment',
    status: 'Status',
    brands: 'Brands',
    terms: 'Terms',
    tags: 'Tags',
    title: 'Title',
    url: 'URL',
    snippet: 'Snippet',
    note: 'Note',
    engine: 'Search engine',
    query: 'Search words',
    rank: 'Rank',
    page: 'Results page',
  },
  sightingColumns: {
    key: 'Key',
    kind: 'Kind',
    url: 'URL',
    title: 'Title',
    brands: 'Brands',
    terms: 'Terms',
    hits: 'Hits',
    firstSeen: 'First seen',
    lastSeen: 'Last seen',
    visits: 'Visits',
    engine: 'Search engine',
    query: 'Search words',
    rank: 'Rank',
    page: 'Results page',
  },
  sentiments: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
  statuses: { new: 'New', 'in-progress': 'In progress', done: 'Done' },
  sightingKinds: {
    page: 'Page',
    result: 'Search result',
    ad: 'Search ad',
    'competitor-ad': 'Competitor ad',
  },
  sheets: { mentions: 'Mentions', sightings: 'Sightings' },
};
