// Each migration step with a document of the shape it was written for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { migrateSettings, SETTINGS_MIGRATIONS, type SettingsMigration } from './migrations.ts';
import { SETTINGS_VERSION } from './types.ts';

test('the steps are numbered 1, 2, … and the last one makes SETTINGS_VERSION', () => {
  assert.deepEqual(
    SETTINGS_MIGRATIONS.map((step) => step.to),
    SETTINGS_MIGRATIONS.map((_, i) => i + 1),
  );
  assert.equal(SETTINGS_MIGRATIONS.at(-1)?.to, SETTINGS_VERSION);
  for (const step of SETTINGS_MIGRATIONS) assert.match(step.written, /^\d{4}-\d{2}-\d{2}$/);
});

test('step 1: a document without a version (the README’s minimal document) keeps its fields', () => {
  const old = { brands: [{ name: 'Otto', terms: ['Otto'], exclude: ['Otto Waalkes'] }] };
  const step = SETTINGS_MIGRATIONS[0]!;
  assert.deepEqual(step.migrate(old), old);
  const { doc, from, problems } = migrateSettings(old);
  assert.deepEqual(doc, { ...old, version: 1 });
  assert.equal(from, 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(old, { brands: [{ name: 'Otto', terms: ['Otto'], exclude: ['Otto Waalkes'] }] });
});

test('steps run in order, each from the version before, and only those still needed', () => {
  const steps: SettingsMigration[] = [
    { to: 1, written: '2026-11-27', migrate: (d) => ({ ...d, trail: ['1'] }) },
    {
      to: 2,
      written: '2026-12-01',
      migrate: (d) => ({ ...d, trail: [...(d.trail as string[]), `2 from ${String(d.version)}`] }),
    },
  ];
  assert.deepEqual(migrateSettings({}, steps, 2).doc, { trail: ['1', '2 from 1'], version: 2 });
  assert.deepEqual(migrateSettings({ version: 1, trail: [] }, steps, 2).doc, {
    version: 2,
    trail: ['2 from 1'],
  });
  const current = { version: 2, trail: [] };
  assert.equal(migrateSettings(current, steps, 2).doc, current, 'a current document is untouched');
});

test('a newer document is left as it is and refused with "too-new"', () => {
  const newer = { version: SETTINGS_VERSION + 1, brands: [], futureField: true };
  const { doc, from, problems } = migrateSettings(newer);
  assert.equal(doc, newer);
  assert.equal(from, SETTINGS_VERSION + 1);
  assert.deepEqual(problems, [
    {
      path: 'version',
      code: 'too-new',
      params: { version: SETTINGS_VERSION + 1, supported: SETTINGS_VERSION },
    },
  ]);
});

test('a version that is no whole number counts as none, and is reported', () => {
  const { doc, from, problems } = migrateSettings({ version: '2', brands: [] });
  assert.equal(from, 0);
  assert.equal(doc.version, SETTINGS_VERSION);
  assert.deepEqual(
    problems.map((p) => [p.path, p.code]),
    [['version', 'expected-count']],
  );
});
