import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJsonExport } from './exchange.ts';
import {
  mention as mentionRecord,
  sighting as sightingRecord,
} from './exchange/test-records.test-support.ts';
import { ExportReader, type ReaderEvent } from './export-reader.ts';

/** Reads `text` in pieces of `size` characters. */
function read(text: string, size = text.length || 1): ReaderEvent[] {
  const reader = new ExportReader();
  const events: ReaderEvent[] = [];
  for (let i = 0; i < text.length; i += size) events.push(...reader.push(text.slice(i, i + size)));
  events.push(...reader.end());
  return events;
}

const problems = (events: ReaderEvent[]) =>
  events.flatMap((e) => (e.type === 'problem' ? [e.problem] : []));

test('an export yields its header fields and every record in order, however it is cut', () => {
  const mentions = [
    mentionRecord({ id: 'a', note: 'Zitat: "gut" \\ {nicht} [so]\nzweite Zeile' }),
    mentionRecord({ id: 'b', title: 'Ümläut 🚀 \u2028' }),
  ];
  const sightings = [sightingRecord({ key: 'page https://x.de/' })];
  const text = toJsonExport(mentions, sightings, new Date('2026-12-01T00:00:00Z'));
  for (const size of [1, 2, 3, 7, 64, text.length]) {
    const events = read(text, size);
    assert.deepEqual(problems(events), [], `pieces of ${size}`);
    const fields = events.flatMap((e) => (e.type === 'field' ? [[e.name, e.value]] : []));
    assert.deepEqual(Object.fromEntries(fields), {
      format: 'markenlotse-log',
      version: (JSON.parse(text) as { version: number }).version,
      exportedAt: '2026-12-01T00:00:00.000Z',
    });
    const records = events.flatMap((e) => (e.type === 'record' ? [e] : []));
    assert.deepEqual(
      records.map((r) => [r.list, r.index]),
      [
        ['mentions', 0],
        ['mentions', 1],
        ['sightings', 0],
      ],
    );
    assert.deepEqual(records[0]?.value, JSON.parse(JSON.stringify(mentions[0])));
    assert.deepEqual(records[1]?.value, JSON.parse(JSON.stringify(mentions[1])));
  }
});

test('a byte order mark, compact JSON, empty lists and unknown fields are fine', () => {
  const events = read(
    '\uFEFF{"x":{"deep":[1,{"a":"]"}]},"mentions":[],"format":"markenlotse-log","version":1,"sightings":[ ],"n":-1.5e3,"t":true}',
    5,
  );
  assert.deepEqual(problems(events), []);
  assert.equal(events.filter((e) => e.type === 'record').length, 0);
  assert.equal(events.filter((e) => e.type === 'field').length, 2);
});

test('an empty file, and one of white space only', () => {
  assert.deepEqual(problems(read('')), [{ path: '', code: 'empty-file', params: {} }]);
  assert.deepEqual(problems(read(' \n\t ')), [{ path: '', code: 'empty-file', params: {} }]);
});

test('JSON that is not an object is not an export', () => {
  for (const text of ['[1,2]', '"text"', '42', 'null'])
    assert.equal(problems(read(text))[0]?.code, 'not-an-export', text);
});

test('a broken file says where: line and column, also inside a record and across pieces', () => {
  const at = (text: string, size?: number) => problems(read(text, size))[0];
  assert.deepEqual(at('{"format" "x"}'), {
    path: '',
    code: 'not-json-at',
    params: { line: 1, column: 11 },
  });
  assert.deepEqual(at('{\n  "mentions": [\n    {"id": "a",, "x": 1}\n  ]\n}', 3), {
    path: '',
    code: 'not-json-at',
    params: { line: 3, column: 16 },
  });
  assert.deepEqual(at('<html><body>Not JSON</body></html>'), {
    path: '',
    code: 'not-json-at',
    params: { line: 1, column: 1 },
  });
  assert.equal(at('{"format":"markenlotse-log"} trailing')?.code, 'not-json-at');
});

test('a file cut off in the middle fails at its end', () => {
  const text = toJsonExport([mentionRecord({ id: 'a' })], [], new Date(0));
  const cut = text.slice(0, Math.floor(text.length / 2));
  const events = read(cut, 10);
  const p = problems(events)[0];
  assert.equal(p?.code, 'not-json-at');
  assert.equal(p?.params.line, cut.split('\n').length);
});

test('mentions that are not a list are told, not read', () => {
  const events = read('{"format":"markenlotse-log","version":1,"mentions":{"a":1}}');
  assert.ok(events.some((e) => e.type === 'not-a-list' && e.list === 'mentions'));
  assert.deepEqual(problems(events), []);
});

test('nothing is read after the first problem', () => {
  const reader = new ExportReader();
  assert.equal(reader.push('{"a" 1}')[0]?.type, 'problem');
  assert.deepEqual(reader.push('{"mentions":[{}]}'), []);
  assert.deepEqual(reader.end(), []);
});
