/** The words of spreadsheet exports (headers, values, sheet names) from the UI's messages. */
import {
  MENTION_COLUMNS,
  SIGHTING_COLUMNS,
  type ExchangeLabels,
  type MentionColumn,
  type SightingColumn,
} from '../../../core/exchange.ts';
import { MENTION_STATUSES, SENTIMENTS, SIGHTING_KINDS } from '../../../core/mention.ts';
import { t, type MessageKey } from '../../../platform/i18n.ts';
import { kindLabel, sentimentLabel, statusLabel } from '../words.ts';

const MENTION_HEADERS: Record<MentionColumn, MessageKey> = {
  id: 'xColId',
  createdAt: 'xColCreated',
  updatedAt: 'xColUpdated',
  sentiment: 'xColSentiment',
  status: 'xColStatus',
  brands: 'xColBrands',
  terms: 'xColTerms',
  tags: 'xColTags',
  title: 'xColTitle',
  url: 'xColUrl',
  snippet: 'xColSnippet',
  note: 'xColNote',
  engine: 'xColEngine',
  query: 'xColQuery',
  rank: 'xColRank',
  page: 'xColPage',
};

const SIGHTING_HEADERS: Record<SightingColumn, MessageKey> = {
  key: 'xColKey',
  kind: 'xColKind',
  url: 'xColUrl',
  title: 'xColTitle',
  brands: 'xColBrands',
  terms: 'xColTerms',
  hits: 'xColHits',
  firstSeen: 'xColFirstSeen',
  lastSeen: 'xColLastSeen',
  visits: 'xColVisits',
  engine: 'xColEngine',
  query: 'xColQuery',
  rank: 'xColRank',
  page: 'xColPage',
};

const record = <K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> =>
  Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;

export function exchangeLabels(): ExchangeLabels {
  return {
    mentionColumns: record(MENTION_COLUMNS, (c) => t(MENTION_HEADERS[c])),
    sightingColumns: record(SIGHTING_COLUMNS, (c) => t(SIGHTING_HEADERS[c])),
    sentiments: record(SENTIMENTS, sentimentLabel),
    statuses: record(MENTION_STATUSES, statusLabel),
    sightingKinds: record(SIGHTING_KINDS, kindLabel),
    sheets: { mentions: t('xSheetMentions'), sightings: t('xSheetSightings') },
  };
}
