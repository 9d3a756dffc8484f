import { test } from 'node:test';
import assert from 'node:assert/strict';
import { termTextIssue } from './term-text.ts';

test('a term needs a letter or digit, and more than invisible characters', () => {
  assert.equal(termTextIssue(''), 'empty');
  assert.equal(termTextIssue('  '), 'empty');
  assert.equal(termTextIssue('\u200b\u00ad'), 'empty', 'zero-width space and soft hyphen only');
  assert.equal(termTextIssue('++'), 'no-letters');
  assert.equal(termTextIssue('C++'), null);
  assert.equal(termTextIssue('3M'), null);
  assert.equal(termTextIssue('Müller'), null);
});
