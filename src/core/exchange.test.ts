import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  mergeMentions,
  mergeSightings,
  normaliseIsoTime,
  parseImport,
  toJsonExport,
} from './exchange.ts';
import type { Mention, Sighting } from './mention.ts';
import type { Problem } from './problem.ts';

/** A problem as `path code`, the way these tests compare them. */
const pathAndCode = (p: Problem): string => (p.path ? `${p.path} ${p.code}` : p.code);

function mention(overrides: Partial<Mention> = {}): Mention {
  return {
    id: 'm-1',
    url: 'https://www.example.de/artikel',
    title: 'ACME übernimmt Müller GmbH',
    brands: ['ACME'],
    terms: ['ACME', 'RoboDrill 3000'],
    sentiment: 'positive',
    status: 'new',
    tags: ['Presse', 'Übernahme'],
    note: '',
    snippet: '… die ACME AG gab bekannt …',
    createdAt: '2026-11-27T09:30:00.000Z',
    updatedAt: '2026-11-27T09:30:00.000Z',
    ...overrides,
  };
}

function sighting(overrides: Partial<Sighting> = {}): Sighting {
  return {
    key: 'page https://www.example.de/artikel',
    kind: 'page',
    url: 'https://www.example.de/artikel',
    title: 'ACME übernimmt Müller GmbH',
    terms: [{ brand: 'ACME', term: 'ACME', count: 3 }],
    hits: 3,
    firstSeen: '2026-11-20T08:00:00.000Z',
    lastSeen: '2026-11-20T08:00:00.000Z',
    visits: 1,
    ...overrides,
  };
}

void test('export file names carry the local date', () => {
  const late = new Date(2026, 10, 27, 23, 59);
  assert.equal(exportFileName('csv', late), 'markenlotse-2026-11-27.csv');
  assert.equal(exportFileName('json', new Date(2027, 0, 5, 0, 1)), 'markenlotse-2027-01-05.json');
  assert.equal(exportFileName('xlsx', late), 'markenlotse-2026-11-27.xlsx');
  assert.equal(exportFileName('csv', late, 'sightings'), 'markenlotse-sightings-2026-11-27.csv');
});

// --- JSON export and import ----------------------------------------------------

void test('a JSON export imports back without loss', () => {
  const mentions = [
    mention({
      note: 'Müller sagt: "gut", aber\nteuer',
      search: { engine: 'google', query: 'ächz öko süß', rank: 2, page: 1 },
    }),
    mention({ id: 'm-2', sentiment: 'negative', tags: [], brands: [], terms: [], title: '' }),
    mention({ id: 'm-3', sentiment: 'neutral', search: { engine: 'bing', query: 'acme' } }),
  ];
  const sightings = [
    sighting(),
    sighting({
      key: 'result https://www.example.de/artikel',
      kind: 'result',
      search: { engine: 'google', query: 'acme', rank: 1 },
      visits: 4,
    }),
    sighting({
      key: 'ad https://ads.example/',
      kind: 'ad',
      url: 'https://ads.example/',
      terms: [],
      hits: 0,
    }),
  ];
  const now = new Date('2026-11-27T12:00:00.000Z');
  const json = toJsonExport(mentions, sightings, now);
  const doc = JSON.parse(json) as Record<string, unknown>;
  assert.equal(doc.format, EXPORT_FORMAT);
  assert.equal(doc.version, EXPORT_VERSION);
  assert.equal(doc.exportedAt, '2026-11-27T12:00:00.000Z');

  const back = parseImport(json);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.mentions, mentions);
  assert.deepEqual(back.sightings, sightings);
});

void test('the JSON export names no one, unless the user chose a name for "exported by"', () => {
  const anonymous = JSON.parse(toJsonExport([mention()], [])) as Record<string, unknown>;
  assert.deepEqual(Object.keys(anonymous), [
    'format',
    'version',
    'exportedAt',
    'mentions',
    'sightings',
  ]);
  const named = JSON.parse(
    toJsonExport([mention()], [], new Date(), { exportedBy: 'Team Süd' }),
  ) as Record<string, unknown>;
  assert.equal(named.exportedBy, 'Team Süd');
  assert.deepEqual(parseImport(JSON.stringify(named)).problems, []);
});

void test('the JSON export holds only the fields of the records', () => {
  const stored = { ...mention(), internal: 'x' } as Mention;
  const doc = JSON.parse(toJsonExport([stored], [])) as { mentions: Record<string, unknown>[] };
  assert.equal(doc.mentions[0]?.internal, undefined);
  assert.ok(!('search' in (doc.mentions[0] ?? {})));
});

void test('an export with a byte order mark still imports', () => {
  const back = parseImport('\uFEFF' + toJsonExport([mention()], []));
  assert.deepEqual(back.problems, []);
  assert.equal(back.mentions.length, 1);
});

void test('broken JSON gives one problem with the line and column, and never throws', () => {
  const back = parseImport('{\n  "format": "markenlotse-log",\n  "version": 1,,\n}');
  assert.deepEqual(back.mentions, []);
  assert.deepEqual(back.problems, [
    { path: '', code: 'not-json-at', params: { line: 3, column: 16 } },
  ]);
  const cut = toJsonExport([mention()], []).slice(0, 40);
  assert.deepEqual(parseImport(cut).problems, [
    { path: '', code: 'not-json-at', params: { line: 3, column: 8 } },
  ]);
  assert.deepEqual(parseImport('').problems, [{ path: '', code: 'empty-file', params: {} }]);
});

void test('a file that is not an export of this version is refused as a whole', () => {
  const refused = (text: string, expected: Problem) => {
    const back = parseImport(text);
    assert.deepEqual([back.mentions, back.sightings], [[], []]);
    assert.deepEqual(back.problems, [expected]);
  };
  refused('[1, 2]', { path: '', code: 'not-an-export', params: {} });
  refused('{"format":"other-tool","version":1,"mentions":[]}', {
    path: 'format',
    code: 'foreign-format',
    params: { found: '"other-tool"' },
  });
  refused('{"version":1,"mentions":[]}', { path: '', code: 'not-an-export', params: {} });
  refused('{"format":"markenlotse-log","version":3,"mentions":[]}', {
    path: 'version',
    code: 'too-new',
    params: { version: 3, supported: 2 },
  });
  refused('{"format":"markenlotse-log","version":0,"mentions":[]}', {
    path: 'version',
    code: 'unsupported-version',
    params: { found: '0', supported: 2 },
  });
  refused('{"format":"markenlotse-log","mentions":[]}', {
    path: 'version',
    code: 'missing',
    params: {},
  });
  refused('{"format":"markenlotse-log","version":"1","mentions":[]}', {
    path: 'version',
    code: 'unsupported-version',
    params: { found: '"1"', supported: 2 },
  });
});

void test('invalid records are skipped one by one with a clear problem; valid ones are kept', () => {
  const text = JSON.stringify({
    format: 'markenlotse-log',
    version: 1,
    mentions: [
      mention({ id: 'ok-1' }),
      { ...mention({ id: 'bad-sentiment' }), sentiment: 'great' },
      { id: 'minimal', url: 'https://a.de/', createdAt: '2026-11-27T10:00:00+01:00' },
      { ...mention({ id: 'no-url' }), url: undefined },
      { ...mention({ id: 'bad-date' }), updatedAt: '2026-02-30T00:00:00Z' },
      { ...mention({ id: 'bad-tags' }), tags: ['a', 3] },
      { ...mention({ id: 'bad-rank' }), search: { engine: 'google', query: 'x', rank: 0 } },
      'not an object',
      mention({ id: 'ok-2' }),
    ],
    sightings: [
      sighting(),
      { url: 'https://b.de/x#frag', firstSeen: '2026-11-01' },
      { ...sighting(), kind: 'video' },
      { ...sighting(), terms: [{ brand: 'ACME', term: 'ACME', count: -1 }] },
    ],
  });
  const back = parseImport(text);
  assert.deepEqual(
    back.mentions.map((m) => m.id),
    ['ok-1', 'minimal', 'ok-2'],
  );
  assert.deepEqual(back.problems.map(pathAndCode), [
    'mentions[1].sentiment expected-one-of',
    'mentions[3].url missing',
    'mentions[4].updatedAt expected-time',
    'mentions[5].tags[1] expected-string',
    'mentions[6].search.rank expected-count',
    'mentions[7] expected-object',
    'sightings[2].kind expected-one-of',
    'sightings[3].terms[0].count expected-count',
  ]);
  const params = back.problems.map((p) => p.params);
  assert.deepEqual(params[0], { allowed: '"positive", "neutral", "negative"', found: '"great"' });
  assert.deepEqual(params[2], { found: '"2026-02-30T00:00:00Z"' });
  assert.deepEqual(params[4], { min: 1 });
  assert.deepEqual(params[7], { min: 0 });

  assert.deepEqual(back.mentions[1], {
    id: 'minimal',
    url: 'https://a.de/',
    title: '',
    brands: [],
    terms: [],
    sentiment: 'neutral',
    // A file of version 1 has no status: every mention is new.
    status: 'new',
    tags: [],
    note: '',
    snippet: '',
    createdAt: '2026-11-27T09:00:00.000Z',
    updatedAt: '2026-11-27T09:00:00.000Z',
  });
  assert.deepEqual(back.sightings[1], {
    key: 'page https://b.de/x',
    kind: 'page',
    url: 'https://b.de/x#frag',
    title: '',
    terms: [],
    hits: 0,
    firstSeen: '2026-11-01T00:00:00.000Z',
    lastSeen: '2026-11-01T00:00:00.000Z',
    visits: 1,
  });
});

void test('missing or malformed lists are problems, not crashes', () => {
  const back = parseImport('{"format":"markenlotse-log","version":1,"sightings":{}}');
  assert.deepEqual(back.problems.map(pathAndCode), ['mentions missing', 'sightings expected-list']);
  const onlyMentions = parseImport('{"format":"markenlotse-log","version":1,"mentions":[]}');
  assert.deepEqual(onlyMentions, { mentions: [], sightings: [], problems: [] });
});

void test('a mention listed twice in one file keeps the newer version', () => {
  const text = toJsonExport(
    [mention({ note: 'neu', updatedAt: '2026-11-28T00:00:00.000Z' }), mention({ note: 'alt' })],
    [],
  );
  const back = parseImport(text);
  assert.deepEqual(
    back.mentions.map((m) => m.note),
    ['neu'],
  );
  assert.deepEqual(back.problems, [
    {
      path: 'mentions[1].id',
      code: 'duplicate-id',
      params: { first: 'mentions[0]', kept: 'mentions[0]' },
    },
  ]);
});

void test('ISO times are checked and normalised to UTC', () => {
  assert.equal(normaliseIsoTime('2026-11-27T09:30:00.000Z'), '2026-11-27T09:30:00.000Z');
  assert.equal(normaliseIsoTime('2026-11-27T10:30+01:00'), '2026-11-27T09:30:00.000Z');
  assert.equal(normaliseIsoTime('2026-11-27T04:30:00-0500'), '2026-11-27T09:30:00.000Z');
  assert.equal(normaliseIsoTime('2024-02-29'), '2024-02-29T00:00:00.000Z');
  assert.equal(normaliseIsoTime('2026-11-27T09:30:00.1234567Z'), '2026-11-27T09:30:00.123Z');
  for (const bad of [
    '2025-02-29',
    '2026-13-01',
    '2026-11-27T24:00:00Z',
    '2026-11-27T09:30:00',
    'gestern',
    '',
  ]) {
    assert.equal(normaliseIsoTime(bad), undefined, bad);
  }
});

// --- Merge ---------------------------------------------------------------------

void test('merging mentions: newer updatedAt wins, nothing is lost', () => {
  const existing = [
    mention({ id: 'a', note: 'stored' }),
    mention({ id: 'b', note: 'stored, newer', updatedAt: '2026-11-29T00:00:00.000Z' }),
    mention({ id: 'c', note: 'only stored' }),
  ];
  const incoming = [
    mention({ id: 'a', note: 'imported, newer', updatedAt: '2026-11-28T00:00:00.000Z' }),
    mention({ id: 'b', note: 'imported, older', updatedAt: '2026-11-28T00:00:00.000Z' }),
    mention({ id: 'c', note: 'same time' }),
    mention({ id: 'd', note: 'only imported' }),
  ];
  const result = mergeMentions(existing, incoming);
  assert.deepEqual(
    result.merged.map((m) => [m.id, m.note]),
    [
      ['a', 'imported, newer'],
      ['b', 'stored, newer'],
      ['c', 'only stored'],
      ['d', 'only imported'],
    ],
  );
  assert.deepEqual([result.added, result.updated, result.unchanged], [1, 1, 2]);
  assert.equal(existing[0]?.note, 'stored', 'the inputs are not changed');
});

void test('merging mentions compares instants, not spellings of times', () => {
  const stored = mention({ updatedAt: '2026-11-27T10:00:00.000Z' });
  const imported = mention({ note: 'later', updatedAt: '2026-11-27T11:30:00.000+01:00' });
  assert.equal(mergeMentions([stored], [imported]).updated, 1);
});

void test('merging the same export twice changes nothing the second time', () => {
  const once = mergeMentions([], [mention({ id: 'a' }), mention({ id: 'b' })]);
  const twice = mergeMentions(once.merged, [mention({ id: 'a' }), mention({ id: 'b' })]);
  assert.deepEqual(twice.merged, once.merged);
  assert.deepEqual([twice.added, twice.updated, twice.unchanged], [0, 0, 2]);
});

void test('merging sightings: earliest first, latest last, most visits, union of terms', () => {
  const stored = sighting({
    title: 'Alter Titel',
    terms: [
      { brand: 'ACME', term: 'ACME', count: 3 },
      { brand: 'ACME', term: 'RoboDrill 3000', count: 1 },
    ],
    firstSeen: '2026-11-10T00:00:00.000Z',
    lastSeen: '2026-11-20T00:00:00.000Z',
    visits: 5,
    hits: 4,
  });
  const imported = sighting({
    title: 'Neuer Titel',
    terms: [
      { brand: 'ACME', term: 'ACME', count: 2 },
      { brand: 'Beta', term: 'Beta', count: 1 },
    ],
    firstSeen: '2026-11-05T00:00:00.000Z',
    lastSeen: '2026-11-25T00:00:00.000Z',
    visits: 2,
    hits: 3,
  });
  const other = sighting({ key: 'page https://c.de/', url: 'https://c.de/' });
  const merged = mergeSightings([stored, other], [imported]);
  assert.equal(merged.length, 2);
  assert.deepEqual(merged[0], {
    ...imported,
    terms: [
      { brand: 'ACME', term: 'ACME', count: 3 },
      { brand: 'Beta', term: 'Beta', count: 1 },
      { brand: 'ACME', term: 'RoboDrill 3000', count: 1 },
    ],
    firstSeen: '2026-11-05T00:00:00.000Z',
    lastSeen: '2026-11-25T00:00:00.000Z',
    visits: 5,
    hits: 3,
  });
  assert.equal(merged[1], other);
  assert.deepEqual(mergeSightings([stored], [stored]), [stored], 'merging is idempotent');
});

void test('merging sightings keeps the search context the later record lacks', () => {
  const search = { engine: 'google', query: 'acme', rank: 4 };
  const stored = sighting({ kind: 'result', search });
  const imported = sighting({ kind: 'result', lastSeen: '2026-11-30T00:00:00.000Z' });
  assert.deepEqual(mergeSightings([stored], [imported])[0]?.search, search);
});
