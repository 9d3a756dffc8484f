import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentSettings, PROFILE_FORMAT, sourceOf } from './compiled-profile.ts';
import { profileOf, profileOfDocument, withSortedKeys } from './compile-profile.ts';
import { matcherFromData } from './matcher.ts';
import { normalizeSettings } from './profile.ts';

/** What extension storage hands back in Chrome: JSON, with every object's keys sorted. */
const throughChromeStorage = <T>(value: T): T =>
  withSortedKeys(JSON.parse(JSON.stringify(value)) as T);

test("a profile compiled from another program's minimal document stands for it, with its settings", () => {
  const doc = { brands: [{ name: 'ACME', terms: ['ACME'], exclude: ['ACME Looney'] }] };
  const stored = throughChromeStorage(doc);
  const profile = throughChromeStorage(profileOfDocument(stored));
  const settings = currentSettings(profile, stored);
  assert.deepEqual(settings, normalizeSettings(doc).settings);
  const matcher = matcherFromData(profile.matcher);
  assert.equal(matcher?.find('Die ACME GmbH, nicht ACME Looney').length, 1);
});

test('a profile saved with its settings in one write needs no copy of them', () => {
  const settings = normalizeSettings({ brands: [{ name: 'Müller', terms: ['Müller'] }] }).settings;
  const written = withSortedKeys(settings);
  const profile = profileOf(written, settings);
  assert.equal(profile.settings, undefined);
  const stored = throughChromeStorage(written);
  assert.deepEqual(currentSettings(throughChromeStorage(profile), stored), settings);
});

test('a profile of an older document, another format or nothing is not current', () => {
  const old = { brands: [{ name: 'ACME' }] };
  const profile = profileOfDocument(old);
  assert.equal(currentSettings(profile, { brands: [{ name: 'Other' }] }), null);
  assert.equal(currentSettings({ ...profile, format: PROFILE_FORMAT + 1 }, old), null);
  assert.equal(currentSettings(undefined, old), null);
  assert.equal(currentSettings('x', old), null);
  // No settings document at all: a profile of the defaults.
  const none = profileOfDocument(undefined);
  assert.equal(none.source, sourceOf(undefined));
  assert.deepEqual(currentSettings(none, undefined)?.brands, []);
});
