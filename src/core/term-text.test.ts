import { test } from 'node:test';
import assert from 'node:assert/strict';
import { termTextIssue, withoutUmlauts } from './term-text.ts';

test('a term needs a letter or digit, and more than invisible characters', () => {
  assert.equal(termTextIssue(''), 'empty');
  assert.equal(termTextIssue('  '), 'empty');
  assert.equal(termTextIssue('\u200b\u00ad'), 'empty', 'zero-width space and soft hyphen only');
  assert.equal(termTextIssue('++'), 'no-letters');
  assert.equal(termTextIssue('C++'), null);
  assert.equal(termTextIssue('3M'), null);
  assert.equal(termTextIssue('Müller'), null);
});

test('the spelling without umlauts is the one the option adds; none for a term without umlauts', () => {
  assert.equal(withoutUmlauts('Müller Werkzeugbau'), 'Muller Werkzeugbau');
  assert.equal(withoutUmlauts(' ÖBB Über '), 'OBB Uber');
  assert.equal(withoutUmlauts('Mu\u0308ller'), 'Muller', 'a combining diaeresis (NFD) too');
  assert.equal(withoutUmlauts('RoboDrill 3000'), null);
  assert.equal(withoutUmlauts('Straße'), null, 'ß is not an umlaut');
});
