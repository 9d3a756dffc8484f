import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveSettings, isLocked, readPolicy } from './policy.ts';
import { normalizeSettings } from './profile.ts';

test('no policy: the user settings are in force as they are', () => {
  for (const raw of [undefined, {}]) {
    const user = normalizeSettings({ brands: [{ name: 'ACME' }], mode: 'full' }).settings;
    const effective = effectiveSettings(user, readPolicy(raw));
    assert.equal(effective.managed.active, false);
    assert.deepEqual(effective.managed.locked, []);
    assert.deepEqual(
      effective.brands.map((b) => b.name),
      ['ACME'],
    );
    assert.equal(effective.mode, 'full');
  }
});

test('a complete policy: company brands first, user brands after, mode and retention locked', () => {
  const { policy, problems } = readPolicy({
    brands: [
      { name: 'Müller Werkzeugbau', terms: ['Müller Werkzeugbau', 'RoboDrill 3000'] },
      { name: 'ACME', role: 'competitor', terms: ['ACME'], color: '#4FC3F7' },
    ],
    mode: 'manual-only',
    retentionDays: 90,
    allowUserBrands: true,
    pausedSites: ['https://intranet.mueller.example/'],
  });
  assert.deepEqual(problems, []);
  const user = normalizeSettings({
    brands: [{ name: 'Otto' }, { name: 'ACME', terms: ['ACME GmbH'] }],
    mode: 'full',
    retentionDays: 30,
    pausedSites: ['bank.example'],
  }).settings;
  const effective = effectiveSettings(user, { policy, problems });
  assert.deepEqual(
    effective.brands.map((b) => [b.id, b.role]),
    [
      ['muller-werkzeugbau', 'own'],
      ['acme', 'competitor'],
      ['otto', 'own'],
    ],
  );
  assert.deepEqual(effective.managed.setAside, [{ id: 'acme', reason: 'replaced' }]);
  assert.equal(effective.mode, 'manual-only');
  assert.equal(effective.retentionDays, 90);
  assert.equal(effective.mentionRetentionDays, 0, 'not set by the policy: the user’s');
  assert.deepEqual(effective.pausedSites, ['intranet.mueller.example', 'bank.example']);
  assert.deepEqual(effective.managed.brandIds, ['muller-werkzeugbau', 'acme']);
  assert.ok(isLocked(effective.managed, 'mode'));
  assert.ok(isLocked(effective.managed, 'retentionDays'));
  assert.ok(!isLocked(effective.managed, 'userBrands'));
});

test('allowUserBrands false: only the company brands are looked for', () => {
  const user = normalizeSettings({ brands: [{ name: 'Otto' }] }).settings;
  const effective = effectiveSettings(
    user,
    readPolicy({ brands: [{ name: 'ACME' }], allowUserBrands: false }),
  );
  assert.deepEqual(
    effective.brands.map((b) => b.name),
    ['ACME'],
  );
  assert.deepEqual(effective.managed.setAside, [{ id: 'otto', reason: 'not-allowed' }]);
  assert.ok(isLocked(effective.managed, 'userBrands'));
});

test('a bad key costs that key, a bad brand that brand; each is reported with its path', () => {
  const { policy, problems } = readPolicy({
    brands: [{ name: 'ACME', color: 'rot' }, { terms: [] }, { name: 'Rival', role: 'boss' }],
    retentionDays: 'thirty',
    allowUserBrands: 'no',
    pausedSites: ['ok.example', 3],
    retentiondays: 30,
  });
  assert.deepEqual(
    policy.brands?.map((b) => [b.name, b.role]),
    [
      ['ACME', 'own'],
      ['Rival', 'own'],
    ],
  );
  assert.equal(policy.retentionDays, undefined);
  assert.equal(policy.allowUserBrands, undefined);
  assert.deepEqual(policy.pausedSites, ['ok.example']);
  assert.deepEqual(problems.map((p) => p.path).sort(), [
    'allowUserBrands',
    'brands[0].color',
    'brands[1]',
    'brands[2].role',
    'pausedSites[1]',
    'retentionDays',
    'retentiondays',
  ]);
});

test('a mode the code does not know enforces the works-council mode (fail safe)', () => {
  const { policy, problems } = readPolicy({ mode: 'manual_only' });
  assert.equal(policy.mode, 'manual-only');
  assert.deepEqual(
    problems.map((p) => [p.path, p.code]),
    [['mode', 'expected-one-of']],
  );
  assert.equal(readPolicy({ mode: 'full' }).policy.mode, 'full');
});

test('a policy that is not an object is reported and sets nothing', () => {
  const reading = readPolicy('brands');
  assert.deepEqual(reading.policy, {});
  assert.equal(reading.problems[0]?.code, 'expected-object');
});
