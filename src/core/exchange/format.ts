/** The export file's format marker and the field-by-field copies every record goes through. */
import { type Mention, type SearchContext, type Sighting } from '../mention.ts';

export const EXPORT_FORMAT = 'markenlotse-log';
/**
 * The version this code writes. 2 (2026-12-01): mentions carry `status`; files
 * of version 1 are still read (their mentions are `new`).
 */
export const EXPORT_VERSION = 2;
/** The oldest version this code reads. */
export const OLDEST_EXPORT_VERSION = 1;

/** The document written by {@link toJsonExport} and read by {@link parseImport}. */
export interface LogExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export (UTC). */
  exportedAt: string;
  /** Who exported it, only if the user chose a name for this (core/export-identity.ts). */
  exportedBy?: string;
  mentions: Mention[];
  sightings: Sighting[];
}

export function copySearch(s: SearchContext): SearchContext {
  const copy: SearchContext = { engine: s.engine, query: s.query };
  if (s.rank !== undefined) copy.rank = s.rank;
  if (s.page !== undefined) copy.page = s.page;
  return copy;
}

export function copyMention(m: Mention): Mention {
  const copy: Mention = {
    id: m.id,
    url: m.url,
    title: m.title,
    brands: [...m.brands],
    terms: [...m.terms],
    sentiment: m.sentiment,
    status: m.status,
    tags: [...m.tags],
    note: m.note,
    snippet: m.snippet,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
  if (m.search) copy.search = copySearch(m.search);
  return copy;
}

export function copySighting(s: Sighting): Sighting {
  const copy: Sighting = {
    key: s.key,
    kind: s.kind,
    url: s.url,
    title: s.title,
    terms: s.terms.map((t) => ({ brand: t.brand, term: t.term, count: t.count })),
    hits: s.hits,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    visits: s.visits,
  };
  if (s.search) copy.search = copySearch(s.search);
  return copy;
}
