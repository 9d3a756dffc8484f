import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentSettings, PROFILE_FORMAT, sourceOf } from './compiled-profile.ts';
import { profileOf, profileOfStored, withSortedKeys } from './compile-profile.ts';
import { matcherFromData } from './matcher.ts';
import { normalizeSettings } from './profile.ts';

/** What extension storage hands back in Chrome: JSON, with every object's keys sorted. */
const throughChromeStorage = <T>(value: T): T =>
  withSortedKeys(JSON.parse(JSON.stringify(value)) as T);

/** The settings in force a profile read back from storage stands for, given what is stored. */
const readBack = (profile: unknown, settings: unknown, policy: unknown) =>
  currentSettings(
    profile === undefined ? undefined : throughChromeStorage(profile),
    settings,
    sourceOf(settings, policy),
  );

test("a profile compiled from another program's minimal document stands for it, with its settings", () => {
  const doc = { brands: [{ name: 'ACME', terms: ['ACME'], exclude: ['ACME Looney'] }] };
  const stored = throughChromeStorage(doc);
  const profile = throughChromeStorage(profileOfStored(stored, {}));
  assert.deepEqual(readBack(profile, stored, {}), normalizeSettings(doc).settings);
  const matcher = matcherFromData(profile.matcher);
  assert.equal(matcher?.find('Die ACME GmbH, nicht ACME Looney').length, 1);
});

test('a profile saved with its settings in one write, without a policy, needs no copy of them', () => {
  const settings = normalizeSettings({ brands: [{ name: 'Müller', terms: ['Müller'] }] }).settings;
  const written = withSortedKeys(settings);
  const profile = profileOf(written, {}, settings);
  assert.equal(profile.settings, undefined);
  assert.deepEqual(readBack(profile, throughChromeStorage(written), {}), settings);
});

test("the profile holds the settings in force: the company's brands and paused sites, its mode, the user's brands it allows", () => {
  const user = normalizeSettings({
    brands: [{ id: 'mine', name: 'Müller', terms: ['Müller'] }],
    pausedSites: ['example.org'],
  }).settings;
  // As the worker stores its copy (policyWrite): keys in order.
  const policy = withSortedKeys({
    brands: [{ id: 'acme', name: 'ACME', terms: ['ACME'] }],
    pausedSites: ['intranet.example'],
    mode: 'manual-only',
  });
  const written = withSortedKeys(user);
  const profile = profileOf(written, policy, user);
  const inForce = readBack(profile, throughChromeStorage(written), throughChromeStorage(policy));
  assert.deepEqual(
    inForce?.brands.map((b) => b.id),
    ['acme', 'mine'],
  );
  assert.deepEqual(inForce?.pausedSites, ['intranet.example', 'example.org']);
  assert.equal(inForce?.mode, 'manual-only');
  assert.equal('managed' in (inForce ?? {}), false, 'what the options show stays out');
  const matcher = matcherFromData(throughChromeStorage(profile).matcher);
  assert.equal(matcher?.find('ACME und Müller').length, 2);

  const closedPolicy = withSortedKeys({ ...policy, allowUserBrands: false });
  const closed = profileOf(written, closedPolicy, user);
  assert.deepEqual(
    readBack(closed, written, closedPolicy)?.brands.map((b) => b.id),
    ['acme'],
  );
});

test('a profile of an older document, another policy copy, another format or nothing is not current', () => {
  const old = { brands: [{ name: 'ACME' }] };
  const profile = profileOfStored(old, undefined);
  assert.notEqual(readBack(profile, old, undefined), null);
  assert.equal(readBack(profile, { brands: [{ name: 'Other' }] }, undefined), null);
  // The first policy copy ("no policy") is another source: the worker compiles again.
  assert.equal(readBack(profile, old, {}), null);
  assert.equal(readBack({ ...profile, format: PROFILE_FORMAT + 1 }, old, undefined), null);
  assert.equal(readBack(undefined, old, undefined), null);
  assert.equal(readBack('x', old, undefined), null);
  // No settings document at all: a profile of the defaults.
  const none = profileOfStored(undefined, undefined);
  assert.equal(none.source, sourceOf(undefined, undefined));
  assert.deepEqual(readBack(none, undefined, undefined)?.brands, []);
});
