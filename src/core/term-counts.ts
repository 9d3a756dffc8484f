/** Counting hits per brand and term, for reports, sightings and results. */
import type { TermCount } from './mention.ts';
import type { Brand } from './profile.ts';

/** Anything that knows which brand and term it is a hit of. */
export interface TermHit {
  brandIndex: number;
  termIndex: number;
}

/** Hits counted per brand and term, in the order each was first met. */
export function countTerms(hits: Iterable<TermHit>, brands: readonly Brand[]): TermCount[] {
  const counts = new Map<string, TermCount>();
  for (const hit of hits) {
    const brand = brands[hit.brandIndex];
    const term = brand?.terms[hit.termIndex]?.text ?? '';
    const key = `${hit.brandIndex}\u0000${term}`;
    const entry = counts.get(key) ?? { brand: brand?.name ?? '', term, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()];
}
