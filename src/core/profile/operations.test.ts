import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveSettings, readPolicy } from '../policy.ts';
import {
  applyOperations,
  lockedBy,
  normalizeSettings,
  type SettingsOperation,
} from '../profile.ts';

const stored = normalizeSettings({
  brands: [
    { id: 'acme', name: 'ACME', terms: ['ACME'] },
    { id: 'rival', name: 'Rival', role: 'competitor', terms: ['Rival'] },
  ],
  pausedSites: ['intranet.example'],
}).settings;

test('two pauses applied one after the other keep both sites (no lost update)', () => {
  const first = applyOperations(stored, [{ op: 'pause-site', site: 'https://www.A.example/x' }]);
  const second = applyOperations(first.settings, [{ op: 'pause-site', site: 'b.example' }]);
  assert.deepEqual(second.settings.pausedSites, ['intranet.example', 'a.example', 'b.example']);
  assert.equal(second.changed, true);
  assert.deepEqual(stored.pausedSites, ['intranet.example'], 'the input is left alone');
});

test('pausing a paused site or resuming one that is not paused changes nothing', () => {
  const result = applyOperations(stored, [
    { op: 'pause-site', site: 'intranet.example' },
    { op: 'resume-site', site: 'other.example' },
  ]);
  assert.equal(result.changed, false);
  assert.deepEqual(result.problems, []);
});

test('a brand is replaced by id, added without one, and removed by id', () => {
  const result = applyOperations(stored, [
    { op: 'put-brand', brand: { id: 'acme', name: 'ACME', terms: ['ACME', 'RoboDrill'] } },
    { op: 'put-brand', brand: { name: 'ACME', terms: ['ACME Robotics'] } },
    { op: 'remove-brand', id: 'rival' },
  ]);
  assert.deepEqual(
    result.settings.brands.map((b) => [b.id, b.terms.map((t) => t.text)]),
    [
      ['acme', ['ACME', 'RoboDrill']],
      ['acme-2', ['ACME Robotics']],
    ],
  );
  assert.deepEqual(result.settings.pausedSites, ['intranet.example'], 'other fields untouched');
});

test('a field is set only to a value its schema accepts; a bad one is reported and changes nothing', () => {
  const result = applyOperations(stored, [
    { op: 'set', field: 'mode', value: 'manual-only' },
    { op: 'set', field: 'retentionDays', value: -5 },
    { op: 'set', field: 'exportedBy', value: '  Team Süd ' },
    { op: 'pause-site', site: '   ' },
    { op: 'put-brand', brand: { terms: [] } },
  ]);
  assert.equal(result.settings.mode, 'manual-only');
  assert.equal(result.settings.retentionDays, stored.retentionDays);
  assert.equal(result.settings.exportedBy, 'Team Süd');
  assert.deepEqual(
    result.problems.map((p) => [p.path, p.code]),
    [
      ['operations[1].retentionDays', 'expected-count'],
      ['operations[3].site', 'not-a-site'],
      ['operations[4].brand', 'brand-unnamed'],
    ],
  );
});

test('what the company locked cannot be changed by an operation', () => {
  const { managed } = effectiveSettings(
    stored,
    readPolicy({ mode: 'manual-only', allowUserBrands: false, pausedSites: ['bank.example'] }),
  );
  const verdict = (op: SettingsOperation) => lockedBy(op, managed);
  assert.equal(verdict({ op: 'set', field: 'mode', value: 'full' }), 'mode');
  assert.equal(verdict({ op: 'set', field: 'retentionDays', value: 30 }), null);
  assert.equal(verdict({ op: 'put-brand', brand: { name: 'X' } }), 'brands');
  assert.equal(verdict({ op: 'remove-brand', id: 'acme' }), null, 'removing your own is fine');
  assert.equal(verdict({ op: 'resume-site', site: 'www.bank.example' }), 'pausedSites');
  assert.equal(verdict({ op: 'resume-site', site: 'intranet.example' }), null);
  assert.equal(verdict({ op: 'pause-site', site: 'x.example' }), null);
});
