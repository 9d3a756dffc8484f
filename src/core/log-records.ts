/**
 * The log's records as the worker stores them (beyond the export's Mention and
 * Sighting), and the pure rules that keep them: the transforms of upgrade steps
 * 2 and 3, and the per-site totals kept beside the sightings.
 */
import { siteOf } from './log-query/filter.ts';
import { sightingWords } from './log-query/words.ts';
import {
  SIGHTING_KINDS,
  type Mention,
  type MentionStatus,
  type Sighting,
  type SightingKind,
} from './mention.ts';

/**
 * A sighting with its site, for the site index and the per-site totals, and
 * the words of its title and address, for the word index (log-query/words.ts).
 */
export interface StoredSighting extends Sighting {
  site: string;
  words: string[];
}

/** Totals of the sightings of one site, kept on every write (grouping by site reads these). */
export interface SiteRecord {
  site: string;
  sightings: number;
  hits: number;
  visits: number;
  firstSeen: string;
  lastSeen: string;
  kinds: Record<SightingKind, number>;
  /** Sightings that name each brand. */
  brands: Record<string, number>;
}

export function storedSighting(s: Sighting): StoredSighting {
  return { ...plainSighting(s), site: siteOf(s.url), words: sightingWords(s) };
}

/** The record without what only the store needs (the export and the pages see this). */
export function plainSighting(s: Sighting & { site?: string; words?: string[] }): Sighting {
  const plain: Sighting & { site?: string; words?: string[] } = { ...s };
  delete plain.site;
  delete plain.words;
  return plain;
}

const noKinds = (): Record<SightingKind, number> =>
  Object.fromEntries(SIGHTING_KINDS.map((k) => [k, 0])) as Record<SightingKind, number>;

export function emptySite(site: string): SiteRecord {
  return {
    site,
    sightings: 0,
    hits: 0,
    visits: 0,
    firstSeen: '',
    lastSeen: '',
    kinds: noKinds(),
    brands: {},
  };
}

const brandsOf = (s: Sighting): Set<string> => new Set(s.terms.map((t) => t.brand));

/**
 * The site's totals after `before` became `after` (either may be absent: a
 * new sighting, a deleted one). Both must be of this site. The first and last
 * times only grow: a deleted sighting leaves them (they are "seen between").
 */
export function updateSite(
  site: SiteRecord,
  before: Sighting | undefined,
  after: Sighting | undefined,
): SiteRecord {
  const next: SiteRecord = { ...site, kinds: { ...site.kinds }, brands: { ...site.brands } };
  const apply = (s: Sighting, sign: 1 | -1) => {
    next.sightings += sign;
    next.hits += sign * s.hits;
    next.visits += sign * s.visits;
    next.kinds[s.kind] = (next.kinds[s.kind] ?? 0) + sign;
    for (const brand of brandsOf(s)) {
      const count = (next.brands[brand] ?? 0) + sign;
      if (count > 0) next.brands[brand] = count;
      else delete next.brands[brand];
    }
  };
  if (before) apply(before, -1);
  if (after) {
    apply(after, 1);
    if (!next.firstSeen || after.firstSeen < next.firstSeen) next.firstSeen = after.firstSeen;
    if (after.lastSeen > next.lastSeen) next.lastSeen = after.lastSeen;
  }
  return next;
}

// --- Upgrade step 2 (2026-12-01) -----------------------------------------------------

/** A mention of version 1 gets a status (`new`); one that has a valid status keeps it. */
export function mentionToV2(record: Omit<Mention, 'status'> & { status?: unknown }): Mention {
  const status: MentionStatus =
    record.status === 'in-progress' || record.status === 'done' ? record.status : 'new';
  return { ...record, status };
}

/** A sighting of version 1 gets its site. */
export const sightingToV2 = (record: Sighting): Sighting & { site: string } => ({
  ...record,
  site: siteOf(record.url),
});

// --- Upgrade step 3 (2026-12-02) -----------------------------------------------------

/** A sighting of version 2 gets the words of its title and address; nothing else changes. */
export const sightingToV3 = (record: Sighting): StoredSighting => storedSighting(record);
