/**
 * How a staged import's records stand against the log: a mention is new,
 * identical to the stored one, or differs; a sighting is new, adds to the
 * stored one, or adds nothing. And what a commit writes for the user's
 * choices. Pure; the worker asks it per chunk and again at commit.
 */
import { compareTimes, mergeSightings } from './exchange/merge.ts';
import { copyMention, copySighting } from './exchange/format.ts';
import type { Mention, Sighting } from './mention.ts';
import type { MergeChoice, MergeChoices } from './messages/log.ts';

export type MentionClass = 'added' | 'identical' | 'differing';
export type SightingClass = 'added' | 'combined' | 'identical';

const canonical = (m: Mention): string => {
  const copy = copyMention(m);
  copy.createdAt = new Date(Date.parse(copy.createdAt)).toISOString();
  copy.updatedAt = new Date(Date.parse(copy.updatedAt)).toISOString();
  return JSON.stringify(copy);
};

export function sameMention(a: Mention, b: Mention): boolean {
  return canonical(a) === canonical(b);
}

/** A short, stable fingerprint of a text (FNV-1a, 2 x 32 bits): for the ids of kept copies. */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * The id "keep both" stores the file's version under: its id and a
 * fingerprint of the whole record, so the same file imported again finds the
 * copy and adds nothing.
 */
export function copyIdOf(theirs: Mention): string {
  return `${theirs.id}~${fingerprint(canonical(theirs))}`;
}

/** `copy`: the stored copy of a "keep both", if there is one (`copyIdOf(theirs)`). */
export function classifyMention(
  theirs: Mention,
  mine: Mention | undefined,
  copy: Mention | undefined,
): MentionClass {
  if (!mine) return 'added';
  return sameMention(mine, theirs) || copy ? 'identical' : 'differing';
}

export function suggestedChoice(mine: Mention, theirs: Mention): 'mine' | 'theirs' {
  return compareTimes(theirs.updatedAt, mine.updatedAt) > 0 ? 'theirs' : 'mine';
}

/** The user's choice for a differing mention: for its id, else for all, else the suggestion. */
export function choiceFor(choices: MergeChoices, mine: Mention, theirs: Mention): MergeChoice {
  const each = choices.each;
  if (each && Object.hasOwn(each, theirs.id)) return each[theirs.id]!;
  return choices.all ?? suggestedChoice(mine, theirs);
}

/** The mention to write for a differing one, or undefined for "keep mine". */
export function mentionToWrite(choice: MergeChoice, theirs: Mention): Mention | undefined {
  if (choice === 'mine') return undefined;
  if (choice === 'theirs') return copyMention(theirs);
  return { ...copyMention(theirs), id: copyIdOf(theirs) };
}

const sightingText = (s: Sighting) => {
  const copy = copySighting(s);
  copy.terms = [...copy.terms].sort((a, b) =>
    a.brand === b.brand ? (a.term < b.term ? -1 : 1) : a.brand < b.brand ? -1 : 1,
  );
  return JSON.stringify(copy);
};

/** The sighting to write (merged with the stored one), or undefined when it adds nothing. */
export function sightingToWrite(
  theirs: Sighting,
  mine: Sighting | undefined,
): Sighting | undefined {
  if (!mine) return copySighting(theirs);
  const [merged] = mergeSightings([copySighting(mine)], [theirs]);
  return merged && sightingText(merged) !== sightingText(mine) ? merged : undefined;
}

export function classifySighting(theirs: Sighting, mine: Sighting | undefined): SightingClass {
  if (!mine) return 'added';
  return sightingToWrite(theirs, mine) ? 'combined' : 'identical';
}
