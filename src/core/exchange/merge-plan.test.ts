import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Mention, type Sighting } from '../mention.ts';
import {
  applyChoices,
  copyId,
  planImport,
  sameMention,
  type ImportWrites,
  type LogRecordLists,
  type MergeChoices,
} from './merge-plan.ts';
import { mention, sighting } from './test-records.test-support.ts';

const LATER = '2026-11-28T00:00:00.000Z';
const EARLIER = '2026-11-26T00:00:00.000Z';

const stored: LogRecordLists = {
  mentions: [
    mention({ id: 'same' }),
    mention({ id: 'theirs-newer', note: 'mine' }),
    mention({ id: 'mine-newer', note: 'mine', updatedAt: LATER }),
    mention({ id: 'tie', note: 'mine' }),
    mention({ id: 'only-mine' }),
  ],
  sightings: [],
};
const incoming: LogRecordLists = {
  mentions: [
    mention({ id: 'new-1' }),
    mention({ id: 'same' }),
    mention({ id: 'theirs-newer', note: 'theirs', updatedAt: LATER }),
    mention({ id: 'mine-newer', note: 'theirs', updatedAt: EARLIER }),
    mention({ id: 'tie', note: 'theirs' }),
    mention({ id: 'new-2' }),
  ],
  sightings: [],
};

/** The log after writing: stored records replaced by id, new ones appended. */
function written(log: LogRecordLists, writes: ImportWrites): LogRecordLists {
  const mentions = new Map(log.mentions.map((m) => [m.id, m]));
  for (const m of writes.mentions) mentions.set(m.id, m);
  const sightings = new Map(log.sightings.map((s) => [s.key, s]));
  for (const s of writes.sightings) sightings.set(s.key, s);
  return { mentions: [...mentions.values()], sightings: [...sightings.values()] };
}

void test('the preview: N new, M already present, K that differ, each with a suggestion', () => {
  const plan = planImport(stored, incoming);
  assert.deepEqual(
    plan.added.map((m) => m.id),
    ['new-1', 'new-2'],
  );
  assert.equal(plan.present, 1);
  assert.deepEqual(
    plan.conflicts.map((c) => [c.id, c.mine.note, c.theirs.note, c.suggested]),
    [
      ['theirs-newer', 'mine', 'theirs', 'theirs'],
      ['mine-newer', 'mine', 'theirs', 'mine'],
      ['tie', 'mine', 'theirs', 'mine'],
    ],
  );
});

void test('without choices each conflict takes its suggestion: the later updatedAt, mine on a tie', () => {
  const writes = applyChoices(planImport(stored, incoming));
  assert.deepEqual(
    writes.mentions.map((m) => [m.id, m.note]),
    [
      ['new-1', ''],
      ['new-2', ''],
      ['theirs-newer', 'theirs'],
    ],
  );
  assert.deepEqual([writes.added, writes.replaced, writes.copied, writes.unchanged], [2, 1, 0, 3]);
});

void test('"keep mine" for all writes only the new ones', () => {
  const writes = applyChoices(planImport(stored, incoming), { all: 'mine' });
  assert.deepEqual(
    writes.mentions.map((m) => m.id),
    ['new-1', 'new-2'],
  );
  assert.deepEqual([writes.added, writes.replaced, writes.copied, writes.unchanged], [2, 0, 0, 4]);
});

void test('"take theirs" for all replaces every one that differs, older or not', () => {
  const writes = applyChoices(planImport(stored, incoming), { all: 'theirs' });
  assert.deepEqual(
    writes.mentions.map((m) => [m.id, m.note]),
    [
      ['new-1', ''],
      ['new-2', ''],
      ['theirs-newer', 'theirs'],
      ['mine-newer', 'theirs'],
      ['tie', 'theirs'],
    ],
  );
  assert.equal(writes.replaced, 3);
});

void test('"keep both" adds theirs under a copy id and leaves mine', () => {
  const plan = planImport(stored, incoming);
  const writes = applyChoices(plan, { all: 'both' });
  const copies = writes.mentions.slice(2);
  assert.deepEqual(
    copies.map((m) => m.id),
    plan.conflicts.map((c) => copyId(c.theirs)),
  );
  for (const [i, copy] of copies.entries()) {
    const theirs = plan.conflicts[i]?.theirs;
    assert.ok(theirs);
    assert.deepEqual({ ...copy, id: theirs.id }, theirs, 'the copy is theirs but for the id');
    assert.ok(!stored.mentions.some((m) => m.id === copy.id), 'mine is not overwritten');
  }
  assert.deepEqual([writes.added, writes.replaced, writes.copied, writes.unchanged], [2, 0, 3, 1]);
});

void test('a choice for one mention overrides the one for all', () => {
  const choices: MergeChoices = { all: 'mine', each: { tie: 'theirs', 'mine-newer': 'both' } };
  const writes = applyChoices(planImport(stored, incoming), choices);
  assert.deepEqual(
    writes.mentions.map((m) => m.id),
    ['new-1', 'new-2', copyId(incoming.mentions[3] as Mention), 'tie'],
  );
  const onlyEach = applyChoices(planImport(stored, incoming), { each: { tie: 'theirs' } });
  assert.deepEqual(
    onlyEach.mentions.map((m) => m.id),
    ['new-1', 'new-2', 'theirs-newer', 'tie'],
    'the rest follow their suggestion',
  );
});

for (const choices of [{}, { all: 'mine' }, { all: 'theirs' }, { all: 'both' }] as MergeChoices[]) {
  void test(`the same file imported twice adds nothing the second time (${choices.all ?? 'suggested'})`, () => {
    const once = written(stored, applyChoices(planImport(stored, incoming), choices));
    const again = planImport(once, incoming);
    assert.equal(again.added.length, 0);
    const writes = applyChoices(again, choices);
    assert.deepEqual(writes.mentions, [], 'nothing to write');
    assert.deepEqual(written(once, writes), once);
    if (choices.all !== 'mine' && choices.all !== undefined)
      assert.equal(again.conflicts.length, 0, 'nothing left to ask');
  });
}

void test('a copy from "keep both" still counts as present after it was edited', () => {
  const theirs = incoming.mentions[4] as Mention;
  const edited = mention({ ...theirs, id: copyId(theirs), note: 'edited copy', updatedAt: LATER });
  const plan = planImport(
    { mentions: [...stored.mentions, edited], sightings: [] },
    { mentions: [theirs], sightings: [] },
  );
  assert.equal(plan.present, 1);
  assert.equal(plan.conflicts.length, 0);
});

void test('copy ids are deterministic and change with the content', () => {
  const theirs = mention({ id: 'x', note: 'a' });
  assert.equal(copyId(theirs), copyId(mention({ id: 'x', note: 'a' })));
  assert.match(copyId(theirs), /^x~[0-9a-f]{16}$/);
  assert.notEqual(copyId(theirs), copyId(mention({ id: 'x', note: 'b' })));
  assert.equal(
    copyId(mention({ id: 'x', updatedAt: '2026-11-27T10:30:00+01:00' })),
    copyId(mention({ id: 'x', updatedAt: '2026-11-27T09:30:00.000Z' })),
    'times are compared as instants',
  );
});

void test('identical means every field equal, with times compared as instants', () => {
  const base = mention({ search: { engine: 'google', query: 'acme', rank: 2 } });
  assert.ok(sameMention(base, mention({ search: { engine: 'google', query: 'acme', rank: 2 } })));
  assert.ok(sameMention(base, { ...base, createdAt: '2026-11-27T10:30:00+01:00' }));
  for (const change of [
    { url: 'https://other.example/' },
    { title: 'other' },
    { brands: ['ACME', 'Beta'] },
    { terms: ['ACME'] },
    { tags: ['Presse'] },
    { sentiment: 'negative' as const },
    { note: 'n' },
    { snippet: 's' },
    { updatedAt: LATER },
    { createdAt: EARLIER },
    { search: { engine: 'google', query: 'acme', rank: 3 } },
    { search: { engine: 'google', query: 'acme', rank: 2, page: 1 } },
  ])
    assert.ok(!sameMention(base, { ...base, ...change }), JSON.stringify(change));
  const unsearched = { ...base };
  delete unsearched.search;
  assert.ok(!sameMention(base, unsearched));
});

void test('an id twice in the incoming list: the later updatedAt is the one compared', () => {
  const plan = planImport(
    { mentions: [], sightings: [] },
    {
      mentions: [
        mention({ id: 'a', note: 'old' }),
        mention({ id: 'a', note: 'new', updatedAt: LATER }),
      ],
      sightings: [],
    },
  );
  assert.deepEqual(
    plan.added.map((m) => m.note),
    ['new'],
  );
});

void test('sightings merge without asking; only new and changed ones are written', () => {
  const known = sighting({ key: 'page a', visits: 2 });
  const unchanged = sighting({ key: 'page b' });
  const log: LogRecordLists = { mentions: [], sightings: [known, unchanged] };
  const later = '2026-11-25T08:00:00.000Z';
  const plan = planImport(log, {
    mentions: [],
    sightings: [
      sighting({
        key: 'page a',
        lastSeen: later,
        terms: [{ brand: 'ACME', term: 'RoboDrill', count: 1 }],
      }),
      sighting({ key: 'page b' }),
      sighting({ key: 'page c' }),
      sighting({ key: 'page c', visits: 5 }),
    ],
  });
  assert.deepEqual([plan.sightingsAdded, plan.sightingsCombined], [1, 1]);
  const [combined, added] = plan.sightings as [Sighting, Sighting];
  assert.equal(combined.key, 'page a');
  assert.equal(combined.lastSeen, later);
  assert.equal(combined.visits, 2);
  assert.equal(combined.terms.length, 2, 'the union of the terms');
  assert.equal(added.key, 'page c');
  assert.equal(added.visits, 5, 'two of one key in the file are folded first');
  assert.deepEqual(applyChoices(plan, { all: 'mine' }).sightings, plan.sightings);

  const again = planImport(written(log, applyChoices(plan)), {
    mentions: [],
    sightings: [
      sighting({
        key: 'page a',
        lastSeen: later,
        terms: [{ brand: 'ACME', term: 'RoboDrill', count: 1 }],
      }),
    ],
  });
  assert.deepEqual(again.sightings, [], 'the same sighting again changes nothing');
});

void test('planning changes none of its inputs', () => {
  const before = JSON.stringify([stored, incoming]);
  applyChoices(planImport(stored, incoming), { all: 'both' });
  assert.equal(JSON.stringify([stored, incoming]), before);
});
