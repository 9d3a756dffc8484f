import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl, parseTags, sightingKey } from './mention.ts';

test('canonical URL drops fragment and tracking parameters and lower-cases the host', () => {
  assert.equal(
    canonicalUrl('https://WWW.Example.DE/Pfad?utm_source=x&id=7&gclid=abc#top'),
    'https://www.example.de/Pfad?id=7',
  );
  assert.equal(canonicalUrl('https://example.de:443/a'), 'https://example.de/a');
  assert.equal(canonicalUrl('not a url'), 'not a url');
});

test('sighting keys tell a page from a search result of the same URL', () => {
  assert.notEqual(sightingKey('https://a.de/', 'page'), sightingKey('https://a.de/', 'result'));
});

test('tags are split on commas and semicolons, trimmed and unique', () => {
  assert.deepEqual(parseTags(' Presse, Kunde;Presse ,, '), ['Presse', 'Kunde']);
});
