import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CSV_COLUMNS,
  defaultCsvDialect,
  logToCsv,
  mentionsToCsv,
  sightingsToCsv,
  toCsv,
} from './csv.ts';
import {
  ENGLISH_LABELS,
  MENTION_COLUMNS,
  SIGHTING_COLUMNS,
  type ExchangeLabels,
} from './labels.ts';
import { mention, readCsv, sighting } from './test-records.test-support.ts';

const BERLIN = { timeZone: 'Europe/Berlin' };

/** What the German UI passes (from its messages); here only to see them come through. */
const GERMAN: ExchangeLabels = {
  ...ENGLISH_LABELS,
  mentionColumns: {
    ...ENGLISH_LABELS.mentionColumns,
    createdAt: 'Erfasst',
    sentiment: 'Tonalität',
    tags: 'Schlagwörter',
  },
  sentiments: { positive: 'Positiv', neutral: 'Neutral', negative: 'Negativ' },
  sightingKinds: { ...ENGLISH_LABELS.sightingKinds, result: 'Suchergebnis' },
};

const searched = mention({
  note: 'Müller sagt: "gut"; aber,\nteuer',
  search: { engine: 'google', query: 'acme robodrill', rank: 3, page: 1 },
});

void test('the dialect follows the UI language', () => {
  assert.equal(defaultCsvDialect('de'), 'excel-de');
  assert.equal(defaultCsvDialect('de-AT'), 'excel-de');
  assert.equal(defaultCsvDialect('de_CH'), 'excel-de');
  assert.equal(defaultCsvDialect('en-US'), 'standard');
  assert.equal(defaultCsvDialect('fr'), 'standard');
  assert.equal(defaultCsvDialect('dev'), 'standard');
});

void test('Excel (Deutsch): semicolons, BOM, CRLF, German local times, labelled headers and values', () => {
  const csv = mentionsToCsv([searched, mention({ id: 'm-2', sentiment: 'negative' })], {
    dialect: 'excel-de',
    labels: GERMAN,
    ...BERLIN,
  });
  assert.ok(csv.startsWith('\uFEFFID;Erfasst;Changed;Tonalität;'));
  const [header, first, second] = readCsv(csv, ';');
  assert.ok(header && first && second);
  const cell = (row: string[], column: string) => row[header.indexOf(column)];
  assert.equal(
    cell(first, 'Erfasst'),
    '27.11.2026 10:30',
    '09:30 UTC is 10:30 in Berlin in winter',
  );
  assert.equal(cell(first, 'Tonalität'), 'Positiv');
  assert.equal(cell(second, 'Tonalität'), 'Negativ');
  assert.equal(cell(first, 'Terms'), 'ACME, RoboDrill 3000');
  assert.equal(cell(first, 'Schlagwörter'), 'Presse, Übernahme');
  assert.equal(cell(first, 'Note'), 'Müller sagt: "gut"; aber,\nteuer');
  assert.equal(cell(first, 'Rank'), '3');
  assert.equal(cell(second, 'Rank'), '');
  assert.ok(csv.includes(';ACME, RoboDrill 3000;'), 'a list needs no quotes where ; separates');
  assert.ok(csv.includes(';"Müller sagt: ""gut""; aber,\nteuer";'));
});

void test('Excel (Deutsch) uses summer time in summer', () => {
  const summer = mention({ createdAt: '2026-07-01T22:15:00.000Z' });
  const [header, row] = readCsv(mentionsToCsv([summer], { dialect: 'excel-de', ...BERLIN }), ';');
  assert.equal(row?.[header?.indexOf('Logged') ?? -1], '02.07.2026 00:15', 'next day, at +02:00');
});

void test('Standard: commas, BOM, CRLF, ISO 8601 with the local offset, column keys and codes', () => {
  const csv = mentionsToCsv(
    [searched, mention({ id: 'm-2', createdAt: '2026-07-01T08:00:00.000Z' })],
    {
      dialect: 'standard',
      labels: GERMAN, // ignored: Standard is always English
      ...BERLIN,
    },
  );
  assert.ok(csv.startsWith('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n'));
  const [header, first, second] = readCsv(csv, ',');
  assert.ok(header && first && second);
  assert.deepEqual(header.slice(), [...MENTION_COLUMNS]);
  const cell = (row: string[], column: string) => row[header.indexOf(column)];
  assert.equal(cell(first, 'createdAt'), '2026-11-27T10:30:00+01:00');
  assert.equal(cell(second, 'createdAt'), '2026-07-01T10:00:00+02:00');
  assert.equal(cell(first, 'sentiment'), 'positive');
  assert.equal(cell(first, 'terms'), 'ACME, RoboDrill 3000');
  assert.equal(cell(first, 'note'), searched.note);
  assert.ok(csv.includes(',"ACME, RoboDrill 3000",'), 'a list holding the separator is quoted');
  for (const iso of [cell(first, 'createdAt'), cell(second, 'createdAt')])
    assert.ok(!Number.isNaN(Date.parse(iso ?? '')), 'the time parses back');
  assert.equal(Date.parse(cell(first, 'createdAt') ?? ''), Date.parse(searched.createdAt));
});

void test('time zones west of UTC and off the hour', () => {
  const m = mention({ createdAt: '2026-11-27T03:30:00.000Z' });
  const at = (timeZone: string) =>
    readCsv(mentionsToCsv([m], { dialect: 'standard', timeZone }), ',')[1]?.[1];
  assert.equal(at('America/New_York'), '2026-11-26T22:30:00-05:00');
  assert.equal(at('Asia/Kathmandu'), '2026-11-27T09:15:00+05:45');
  assert.equal(at('UTC'), '2026-11-27T03:30:00+00:00');
});

void test('both dialects quote every cell holding a quote, the separator, CR or LF', () => {
  const texts = ['a;b', 'a,b', 'say "hi"', 'two\r\nlines', 'cr\ronly', 'plain'];
  for (const [dialect, separator] of [
    ['excel-de', ';'],
    ['standard', ','],
  ] as const) {
    const csv = mentionsToCsv(
      texts.map((title, i) => mention({ id: `m-${i}`, title })),
      { dialect, ...BERLIN },
    );
    const [, ...rows] = readCsv(csv, separator);
    assert.deepEqual(
      rows.map((row) => row[MENTION_COLUMNS.indexOf('title')]),
      texts,
      dialect,
    );
  }
});

void test('cells a spreadsheet would run are neutralised in both dialects', () => {
  const titles = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tTab', '＝1', ' =1'];
  for (const [dialect, separator] of [
    ['excel-de', ';'],
    ['standard', ','],
  ] as const) {
    const csv = mentionsToCsv(
      titles.map((title, i) => mention({ id: `m-${i}`, title, note: '-2,5' })),
      { dialect },
    );
    const [, ...rows] = readCsv(csv, separator);
    assert.deepEqual(
      rows.map((row) => row[MENTION_COLUMNS.indexOf('title')]),
      titles.map((title) => `'${title}`),
    );
    assert.ok(
      rows.every((row) => row[MENTION_COLUMNS.indexOf('note')] === '-2,5'),
      'a negative number stays a number',
    );
  }
});

void test('sightings have their own file, with labelled kinds and term counts', () => {
  const s = sighting({
    kind: 'result',
    terms: [
      { brand: 'ACME', term: 'ACME', count: 2 },
      { brand: 'ACME', term: 'RoboDrill 3000', count: 1 },
      { brand: 'Beta', term: 'Beta', count: 1 },
    ],
    hits: 4,
    visits: 3,
    search: { engine: 'google', query: 'acme', rank: 2 },
  });
  const excel = readCsv(
    sightingsToCsv([s, sighting()], { dialect: 'excel-de', labels: GERMAN, ...BERLIN }),
    ';',
  );
  const [header, row, plain] = excel;
  assert.ok(header && row && plain);
  assert.equal(header.length, SIGHTING_COLUMNS.length);
  const cell = (r: string[], column: string) => r[header.indexOf(column)];
  assert.equal(cell(row, 'Kind'), 'Suchergebnis');
  assert.equal(cell(row, 'Brands'), 'ACME, Beta');
  assert.equal(cell(row, 'Terms'), 'ACME (2), RoboDrill 3000 (1), Beta (1)');
  assert.equal(cell(row, 'Hits'), '4');
  assert.equal(cell(row, 'First seen'), '20.11.2026 09:00');
  assert.equal(cell(row, 'Rank'), '2');
  assert.equal(cell(row, 'Results page'), '');
  assert.equal(cell(plain, 'Search engine'), '');

  const [stdHeader, stdRow] = readCsv(sightingsToCsv([s], { dialect: 'standard', ...BERLIN }), ',');
  assert.deepEqual(stdHeader, [...SIGHTING_COLUMNS]);
  assert.equal(stdRow?.[1], 'result');
  assert.equal(stdRow?.[7], '2026-11-20T09:00:00+01:00');
});

void test('an empty export is one header row; a time that does not parse is kept as text', () => {
  assert.equal(
    logToCsv({ kind: 'mentions', records: [] }, { dialect: 'standard' }),
    '\uFEFF' + MENTION_COLUMNS.join(',') + '\r\n',
  );
  const odd = mention({ updatedAt: 'not a time' });
  const [, row] = readCsv(mentionsToCsv([odd], { dialect: 'excel-de' }), ';');
  assert.equal(row?.[2], 'not a time');
});

void test('toCsv (kept for callers not yet moved) writes the Standard dialect', () => {
  const m = mention();
  assert.equal(toCsv([m]), mentionsToCsv([m], { dialect: 'standard' }));
});
