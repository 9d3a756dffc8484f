import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rawMessageKeys } from './page-text.ts';

const keys = new Set(['extName', 'popupOnThisPage', 'loading']);

test('a message key shown as the text of an element or an attribute is found', () => {
  assert.deepEqual(rawMessageKeys(['Markenlotse', 'popupOnThisPage', ' extName '], keys), [
    'extName',
    'popupOnThisPage',
  ]);
  assert.deepEqual(rawMessageKeys(['loading'], keys), ['loading']);
});

test('a key-shaped word that no locale defines is found too, also inside a sentence', () => {
  assert.deepEqual(rawMessageKeys(['Hits: popupHitCountMissing (3)'], keys), [
    'popupHitCountMissing',
  ]);
});

test('ordinary text passes: sentences, brand names, addresses, a one-word key inside a sentence', () => {
  const page = [
    'Müller Werkzeugbau GmbH – Präzisionswerkzeuge aus Schwaben',
    'RoboDrill 3000',
    'https://www.mueller-werkzeugbau.example',
    'Still loading the page',
    'ACME on iOS, iPhone and eBay',
  ];
  assert.deepEqual(rawMessageKeys(page, keys), []);
});
