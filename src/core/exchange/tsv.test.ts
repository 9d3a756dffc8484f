import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGLISH_LABELS, MENTION_COLUMNS } from './labels.ts';
import { logToTsv, tsvCell } from './tsv.ts';
import { mention, sighting } from './test-records.test-support.ts';

void test('copied rows: a header, then one line per record, tabs between cells, CRLF after each', () => {
  const text = logToTsv(
    { kind: 'mentions', records: [mention(), mention({ id: 'm-2' })] },
    { dialect: 'excel-de', timeZone: 'Europe/Berlin' },
  );
  const lines = text.split('\r\n');
  assert.equal(lines.length, 4, 'header, two rows, empty tail');
  assert.equal(lines[0], MENTION_COLUMNS.map((c) => ENGLISH_LABELS.mentionColumns[c]).join('\t'));
  const cells = lines[1]?.split('\t') ?? [];
  assert.equal(cells.length, MENTION_COLUMNS.length);
  assert.equal(cells[1], '27.11.2026 10:30');
  assert.equal(cells[MENTION_COLUMNS.indexOf('terms')], 'ACME, RoboDrill 3000');
});

void test('copied rows without the header, in the Standard form', () => {
  const text = logToTsv(
    { kind: 'sightings', records: [sighting()] },
    { dialect: 'standard', timeZone: 'Europe/Berlin', header: false },
  );
  const cells = text.replace(/\r\n$/, '').split('\t');
  assert.equal(cells[1], 'page');
  assert.equal(cells[7], '2026-11-20T09:00:00+01:00');
});

void test('a tab inside a cell becomes a space; line breaks stay inside a quoted cell', () => {
  assert.equal(tsvCell('a\tb'), 'a b');
  assert.equal(tsvCell('line one\r\nline "two"'), '"line one\nline ""two"""');
  assert.equal(tsvCell('cr\ronly'), '"cr\nonly"');
  assert.equal(tsvCell('"Quoted" first'), '"""Quoted"" first"');
  assert.equal(tsvCell('say "hi"'), 'say "hi"', 'a quote inside needs nothing');
  const text = logToTsv(
    { kind: 'mentions', records: [mention({ note: 'a\tb\nc' })] },
    { dialect: 'standard', header: false },
  );
  assert.equal(text.split('\t').length, MENTION_COLUMNS.length, 'no extra columns');
  assert.ok(text.includes('\t"a b\nc"\t'));
});

void test('copied rows are neutralised like a CSV', () => {
  assert.equal(tsvCell('=1+1'), "'=1+1");
  assert.equal(tsvCell('\t=1+1'), "' =1+1", 'a leading tab is a blank before the formula');
  assert.equal(tsvCell('-2'), '-2');
});
