import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyFilter, type LogFilter } from './filter.ts';
import { logAddressParams, normalizeFilter, readLogAddress } from './address.ts';
import { DEFAULT_MENTION_SORT, DEFAULT_SIGHTING_SORT } from './sort.ts';

const filter = (over: Partial<LogFilter>): LogFilter => ({ ...emptyFilter(), ...over });

test('the empty filter and the default sort make an empty address', () => {
  assert.equal(logAddressParams(emptyFilter(), DEFAULT_MENTION_SORT).toString(), '');
  assert.deepEqual(readLogAddress(''), {
    filter: emptyFilter(),
    mentionSort: DEFAULT_MENTION_SORT,
    sightingSort: DEFAULT_SIGHTING_SORT,
  });
});

test('an address is readable: one parameter per field, repeated for several values', () => {
  const f = filter({
    brands: ['ACME'],
    sentiments: ['negative'],
    text: 'lieferung',
    from: '2026-11-01',
  });
  assert.equal(
    logAddressParams(f, { key: 'date', descending: false }).toString(),
    'brand=ACME&sentiment=negative&from=2026-11-01&q=lieferung&sort=date',
  );
  assert.equal(
    logAddressParams(filter({ brands: ['Müller', 'ACME'], role: 'competitor' })).toString(),
    'brand=ACME&brand=M%C3%BCller&role=competitor',
  );
});

test('the same filter always gives the same address (values unique and in order)', () => {
  const a = filter({
    sentiments: ['negative', 'positive', 'negative'],
    tags: ['Presse', 'Messe', 'Presse'],
    statuses: ['done', 'new'],
    sites: ['Example.de', 'acme.de'],
    text: '  zwei   Wörter ',
  });
  const b = filter({
    sentiments: ['positive', 'negative'],
    tags: ['Messe', 'Presse'],
    statuses: ['new', 'done'],
    sites: ['acme.de', 'example.de'],
    text: 'zwei Wörter',
  });
  assert.equal(logAddressParams(a).toString(), logAddressParams(b).toString());
  assert.equal(
    logAddressParams(a).toString(),
    'sentiment=positive&sentiment=negative&tag=Messe&tag=Presse&status=new&status=done&site=acme.de&site=example.de&q=zwei+W%C3%B6rter',
  );
});

test('every field round-trips through the address', () => {
  const f = filter({
    brands: ['ACME', 'Müller & Söhne'],
    role: 'own',
    sentiments: ['positive', 'neutral'],
    tags: ['a,b', 'Presse'],
    statuses: ['in-progress'],
    kinds: ['ad', 'competitor-ad'],
    sites: ['news.example.de'],
    source: 'search',
    engines: ['google', 'bing'],
    queries: ['acme robodrill', 'müller gmbh'],
    from: '2026-11-01',
    to: '2026-11-30',
    text: 'preis "zu hoch" & mehr',
  });
  for (const sort of [
    { key: 'source', descending: true },
    { key: 'title', descending: false },
  ] as const) {
    const back = readLogAddress(logAddressParams(f, sort).toString());
    assert.deepEqual(back.filter, normalizeFilter(f));
    assert.deepEqual(back.mentionSort, sort);
  }
  const sightings = readLogAddress(
    logAddressParams(f, { key: 'visits', descending: true }, DEFAULT_SIGHTING_SORT),
  );
  assert.deepEqual(sightings.sightingSort, { key: 'visits', descending: true });
  // A sort of the other list falls back to this list's default.
  assert.deepEqual(sightings.mentionSort, DEFAULT_MENTION_SORT);
});

test('values this code does not know are dropped, never an error', () => {
  const back = readLogAddress(
    '?sentiment=great&sentiment=negative&status=open&kind=banner&role=partner&source=mail' +
      '&from=2026-02-30&to=gestern&sort=-colour&view=sightings&brand=',
  );
  assert.deepEqual(back.filter, filter({ sentiments: ['negative'] }));
  assert.deepEqual(back.mentionSort, DEFAULT_MENTION_SORT);
});

test('parameters the codec does not own are left to the page', () => {
  const params = new URLSearchParams('view=overview');
  for (const [k, v] of logAddressParams(filter({ text: 'x' }))) params.append(k, v);
  assert.equal(params.toString(), 'view=overview&q=x');
  assert.equal(readLogAddress(params).filter.text, 'x');
});
