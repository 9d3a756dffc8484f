import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippetAround, snippetText } from './snippet.ts';

test('a snippet keeps the hit whole and cuts the context at spaces', () => {
  const text = 'Die Firma ACME GmbH hat heute in Köln ein neues Werk eröffnet, sagte der Sprecher.';
  const start = text.indexOf('ACME');
  const s = snippetAround(text, start, start + 9, 8);
  assert.equal(s.match, 'ACME GmbH');
  assert.equal(s.before, '… Firma ');
  assert.equal(s.after, ' hat …');
});

test('block separators and runs of white space become single spaces', () => {
  const text = 'Titel\u2029ACME\n\n  liefert';
  const s = snippetAround(text, 6, 10);
  assert.equal(snippetText(s), 'Titel ACME liefert');
});
