/**
 * The merge rules of exchange/merge-plan.ts, applied to a staged import a
 * part at a time: the worker hands in a part of the file's records with the
 * stored records they can meet (same id, same key, and the copy a "keep both"
 * would have made), never the whole log. Pure.
 */
import { applyChoices, copyId, planImport, type MergeChoices } from './exchange/merge-plan.ts';
import { compareTimes } from './exchange/merge.ts';
import type { Mention, Sighting } from './mention.ts';

export type MentionClass = 'added' | 'identical' | 'differing';
export type SightingClass = 'added' | 'combined' | 'identical';

/** The stored ids a part of the file's mentions can meet: their own, and their "keep both" copies. */
export function idsToLookUp(incoming: readonly Mention[]): string[] {
  return incoming.flatMap((m) => [m.id, copyId(m)]);
}

/** What each of the file's mentions is against the stored ones (`stored`: those with the ids of idsToLookUp). */
export function classifyMentions(
  incoming: readonly Mention[],
  stored: readonly Mention[],
): MentionClass[] {
  const plan = planImport(
    { mentions: stored, sightings: [] },
    { mentions: incoming, sightings: [] },
  );
  const added = new Set(plan.added.map((m) => m.id));
  const differing = new Set(plan.conflicts.map((c) => c.id));
  return incoming.map((m) =>
    added.has(m.id) ? 'added' : differing.has(m.id) ? 'differing' : 'identical',
  );
}

/** What each of the file's sightings is against the stored ones of the same keys. */
export function classifySightings(
  incoming: readonly Sighting[],
  stored: readonly Sighting[],
): SightingClass[] {
  return incoming.map((s) => {
    const mine = stored.find((x) => x.key === s.key);
    if (!mine) return 'added';
    const plan = planImport({ mentions: [], sightings: [mine] }, { mentions: [], sightings: [s] });
    return plan.sightings.length ? 'combined' : 'identical';
  });
}

/** A copy of the choices that no id can look up the prototype of (`constructor`, `__proto__`). */
export function safeChoices(choices: MergeChoices): MergeChoices {
  const out: MergeChoices = {};
  if (choices.all) out.all = choices.all;
  if (choices.each) out.each = Object.assign(Object.create(null) as object, choices.each);
  return out;
}

export interface PartWrites {
  mentions: Mention[];
  sightings: Sighting[];
  added: number;
  replaced: number;
  copied: number;
  unchanged: number;
}

/** What to write for a part of the file, with the user's choices (`stored` as for classify). */
export function writesFor(
  incoming: { mentions: readonly Mention[]; sightings: readonly Sighting[] },
  stored: { mentions: readonly Mention[]; sightings: readonly Sighting[] },
  choices: MergeChoices,
): PartWrites {
  return applyChoices(planImport(stored, incoming), safeChoices(choices));
}

/** The version taken unless the user chooses: the later `updatedAt`, mine on a tie. */
export function suggestedOf(mine: Mention, theirs: Mention): 'mine' | 'theirs' {
  return compareTimes(theirs.updatedAt, mine.updatedAt) > 0 ? 'theirs' : 'mine';
}
