import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../mention.ts';
import { mentionEntry } from './entry.ts';
import { dayOf, dayStart, emptyFilter, readDay, siteOf, type LogFilter } from './filter.ts';
import { sightingPredicate, type BrandRoles } from './predicate.ts';
import { mentionFacets, runMentionQuery } from './run.ts';
import { mentionComparator, MENTION_SORT_KEYS, type MentionSort } from './sort.ts';

const base: Mention = {
  id: 'm',
  url: 'https://www.example.de/a',
  title: 'Artikel',
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'neutral',
  status: 'new',
  tags: [],
  note: '',
  snippet: '',
  createdAt: '2026-11-10T10:00:00.000Z',
  updatedAt: '2026-11-10T10:00:00.000Z',
};
const m = (id: string, over: Partial<Mention> = {}): Mention => ({ ...base, id, ...over });

const MENTIONS = [
  m('a', {
    title: 'Müller liefert RoboDrill',
    brands: ['Müller'],
    sentiment: 'positive',
    tags: ['Presse'],
    createdAt: '2026-11-01T08:00:00.000Z',
  }),
  m('b', {
    url: 'https://shop.example.de/x',
    title: 'ACME zu teuer',
    sentiment: 'negative',
    status: 'in-progress',
    note: 'Rückruf nötig',
    tags: ['presse', 'Preis'],
    createdAt: '2026-11-05T08:00:00.000Z',
    search: { engine: 'google', query: ' ACME Preis ', rank: 3 },
  }),
  m('c', {
    url: 'https://konkurrenz.de/',
    title: 'Wettbewerb stark',
    brands: ['Konkurrenz AG'],
    snippet: 'Die Straße der Sieger',
    status: 'done',
    createdAt: '2026-11-20T08:00:00.000Z',
    search: { engine: 'bing', query: 'konkurrenz', rank: 1 },
  }),
  m('d', { title: '', createdAt: '2026-11-20T08:00:00.000Z' }),
];
const ENTRIES = MENTIONS.map(mentionEntry);
const ROLES: BrandRoles = new Map([
  ['ACME', 'own'],
  ['Müller', 'own'],
  ['Konkurrenz AG', 'competitor'],
]);
const ids = (over: Partial<LogFilter>, sort: MentionSort = { key: 'date', descending: true }) =>
  runMentionQuery(ENTRIES, { ...emptyFilter(), ...over }, sort, ROLES).map((e) => e.id);

test('no filter: everything, newest first, ties by id', () => {
  assert.deepEqual(ids({}), ['c', 'd', 'b', 'a']);
});

test('each field narrows; values of one field are alternatives', () => {
  assert.deepEqual(ids({ brands: ['Müller', 'Konkurrenz AG'] }), ['c', 'a']);
  assert.deepEqual(ids({ role: 'competitor' }), ['c']);
  assert.deepEqual(ids({ role: 'own' }), ['d', 'b', 'a']);
  assert.deepEqual(ids({ sentiments: ['negative', 'positive'] }), ['b', 'a']);
  assert.deepEqual(ids({ statuses: ['new'] }), ['d', 'a']);
  assert.deepEqual(ids({ tags: ['PRESSE'] }), ['b', 'a']);
  assert.deepEqual(ids({ sites: ['example.de'] }), ['d', 'a']);
  assert.deepEqual(ids({ sites: ['shop.example.de'] }), ['b']);
  assert.deepEqual(ids({ source: 'search' }), ['c', 'b']);
  assert.deepEqual(ids({ source: 'page' }), ['d', 'a']);
  assert.deepEqual(ids({ engines: ['google'] }), ['b']);
  assert.deepEqual(ids({ queries: ['acme preis'] }), ['b']);
  assert.deepEqual(ids({ role: 'own', sentiments: ['negative'] }), ['b']);
});

test('a date range takes whole local days, both ends included', () => {
  const day = (iso: string) => dayOf(Date.parse(iso));
  assert.deepEqual(ids({ from: day(MENTIONS[1]!.createdAt) }), ['c', 'd', 'b']);
  assert.deepEqual(ids({ to: day(MENTIONS[1]!.createdAt) }), ['b', 'a']);
  assert.deepEqual(ids({ from: day(MENTIONS[1]!.createdAt), to: day(MENTIONS[1]!.createdAt) }), [
    'b',
  ]);
  assert.equal(dayStart('2026-11-30', 1), new Date(2026, 11, 1).getTime());
  assert.equal(readDay('2026-02-29'), undefined);
  assert.equal(readDay('2028-02-29'), '2028-02-29');
});

test('full text: every word, folded, in title, snippet, note, tags or address', () => {
  assert.deepEqual(ids({ text: 'mueller' }), ['a']);
  assert.deepEqual(ids({ text: 'MÜLLER robodrill' }), ['a']);
  assert.deepEqual(ids({ text: 'strasse' }), ['c']);
  assert.deepEqual(ids({ text: 'rückruf' }), ['b']);
  assert.deepEqual(ids({ text: 'preis' }), ['b']);
  assert.deepEqual(ids({ text: 'shop.example' }), ['b']);
  assert.deepEqual(ids({ text: 'müller teuer' }), []);
});

test('every column sorts, both ways, empties last, and the order is total', () => {
  assert.deepEqual(ids({}, { key: 'title', descending: false }), ['b', 'a', 'c', 'd']);
  assert.deepEqual(ids({}, { key: 'title', descending: true }), ['c', 'a', 'b', 'd']);
  assert.deepEqual(ids({}, { key: 'sentiment', descending: false }), ['a', 'c', 'd', 'b']);
  assert.deepEqual(ids({}, { key: 'status', descending: false }), ['d', 'a', 'b', 'c']);
  assert.deepEqual(ids({}, { key: 'note', descending: false }), ['b', 'c', 'd', 'a']);
  assert.deepEqual(ids({}, { key: 'source', descending: false }), ['c', 'b', 'd', 'a']);
  assert.deepEqual(ids({}, { key: 'brand', descending: false }), ['d', 'b', 'c', 'a']);
  assert.deepEqual(ids({}, { key: 'site', descending: false }), ['d', 'a', 'c', 'b']);
  for (const key of MENTION_SORT_KEYS)
    for (const descending of [false, true]) {
      const compare = mentionComparator({ key, descending });
      for (const x of ENTRIES)
        for (const y of ENTRIES) {
          const c = compare(x, y);
          assert.equal(c === 0, x === y, `${key} ${x.id} ${y.id}`);
          assert.ok(Math.sign(c) + Math.sign(compare(y, x)) === 0, `${key} antisymmetric`);
        }
    }
});

test('sightings: kind, site, search, role, text, last seen', () => {
  const s = {
    key: 'ad https://acme.de/',
    kind: 'ad' as const,
    url: 'https://www.acme.de/angebot',
    title: 'Angebot Müller',
    terms: [{ brand: 'Konkurrenz AG', term: 'Konkurrenz', count: 2 }],
    lastSeen: '2026-11-15T12:00:00.000Z',
    search: { engine: 'google', query: 'Bohrer' },
  };
  const passes = (over: Partial<LogFilter>) =>
    sightingPredicate({ ...emptyFilter(), ...over }, ROLES)(s);
  assert.equal(passes({}), true);
  assert.equal(passes({ kinds: ['ad'], sites: ['acme.de'], engines: ['google'] }), true);
  assert.equal(passes({ kinds: ['page'] }), false);
  assert.equal(passes({ queries: ['BOHRER '] }), true);
  assert.equal(passes({ role: 'competitor' }), true);
  assert.equal(passes({ role: 'own' }), false);
  assert.equal(passes({ text: 'mueller angebot' }), true);
  // Mention-only fields do not apply to sightings.
  assert.equal(passes({ sentiments: ['negative'], statuses: ['done'], tags: ['x'] }), true);
  assert.equal(passes({ to: dayOf(Date.parse('2026-11-14T12:00:00.000Z')) }), false);
  assert.equal(siteOf('https://WWW.Example.DE./x'), 'example.de');
});

test('facets count each value once per mention, most frequent first', () => {
  const f = mentionFacets(ENTRIES);
  assert.deepEqual(f.brands, [
    { value: 'ACME', count: 2 },
    { value: 'Konkurrenz AG', count: 1 },
    { value: 'Müller', count: 1 },
  ]);
  assert.deepEqual(f.engines, [
    { value: 'bing', count: 1 },
    { value: 'google', count: 1 },
  ]);
  assert.deepEqual(f.sites[0], { value: 'example.de', count: 2 });
});
