import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  planProfileImport,
  profileFileText,
  profileImportOperations,
  readProfileFile,
} from './profile-file.ts';
import { applyOperations, normalizeSettings } from './profile.ts';

const mine = normalizeSettings({
  brands: [
    {
      name: 'Müller Werkzeugbau',
      color: '#ffd54f',
      terms: ['Müller Werkzeugbau', { text: 'MWB', caseSensitive: true }],
      exclude: ['Müller Werkzeugbau Museum'],
      sites: ['mueller-werkzeugbau.example'],
    },
    { name: 'ACME', role: 'competitor', color: '#4fc3f7', terms: ['ACME'] },
  ],
  pausedSites: ['bank.example'],
  exportedBy: 'Team Süd',
}).settings;

test('a profile file round-trips every brand field, and nothing but brands', () => {
  const text = profileFileText(mine.brands, {}, new Date('2026-12-01T10:00:00Z'));
  const file = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(file), ['format', 'version', 'exportedAt', 'brands']);
  assert.equal(file.format, 'markenlotse-profile');
  const read = readProfileFile(text);
  assert.ok(read.ok);
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.brands, mine.brands);
  assert.doesNotMatch(text, /bank\.example|Team Süd/, 'no other settings, no name unless asked');
  const signed = JSON.parse(profileFileText(mine.brands, { exportedBy: 'Team Süd' })) as {
    exportedBy?: string;
  };
  assert.equal(signed.exportedBy, 'Team Süd');
});

test('a file that is no profile is refused with one clear problem', () => {
  const code = (text: string) => {
    const read = readProfileFile(text);
    return read.ok ? 'ok' : read.problem.code;
  };
  assert.equal(code(''), 'empty-file');
  assert.equal(code('{"format":"markenlotse-profile","version":1,'), 'not-json-at');
  assert.equal(code('[1,2]'), 'not-a-profile');
  assert.equal(code('{"format":"markenlotse-log","version":1}'), 'foreign-profile');
  assert.equal(code('{"format":"markenlotse-profile","version":7,"brands":[]}'), 'too-new');
  assert.equal(
    code('{"format":"markenlotse-profile","version":"1","brands":[]}'),
    'unsupported-version',
  );
  assert.equal(code('{"format":"markenlotse-profile","version":1}'), 'missing');
  assert.equal(code('x'.repeat(5_000_001)), 'too-long');
});

test('a bad brand in a file costs that brand, reported with its path', () => {
  const read = readProfileFile(
    JSON.stringify({
      format: 'markenlotse-profile',
      version: 1,
      brands: [{ name: 'ACME', color: 'rot' }, { terms: [] }],
    }),
  );
  assert.ok(read.ok);
  assert.deepEqual(
    read.brands.map((b) => b.name),
    ['ACME'],
  );
  assert.deepEqual(
    read.problems.map((p) => p.path),
    ['brands[0].color', 'brands[1]'],
  );
});

test('the preview: same id or name is a change (with its fields) or the same; others are added', () => {
  const colleague = normalizeSettings({
    brands: [
      { ...mine.brands[0], terms: [...mine.brands[0]!.terms, 'RoboDrill 3000'] },
      { id: 'acme-corp', name: 'acme', role: 'competitor', color: '#4fc3f7', terms: ['ACME'] },
      { name: 'Otto', role: 'competitor', terms: ['Otto'], exclude: ['Otto Waalkes'] },
    ],
  }).settings.brands;
  const plan = planProfileImport(mine.brands, colleague);
  assert.deepEqual(
    plan.map((c) => [c.kind, c.brand.id, c.fields]),
    [
      ['change', 'muller-werkzeugbau', ['terms']],
      ['change', 'acme', ['name']],
      ['add', 'otto', []],
    ],
  );
  // Carried out, the brands only here stay, the matched ones keep their ids.
  const after = applyOperations(mine, profileImportOperations(plan)).settings;
  assert.deepEqual(
    after.brands.map((b) => b.id),
    ['muller-werkzeugbau', 'acme', 'otto'],
  );
  assert.equal(after.brands[0]?.terms.length, 3);
  // Importing the same file again changes nothing.
  const again = planProfileImport(after.brands, colleague);
  assert.deepEqual(
    again.map((c) => c.kind),
    ['same', 'same', 'same'],
  );
  assert.deepEqual(profileImportOperations(again), []);
});
