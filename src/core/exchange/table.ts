/**
 * The log as a table of typed cells, one row per record, the same for every
 * spreadsheet format: CSV, tab-separated text and .xlsx each render a cell
 * their own way (a time as local text or as a date cell, a number as digits).
 */
import { type Mention, type Sighting } from '../mention.ts';
import {
  MENTION_COLUMNS,
  SIGHTING_COLUMNS,
  type ExchangeLabels,
  type MentionColumn,
  type SightingColumn,
} from './labels.ts';

/** An instant (milliseconds since 1970, UTC), written in the form of the file. */
export interface TimeCell {
  readonly time: number;
}

/** Text, a number, a time, or nothing. Lists are already joined into text. */
export type Cell = string | number | TimeCell | undefined;

export interface Table {
  header: string[];
  /** Each row has exactly `header.length` cells. */
  rows: Cell[][];
}

/**
 * The words of the table: labels (headers and values as the user reads them),
 * or `'codes'`: the column keys as headers and values as stored (`positive`,
 * `competitor-ad`), for the Standard CSV that scripts read.
 */
export type Wording = ExchangeLabels | 'codes';

/**
 * What joins list fields (brands, terms, tags) into one cell. Comma and space
 * reads as a list in any language and is neither the Excel (Deutsch)
 * separator `;` nor a tab; in the Standard CSV, where `,` separates fields,
 * such a cell is quoted like any other cell holding a comma. Tags cannot hold
 * a comma (they are split on it when typed), so a tag list splits back
 * exactly.
 */
export const LIST_JOINER = ', ';

export type LogRecords =
  | { kind: 'mentions'; records: readonly Mention[] }
  | { kind: 'sightings'; records: readonly Sighting[] };

export function logTable(log: LogRecords, wording: Wording): Table {
  return log.kind === 'mentions'
    ? mentionTable(log.records, wording)
    : sightingTable(log.records, wording);
}

export function mentionTable(mentions: readonly Mention[], wording: Wording): Table {
  const header = MENTION_COLUMNS.map((column: MentionColumn) =>
    wording === 'codes' ? column : wording.mentionColumns[column],
  );
  const sentiment = (m: Mention) =>
    wording === 'codes' ? m.sentiment : wording.sentiments[m.sentiment];
  const status = (m: Mention) => (wording === 'codes' ? m.status : wording.statuses[m.status]);
  const rows = mentions.map((m): Cell[] => [
    m.id,
    timeCell(m.createdAt),
    timeCell(m.updatedAt),
    sentiment(m),
    status(m),
    m.brands.join(LIST_JOINER),
    m.terms.join(LIST_JOINER),
    m.tags.join(LIST_JOINER),
    m.title,
    m.url,
    m.snippet,
    m.note,
    m.search?.engine,
    m.search?.query,
    m.search?.rank,
    m.search?.page,
  ]);
  return { header, rows };
}

export function sightingTable(sightings: readonly Sighting[], wording: Wording): Table {
  const header = SIGHTING_COLUMNS.map((column: SightingColumn) =>
    wording === 'codes' ? column : wording.sightingColumns[column],
  );
  const kind = (s: Sighting) => (wording === 'codes' ? s.kind : wording.sightingKinds[s.kind]);
  const rows = sightings.map((s): Cell[] => [
    s.key,
    kind(s),
    s.url,
    s.title,
    [...new Set(s.terms.map((t) => t.brand).filter(Boolean))].join(LIST_JOINER),
    s.terms.map((t) => `${t.term} (${t.count})`).join(LIST_JOINER),
    s.hits,
    timeCell(s.firstSeen),
    timeCell(s.lastSeen),
    s.visits,
    s.search?.engine,
    s.search?.query,
    s.search?.rank,
    s.search?.page,
  ]);
  return { header, rows };
}

/** A stored ISO time as a time cell; a time that does not parse stays text, not lost. */
function timeCell(iso: string): Cell {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : { time };
}
