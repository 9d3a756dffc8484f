/**
 * Properties of reading any import file (issue 10, "Fuzzing of input"):
 * truncated and corrupted files, wrong types, extra and `__proto__` fields,
 * duplicate ids, deep nesting, and one 100 MB file built in memory.
 * parseImport never throws; a file refused as a whole gives one problem with
 * a clear code and keeps nothing; a bad record is reported at its path and
 * is not kept; what is kept has only the fields of a record, unique ids, and
 * reads back the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseImport, toJsonExport, type ImportResult } from '../exchange.ts';
import { isProblemCode } from '../problem.ts';
import { MENTION_FIELDS as STORED_MENTION_FIELDS } from '../stored-data.ts';
import { lineAndColumn } from './json-error.ts';
import { mention, sighting } from './test-records.test-support.ts';

/** A mention's own fields: the list the "What is stored" catalog holds to the Mention type. */
const MENTION_FIELDS = new Set<string>(STORED_MENTION_FIELDS);
const SIGHTING_FIELDS = new Set([
  'key',
  'kind',
  'url',
  'title',
  'terms',
  'hits',
  'firstSeen',
  'lastSeen',
  'visits',
  'search',
]);

/** A valid export of a few records, as the extension writes it. */
function exportText(count: number): string {
  const mentions = Array.from({ length: count }, (_, i) =>
    mention({
      id: `m-${i}`,
      url: `https://www.example.de/artikel/${i}`,
      ...(i % 2 ? { search: { engine: 'google', query: 'acme', rank: i + 1 } } : {}),
    }),
  );
  const sightings = Array.from({ length: Math.ceil(count / 2) }, (_, i) =>
    sighting({ key: `page https://www.example.de/s/${i}`, url: `https://www.example.de/s/${i}` }),
  );
  return toJsonExport(mentions, sightings, new Date('2026-12-01T10:00:00Z'));
}

/** What every result must be, whatever the file: problems with known codes, records with their own fields only. */
function assertSaneResult(result: ImportResult): void {
  for (const p of result.problems) {
    assert.equal(typeof p.path, 'string');
    assert.ok(isProblemCode(p.code), `a known problem code: ${p.code}`);
  }
  const ids = result.mentions.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length, 'mention ids are unique');
  for (const m of result.mentions)
    for (const key of Object.keys(m)) assert.ok(MENTION_FIELDS.has(key), `no stray field "${key}"`);
  for (const s of result.sightings)
    for (const key of Object.keys(s))
      assert.ok(SIGHTING_FIELDS.has(key), `no stray field "${key}"`);
  // What was kept reads back as it is.
  const again = parseImport(toJsonExport(result.mentions, result.sightings));
  assert.deepEqual(again.problems, []);
  assert.deepEqual(again.mentions, result.mentions);
  assert.deepEqual(again.sightings, result.sightings);
}

/** A file refused as a whole: one problem, about the file, nothing kept. */
function assertRefused(result: ImportResult): void {
  assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
  assert.deepEqual([result.mentions, result.sightings], [[], []]);
}

test('a truncated export is refused where it ends, with nothing kept', () => {
  const text = exportText(6);
  const body = text.trimEnd();
  fc.assert(
    fc.property(fc.integer({ min: 0, max: body.length - 1 }), fc.boolean(), (cut, bom) => {
      const part = (bom ? '\uFEFF' : '') + body.slice(0, cut);
      const result = parseImport(part);
      assertRefused(result);
      const source = body.slice(0, cut);
      assert.deepEqual(
        result.problems[0],
        source.trim() === ''
          ? { path: '', code: 'empty-file', params: {} }
          : { path: '', code: 'not-json-at', params: lineAndColumn(source, source.length) },
      );
    }),
    { numRuns: 500 },
  );
});

test('any JSON value, or any text, as a file: never throws; a refusal keeps nothing', () => {
  const file = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.string({ unit: 'binary', maxLength: 200 }),
    // A valid export with one character changed, dropped or doubled.
    fc
      .tuple(fc.nat(), fc.constantFrom('', '"', '{', '}', ',', ':', '\\', 'x', '0', '\u0000', ' '))
      .map(([at, char]) => {
        const text = exportText(3);
        const i = at % text.length;
        return text.slice(0, i) + char + text.slice(i + 1);
      }),
  );
  fc.assert(
    fc.property(file, (text) => {
      const result = parseImport(text);
      assertSaneResult(result);
      const refusal = result.problems.find(
        (p) => p.path === '' || /^(format|version)$/.test(p.path),
      );
      if (refusal) assertRefused(result);
    }),
    { numRuns: 1_000 },
  );
});

/** A JSON value as text, with keys as given (`__proto__` included) and any depth. */
const field = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '\u0000', 'x'.repeat(10_000), -1, 1.5, 2 ** 60, null, [], {}, true),
);

test('records with wrong types, stray and __proto__ fields, duplicate ids: each bad record reported at its path and not kept', () => {
  const base = JSON.parse(exportText(5)) as { mentions: Record<string, unknown>[] };
  const damage = fc.record({
    index: fc.nat({ max: 4 }),
    kind: fc.constantFrom('wrong-type', 'stray', 'proto', 'duplicate', 'remove', 'deep'),
    key: fc.constantFrom(...MENTION_FIELDS, 'extra', 'constructor', 'prototype'),
    value: field,
  });
  const DEEP = '\u0000deep';
  const deepJson = '['.repeat(5_000) + ']'.repeat(5_000);
  const urlOf = (i: number) => `https://www.example.de/artikel/${i}`;
  fc.assert(
    fc.property(fc.array(damage, { minLength: 1, maxLength: 4 }), (damages) => {
      const doc = structuredClone(base);
      const protos = new Map<number, unknown>();
      for (const { index, kind, key, value } of damages) {
        const record = doc.mentions[index]!;
        if (kind === 'wrong-type') record[key] = value;
        else if (kind === 'stray') record[`x-${key}`] = value;
        else if (kind === 'duplicate') record.id = doc.mentions[(index + 1) % 5]!.id;
        else if (kind === 'remove') delete record[key];
        else if (kind === 'deep') record[key] = DEEP;
        else protos.set(index, value);
      }
      // An own "__proto__" key, as JSON.parse makes it (an assignment would set the prototype).
      const text = `{"format":${JSON.stringify((doc as Record<string, unknown>).format)},"version":${JSON.stringify((doc as Record<string, unknown>).version)},"mentions":[${doc.mentions
        .map((record, i) => {
          // (Written as text: JSON.stringify would recurse 5,000 levels deep.)
          const json = JSON.stringify(record).replaceAll(JSON.stringify(DEEP), deepJson);
          return protos.has(i)
            ? `{"__proto__":${JSON.stringify(protos.get(i))},${json.slice(1)}`
            : json;
        })
        .join(',')}]}`;
      const result = parseImport(text);
      assertSaneResult(result);
      // A record is found by its address, or by its id where its address was
      // replaced (a valid one is kept as it is: 10,000 x's were), or not at all
      // where both were (then it is not checked).
      const touched = (i: number, key: string) =>
        damages.some(
          (d) =>
            d.index === i &&
            ((d.key === key && ['wrong-type', 'remove', 'deep'].includes(d.kind)) ||
              (key === 'id' && d.kind === 'duplicate')),
        );
      const otherUrls = (i: number) => new Set([0, 1, 2, 3, 4].filter((k) => k !== i).map(urlOf));
      const kept = (i: number): boolean | undefined => {
        if (!touched(i, 'url')) return result.mentions.some((m) => m.url === urlOf(i));
        if (touched(i, 'id')) return undefined;
        return result.mentions.some((m) => m.id === `m-${i}` && !otherUrls(i).has(m.url));
      };
      const reported = (i: number) =>
        result.problems.some(
          (p) =>
            p.path === `mentions[${i}]` ||
            p.path.startsWith(`mentions[${i}].`) ||
            (p.code === 'duplicate-id' && p.params.first === `mentions[${i}]`),
        );
      // Every record is kept or reported: nothing vanishes without a word ...
      doc.mentions.forEach((_, i) =>
        assert.ok(kept(i) !== false || reported(i), `mentions[${i}] neither kept nor reported`),
      );
      // ... and a record with a bad field is not kept.
      for (const p of result.problems) {
        const i = /^mentions\[(\d+)\]/.exec(p.path)?.[1];
        if (p.code === 'duplicate-id' || i === undefined) continue;
        assert.ok(
          kept(Number(i)) !== true,
          `mentions[${i}] is kept despite ${p.code} at ${p.path}`,
        );
      }
      // No prototype was touched on the way.
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    }),
    { numRuns: 300 },
  );
});

test('deep nesting: 100,000 levels as a file, as a record, and cut short; no stack overflow', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  assertRefused(parseImport(deep));
  assert.equal(parseImport(deep).problems[0]?.code, 'not-an-export');
  const inRecord = `{"format":"markenlotse-log","version":1,"mentions":[${deep}]}`;
  const result = parseImport(inRecord);
  assert.deepEqual(result.mentions, []);
  assert.deepEqual(
    result.problems.map((p) => [p.path, p.code]),
    [['mentions[0]', 'expected-object']],
  );
  const cut = parseImport(deep.slice(0, 150_000));
  assertRefused(cut);
  assert.equal(cut.problems[0]?.code, 'not-json-at');
});

test('a 100 MB export reads in full; the same file cut short is refused with nothing kept', () => {
  const note = 'Müller Werkzeugbau „RoboDrill 3000“ – Notiz. '.repeat(105);
  const mentions = Array.from({ length: 20_000 }, (_, i) =>
    mention({ id: `m-${i}`, url: `https://www.example.de/artikel/${i}`, note }),
  );
  const text = toJsonExport(mentions, [sighting()]);
  assert.ok(text.length > 100_000_000, `${text.length} characters`);
  const started = Date.now();
  const whole = parseImport(text);
  assert.deepEqual(whole.problems, []);
  assert.equal(whole.mentions.length, 20_000);
  assert.deepEqual(whole.mentions[19_999], mentions[19_999]);
  const cut = parseImport(text.slice(0, -3));
  assertRefused(cut);
  assert.equal(cut.problems[0]?.code, 'not-json-at');
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
});
