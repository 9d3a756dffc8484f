/**
 * Importing with a preview: {@link planImport} compares an imported log with
 * the stored one (N new, M already present, K that differ), the user chooses
 * for those that differ (keep mine, take theirs, keep both; for each one or
 * for all), and {@link applyChoices} turns the plan and the choices into
 * exactly the records to write. Both are pure; the worker writes the result
 * in one transaction.
 */
import { fingerprint } from '../hash.ts';
import { type Mention, type Sighting } from '../mention.ts';
import { copyMention, copySighting } from './format.ts';
import { compareTimes, mergeSightings } from './merge.ts';

export type MergeChoice = 'mine' | 'theirs' | 'both';

/** A mention stored under the same id as an incoming one, with different content. */
export interface MentionConflict {
  id: string;
  mine: Mention;
  theirs: Mention;
  /** The version with the later `updatedAt` (mine on a tie): taken unless the user says otherwise. */
  suggested: 'mine' | 'theirs';
}

export interface LogRecordLists {
  mentions: readonly Mention[];
  sightings: readonly Sighting[];
}

export interface ImportPlan {
  /** Incoming mentions with an id not stored yet (the "N new"), in file order. */
  added: Mention[];
  /**
   * Incoming mentions already stored exactly as they are, or already kept as
   * a copy by an earlier "keep both" (the "M already present").
   */
  present: number;
  /** Incoming mentions whose stored version differs (the "K that differ"), in file order. */
  conflicts: MentionConflict[];
  /** Sightings to write: new keys, and stored ones the import adds to (merged as {@link mergeSightings}). */
  sightings: Sighting[];
  sightingsAdded: number;
  sightingsCombined: number;
}

/** The user's choices for the conflicts: one for a mention id, else the one for all, else its suggestion. */
export interface MergeChoices {
  all?: MergeChoice;
  each?: Readonly<Record<string, MergeChoice>>;
}

export interface ImportWrites {
  /** Exactly the mentions to put: the new ones, the ones taken over, the copies. */
  mentions: Mention[];
  /** Exactly the sightings to put. */
  sightings: Sighting[];
  added: number;
  /** Stored mentions replaced by theirs. */
  replaced: number;
  /** Theirs kept beside mine, under {@link copyId}. */
  copied: number;
  /** Conflicts where mine stays, plus the mentions already present. */
  unchanged: number;
}

export function planImport(stored: LogRecordLists, incoming: LogRecordLists): ImportPlan {
  const storedById = new Map<string, Mention>();
  // Ids of copies kept by "keep both", by the id they were copied from: only
  // a mention that has one needs its copy id worked out.
  const copied = new Set<string>();
  for (const m of stored.mentions) {
    storedById.set(m.id, m);
    const origin = copyOrigin(m.id);
    if (origin !== undefined) copied.add(origin);
  }
  const plan: ImportPlan = {
    added: [],
    present: 0,
    conflicts: [],
    sightings: [],
    sightingsAdded: 0,
    sightingsCombined: 0,
  };
  for (const theirs of latestById(incoming.mentions)) {
    const mine = storedById.get(theirs.id);
    if (!mine) plan.added.push(theirs);
    else if (sameMention(mine, theirs) || (copied.has(theirs.id) && storedById.has(copyId(theirs))))
      plan.present++;
    else {
      const suggested = compareTimes(theirs.updatedAt, mine.updatedAt) > 0 ? 'theirs' : 'mine';
      plan.conflicts.push({ id: theirs.id, mine, theirs, suggested });
    }
  }

  const storedByKey = new Map<string, Sighting>();
  for (const s of stored.sightings) storedByKey.set(s.key, s);
  for (const sighting of mergeSightings([], [...incoming.sightings])) {
    const current = storedByKey.get(sighting.key);
    if (!current) {
      plan.sightings.push(sighting);
      plan.sightingsAdded++;
      continue;
    }
    const [combined] = mergeSightings([current], [sighting]);
    if (combined && canonicalSighting(combined) !== canonicalSighting(current)) {
      plan.sightings.push(combined);
      plan.sightingsCombined++;
    }
  }
  return plan;
}

export function applyChoices(plan: ImportPlan, choices: MergeChoices = {}): ImportWrites {
  const writes: ImportWrites = {
    mentions: [...plan.added],
    sightings: [...plan.sightings],
    added: plan.added.length,
    replaced: 0,
    copied: 0,
    unchanged: plan.present,
  };
  for (const conflict of plan.conflicts) {
    const choice = choices.each?.[conflict.id] ?? choices.all ?? conflict.suggested;
    if (choice === 'theirs') {
      writes.mentions.push(conflict.theirs);
      writes.replaced++;
    } else if (choice === 'both') {
      writes.mentions.push({ ...copyMention(conflict.theirs), id: copyId(conflict.theirs) });
      writes.copied++;
    } else {
      writes.unchanged++;
    }
  }
  return writes;
}

/**
 * The id under which "keep both" stores their version: their id plus a
 * fingerprint of their whole record. The same record imported again gets the
 * same id, finds its copy stored, and counts as present, so a second import
 * adds nothing; a later edit of theirs is another record and another copy.
 */
export function copyId(theirs: Mention): string {
  return `${theirs.id}${COPY_MARK}${fingerprint(canonicalMention(theirs))}`;
}

const COPY_MARK = '~';
const COPY_ID = /^(.*)~[0-9a-f]{16}$/s;

/** The id a copy was made from, or undefined if the id is not a copy's. */
function copyOrigin(id: string): string | undefined {
  return id.includes(COPY_MARK) ? COPY_ID.exec(id)?.[1] : undefined;
}

/** Every field equal, times compared as instants. */
export function sameMention(a: Mention, b: Mention): boolean {
  return (
    a.id === b.id &&
    sameInstant(a.updatedAt, b.updatedAt) &&
    sameInstant(a.createdAt, b.createdAt) &&
    a.url === b.url &&
    a.title === b.title &&
    a.sentiment === b.sentiment &&
    a.status === b.status &&
    a.note === b.note &&
    a.snippet === b.snippet &&
    sameList(a.brands, b.brands) &&
    sameList(a.terms, b.terms) &&
    sameList(a.tags, b.tags) &&
    a.search?.engine === b.search?.engine &&
    a.search?.query === b.search?.query &&
    a.search?.rank === b.search?.rank &&
    a.search?.page === b.search?.page
  );
}

function sameInstant(a: string, b: string): boolean {
  return a === b || canonicalTime(a) === canonicalTime(b);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function canonicalMention(m: Mention): string {
  const copy = copyMention(m);
  copy.createdAt = canonicalTime(copy.createdAt);
  copy.updatedAt = canonicalTime(copy.updatedAt);
  return JSON.stringify(copy);
}

/** The fields in one order, terms sorted: two spellings of one sighting compare equal. */
function canonicalSighting(s: Sighting): string {
  const copy = copySighting(s);
  copy.terms = copy.terms
    .map((t) => ({ t, key: JSON.stringify([t.brand, t.term, t.count]) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map(({ t }) => t);
  return JSON.stringify(copy);
}

const STORED_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function canonicalTime(iso: string): string {
  if (STORED_TIME.test(iso)) return iso;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString();
}

/** One record per id, the one with the later `updatedAt`, in the order ids first occur. */
function latestById(mentions: readonly Mention[]): Mention[] {
  const byId = new Map<string, Mention>();
  for (const m of mentions) {
    const earlier = byId.get(m.id);
    if (!earlier || compareTimes(m.updatedAt, earlier.updatedAt) > 0) byId.set(m.id, m);
  }
  return [...byId.values()];
}

export interface MentionMerge {
  merged: Mention[];
  /** Incoming mentions with an id not seen before, appended. */
  added: number;
  /** Existing mentions replaced by an incoming one with a later updatedAt. */
  updated: number;
  /** Incoming mentions whose stored version is the same, or as new or newer: the stored one is kept. */
  unchanged: number;
}

/**
 * The merge without asking: by id, each conflict resolved by its suggestion
 * (the later `updatedAt` wins; on a tie the stored one stays). Nothing is
 * dropped: the stored mentions in their order, new ones appended.
 */
export function mergeMentions(existing: Mention[], incoming: Mention[]): MentionMerge {
  const plan = planImport(
    { mentions: existing, sightings: [] },
    { mentions: incoming, sightings: [] },
  );
  const writes = applyChoices(plan);
  const taken = new Map(writes.mentions.map((m) => [m.id, m]));
  const merged = [...existing.map((m) => taken.get(m.id) ?? m), ...plan.added];
  return { merged, added: writes.added, updated: writes.replaced, unchanged: writes.unchanged };
}
