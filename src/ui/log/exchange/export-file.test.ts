import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { toJsonExport, mentionsToCsv, sightingsToCsv } from '../../../core/exchange.ts';
import type { Mention, Sighting } from '../../../core/mention.ts';
import { csvFile, jsonFile, xlsxFile, type Chunk } from './export-file.ts';

const mention = (i: number): Mention => ({
  id: `m-${i}`,
  url: `https://example.de/${i}`,
  title: i % 2 ? `Titel ${i}, mit "Zitat"` : `=HYPERLINK("x") ${i}`,
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: i % 3 === 0 ? 'negative' : 'positive',
  status: 'new',
  tags: ['Presse', 'Übernahme'],
  note: i === 2 ? 'zwei\nZeilen' : '',
  snippet: '… ACME …',
  createdAt: new Date(Date.UTC(2026, 10, i + 1, 9, 30)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 10, i + 1, 10)).toISOString(),
  ...(i % 2 ? { search: { engine: 'google', query: 'acme', rank: i, page: 1 } } : {}),
});
const sighting = (i: number): Sighting => ({
  key: `page https://example.de/s${i}`,
  kind: 'page',
  url: `https://example.de/s${i}`,
  title: `Seite ${i}`,
  terms: [{ brand: 'ACME', term: 'ACME', count: 2 }],
  hits: 2,
  firstSeen: '2026-11-01T08:00:00.000Z',
  lastSeen: '2026-11-20T08:00:00.000Z',
  visits: 3,
});

/** The records in chunks, each arriving later, as the worker's replies do. */
async function* chunks<T>(records: T[], size: number): AsyncGenerator<Chunk<T>> {
  for (let i = 0; i < records.length; i += size) {
    await new Promise((done) => setTimeout(done, 0));
    yield { rows: records.slice(i, i + size), total: records.length };
  }
}

const mentions = Array.from({ length: 23 }, (_, i) => mention(i));
const sightings = Array.from({ length: 7 }, (_, i) => sighting(i));
const now = new Date('2026-12-01T12:00:00.000Z');
/** The file's text as written, byte order mark included (Blob.text() drops it). */
const raw = async (file: Blob) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());

test('the JSON built from chunks is byte for byte the JSON of the whole log', async () => {
  const progress: [number, number][] = [];
  const file = await jsonFile(
    { mentions: chunks(mentions, 5), sightings: chunks(sightings, 5) },
    now,
    (done, total) => progress.push([done, total]),
  );
  assert.equal(await file.text(), toJsonExport(mentions, sightings, now));
  assert.deepEqual(progress.at(-1), [30, 30]);
  assert.ok(progress.every(([done, total]) => done <= total));
});

test('the JSON names someone only by the name chosen for "exported by", as the whole log’s does', async () => {
  const identity = { exportedBy: 'Team Süd' };
  const file = await jsonFile({ mentions: chunks(mentions, 5) }, now, undefined, identity);
  assert.equal(await file.text(), toJsonExport(mentions, [], now, identity));
  assert.equal((JSON.parse(await file.text()) as { exportedBy: string }).exportedBy, 'Team Süd');
});

test('an empty log gives the same JSON as well', async () => {
  const file = await jsonFile({}, now);
  assert.equal(await file.text(), toJsonExport([], [], now));
});

test('CSV from chunks equals the CSV of all records, in both dialects, with one header', async () => {
  for (const dialect of ['excel-de', 'standard'] as const) {
    const options = { dialect, timeZone: 'Europe/Berlin' };
    const file = await csvFile('mentions', chunks(mentions, 4), options);
    assert.equal(await raw(file), mentionsToCsv(mentions, options), dialect);
    const s = await csvFile('sightings', chunks(sightings, 3), options);
    assert.equal(await raw(s), sightingsToCsv(sightings, options), dialect);
  }
  // The byte order mark is there once, at the start (Blob.text() would drop a leading one).
  const bytes = new Uint8Array(
    await (await csvFile('mentions', chunks(mentions, 4), { dialect: 'standard' })).arrayBuffer(),
  );
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  assert.equal(text.split('\uFEFF').length, 2);
});

test('a CSV of no records is its header alone', async () => {
  const file = await csvFile('mentions', chunks<Mention>([], 10), { dialect: 'standard' });
  const text = await file.text();
  assert.equal(text.split('\r\n').filter(Boolean).length, 1);
});

test('the workbook has a sheet of mentions and one of sightings with every row', async () => {
  const file = await xlsxFile(
    { mentions: chunks(mentions, 10), sightings: chunks(sightings, 10) },
    { now, timeZone: 'Europe/Berlin' },
  );
  const zip = unzipSync(new Uint8Array(await file.arrayBuffer()));
  const sheet1 = strFromU8(zip['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
  const sheet2 = strFromU8(zip['xl/worksheets/sheet2.xml'] ?? new Uint8Array());
  assert.equal(sheet1.match(/<row /g)?.length, mentions.length + 1);
  assert.equal(sheet2.match(/<row /g)?.length, sightings.length + 1);
});
