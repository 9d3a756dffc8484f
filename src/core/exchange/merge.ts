/**
 * Merging sightings (automatic: nothing is lost) and comparing times; the
 * mention rules with the user's choices are in merge-plan.ts.
 */
import { type Sighting, type TermCount } from '../mention.ts';
import { copySearch, copySighting } from './format.ts';

/** Orders two ISO times by the instant they name (not by their spelling). */
export function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a < b ? -1 : a > b ? 1 : 0;
  return ta - tb;
}

/**
 * Merges by key. Of two records of one page: the earlier `firstSeen`, the
 * later `lastSeen`, the larger `visits`; the union of the terms (the larger
 * count where both have one); kind, url, title, hits and search from the
 * record seen last (on a tie, the stored one), title and search from the other
 * where it lacks them. Stored order is kept, new ones appended.
 */
export function mergeSightings(existing: Sighting[], incoming: Sighting[]): Sighting[] {
  const merged = [...existing];
  const index = new Map<string, number>();
  merged.forEach((s, i) => index.set(s.key, i));
  for (const sighting of incoming) {
    const at = index.get(sighting.key);
    const current = at === undefined ? undefined : merged[at];
    if (at === undefined || !current) index.set(sighting.key, merged.push(sighting) - 1);
    else merged[at] = combineSightings(current, sighting);
  }
  return merged;
}

function combineSightings(a: Sighting, b: Sighting): Sighting {
  const [later, earlier] = compareTimes(b.lastSeen, a.lastSeen) > 0 ? [b, a] : [a, b];
  const terms = new Map<string, TermCount>();
  for (const t of [...later.terms, ...earlier.terms]) {
    const key = JSON.stringify([t.brand, t.term]);
    const seen = terms.get(key);
    if (!seen || t.count > seen.count) terms.set(key, { ...t });
  }
  const combined: Sighting = {
    ...copySighting(later),
    terms: [...terms.values()],
    firstSeen: compareTimes(a.firstSeen, b.firstSeen) <= 0 ? a.firstSeen : b.firstSeen,
    lastSeen: later.lastSeen,
    visits: Math.max(a.visits, b.visits),
  };
  // Fill what the later record lacks, so that nothing known is lost.
  if (!combined.title) combined.title = earlier.title;
  if (!combined.search && earlier.search) combined.search = copySearch(earlier.search);
  return combined;
}
