import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyFilter } from './filter.ts';
import { sightingPredicate } from './predicate.ts';
import {
  MAX_WORD,
  MAX_WORDS,
  lookupWords,
  searchTokens,
  sightingWords,
  startsWords,
  wordRange,
} from './words.ts';

test('a sighting is found by the folded words of its title and address, each once', () => {
  assert.deepEqual(
    sightingWords({
      title: 'Müller-Werke: Straße & Co. Müller',
      url: 'https://www.Hof-24.example.de/seite/17?q=Bohrer',
    }),
    [
      'mueller',
      'werke',
      'strasse',
      'co',
      'hof',
      '24',
      'example',
      'de',
      'seite',
      '17',
      'q',
      'bohrer',
    ],
  );
  // No scheme, no "www": they say nothing about a page.
  assert.deepEqual(sightingWords({ title: '', url: 'http://www.a.de/' }), ['a', 'de']);
});

test('long words are cut and a sighting keeps a bounded number of words', () => {
  const long = 'x'.repeat(100);
  assert.deepEqual(searchTokens(long), ['x'.repeat(MAX_WORD)]);
  const title = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
  assert.equal(sightingWords({ title, url: '' }).length, MAX_WORDS);
});

test('a search word matches at the start of a word, folded', () => {
  const words = sightingWords({ title: 'Hofladen am Bahnhof', url: 'https://example.de/' });
  assert.ok(startsWords(words, lookupWords('hof')));
  assert.ok(startsWords(words, lookupWords('HOFLADEN bahn')));
  assert.ok(startsWords(words, lookupWords('example.de')));
  assert.ok(!startsWords(words, lookupWords('laden')));
  assert.ok(!startsWords(words, lookupWords('hof bosch')));
  assert.ok(startsWords(words, lookupWords('  – ')), 'no words: everything');
});

test('the looked-up words drop repeats and any word that starts another', () => {
  assert.deepEqual(lookupWords('Müller muell mueller-werke'), ['mueller', 'werke']);
  assert.deepEqual(lookupWords('seite/999999'), ['seite', '999999']);
});

test('the index range of a word holds exactly the words that start with it', () => {
  const [low, high] = wordRange('hof');
  const inRange = (w: string) => w >= low && w <= high;
  assert.ok(inRange('hof') && inRange('hofladen') && inRange('hofü'));
  assert.ok(!inRange('ho') && !inRange('hog') && !inRange('bahnhof'));
});

test('the sighting filter searches its words: the stored ones, or the record’s own', () => {
  const s = {
    kind: 'page' as const,
    url: 'https://www.example.de/bahnhof',
    title: 'Ankunft',
    terms: [],
    lastSeen: '2026-11-15T12:00:00.000Z',
  };
  const passes = (text: string, words?: string[]) =>
    sightingPredicate({ ...emptyFilter(), text }, new Map())(words ? { ...s, words } : s);
  assert.equal(passes('bahnhof'), true);
  assert.equal(passes('hof'), false);
  assert.equal(passes('ank example'), true);
  assert.equal(passes('https'), false);
  assert.equal(passes('hof', ['hofladen']), true);
});
