// The "What is stored" page says what the code stores: every field of every
// stored record has a text in both languages, and the page names them all.
import { test } from 'node:test';
import { storedSighting } from './log-records.ts';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMention, readSighting } from './exchange/records.ts';
import type { Problem } from './problem.ts';
import { defaultSettings, normalizeSettings } from './profile.ts';
import { describeStoredData, reportAsText, type ReportOptions } from './stored-data-report.ts';
import { STORED_RECORDS, storedFieldKey, storedRecordKey } from './stored-data.ts';

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const load = (lang: string): Messages => {
  const dir = join(import.meta.dirname, '..', '_locales', lang);
  return Object.assign(
    {},
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Messages),
  ) as Messages;
};
const LANGS = { en: load('en'), de: load('de') };

/** Words a line as the browser would ($1 … placeholders filled). */
const wording =
  (messages: Messages) =>
  (key: string, params: (string | number)[]): string => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message "${key}"`);
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return String(params[Number(content.slice(1)) - 1] ?? '');
    });
  };

const fieldsOf = (id: string) => STORED_RECORDS.find((r) => r.id === id)?.fields ?? [];

test('every field the import readers produce for a mention and a sighting is in the catalog', () => {
  const problems: Problem[] = [];
  const search = { engine: 'Google', query: 'acme', rank: 3, page: 1 };
  const mention = readMention(
    {
      id: 'm1',
      url: 'https://a.example/',
      title: 'A',
      brands: ['ACME'],
      terms: ['ACME'],
      sentiment: 'positive',
      tags: ['Presse'],
      note: 'gut',
      snippet: '… ACME …',
      createdAt: '2026-11-01T10:00:00Z',
      updatedAt: '2026-11-02T10:00:00Z',
      search,
    },
    'mentions[0]',
    problems,
  );
  const sighting = readSighting(
    {
      kind: 'result',
      url: 'https://a.example/',
      title: 'A',
      terms: [{ brand: 'ACME', term: 'ACME', count: 2 }],
      hits: 2,
      firstSeen: '2026-11-01T10:00:00Z',
      lastSeen: '2026-11-02T10:00:00Z',
      visits: 2,
      search,
    },
    'sightings[0]',
    problems,
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(mention ?? {}).sort(), [...fieldsOf('mentions')].sort());
  // The store adds the site and the words (core/log-records.ts, storedSighting) to what a file gives.
  assert.deepEqual(
    Object.keys(storedSighting(sighting!)).sort(),
    [...fieldsOf('sightings')].sort(),
  );
});

test('every field of the settings document is in the catalog', () => {
  assert.deepEqual(Object.keys(defaultSettings()).sort(), [...fieldsOf('settings')].sort());
  // Brands and terms are described as a whole, under "brands": their fields are named in its text.
  const brand = normalizeSettings({ brands: [{ name: 'ACME' }] }).settings.brands[0] ?? {};
  for (const [lang, messages] of Object.entries(LANGS)) {
    const text = messages[storedFieldKey({ id: 'settings' }, 'brands')]?.message ?? '';
    for (const field of Object.keys(brand))
      assert.ok(text.includes(field), `${lang}: the text for settings.brands names "${field}"`);
  }
});

test('every record and field has a text in English and German', () => {
  for (const [lang, messages] of Object.entries(LANGS)) {
    for (const record of STORED_RECORDS) {
      assert.ok(messages[storedRecordKey(record)], `${lang}: ${storedRecordKey(record)}`);
      for (const field of record.fields)
        assert.ok(
          messages[storedFieldKey(record, field)]?.message.trim(),
          `${lang}: ${storedFieldKey(record, field)} (${record.id}.${field}) has no text`,
        );
    }
  }
});

const allOptions: ReportOptions[] = [];
for (const mode of ['full', 'manual-only'] as const)
  for (const sync of [false, true])
    for (const managed of [false, true])
      allOptions.push({ mode, sync, managed, retentionDays: 90, mentionRetentionDays: 0 });

test('the generated text names every field of every record it lists, with its text, in both languages', () => {
  for (const options of allOptions) {
    const report = describeStoredData(options);
    for (const [lang, messages] of Object.entries(LANGS)) {
      const text = reportAsText(report, wording(messages), 'Title');
      for (const place of report.places)
        for (const record of place.records) {
          assert.ok(text.includes(record.where), `${lang}: ${record.where}`);
          for (const field of record.fields) {
            const said = wording(messages)(field.text.key, []);
            assert.ok(text.includes(`- ${field.name}: ${said}`), `${lang}: ${field.name}`);
          }
        }
      assert.doesNotMatch(text, /\$\w+\$/, `${lang}: no placeholder left unfilled`);
    }
  }
});

test('every record is listed where it applies: sync records only with sync on', () => {
  const listed = (sync: boolean) =>
    describeStoredData({ ...allOptions[0]!, sync })
      .places.flatMap((p) => p.records.map((r) => r.where))
      .sort();
  assert.deepEqual(listed(true), STORED_RECORDS.map((r) => r.where).sort());
  assert.deepEqual(
    listed(false),
    STORED_RECORDS.filter((r) => !r.onlyWithSync)
      .map((r) => r.where)
      .sort(),
  );
});

test('the text follows the mode and the retention settings', () => {
  const en = wording(LANGS.en);
  const text = (options: ReportOptions) => reportAsText(describeStoredData(options), en, 'T');
  const full = text({
    mode: 'full',
    sync: false,
    managed: false,
    retentionDays: 90,
    mentionRetentionDays: 0,
  });
  const manual = text({
    mode: 'manual-only',
    sync: false,
    managed: false,
    retentionDays: 0,
    mentionRetentionDays: 30,
  });
  assert.match(
    full,
    new RegExp(en('storedWrittenAutomatic', []).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  assert.ok(full.includes(en('storedKeptDaysLastSeen', [90])));
  assert.ok(manual.includes(en('storedWrittenAutomaticOff', [])));
  assert.ok(!manual.includes(en('storedWrittenAutomatic', [])));
  assert.ok(manual.includes(en('storedKeptDaysLogged', [30])));
  assert.ok(manual.includes(en('storedModeManual', [])));
});

test('each record says who writes it: the policy copy is written by the browser, not by the user', () => {
  const report = describeStoredData(allOptions[0]!);
  const writtenBy = (where: string) =>
    report.places.flatMap((p) => p.records).find((r) => r.where === where)?.written.key;
  assert.equal(writtenBy('managedPolicy'), 'storedWrittenPolicy');
  assert.equal(writtenBy('settings'), 'storedWrittenSettings');
  assert.equal(writtenBy('mentions'), 'storedWrittenOnPurpose');
});
