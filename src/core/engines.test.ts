import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineName } from './engines.ts';

test('engines are shown by their names, never by their ids', () => {
  assert.equal(engineName('google'), 'Google');
  assert.equal(engineName('duckduckgo'), 'DuckDuckGo');
  assert.equal(engineName('Bing'), 'Bing');
  for (const id of ['google', 'bing', 'duckduckgo', 'ecosia', 'startpage', 'qwant'])
    assert.notEqual(engineName(id), id);
});

test('the heuristic reader has no name of its own; an unknown id gets capitals', () => {
  assert.equal(engineName('generic'), null);
  assert.equal(engineName(''), null);
  assert.equal(engineName('brave-search'), 'Brave Search');
  assert.equal(engineName('yandex'), 'Yandex');
  assert.equal(engineName('__proto__'), 'Proto');
  assert.equal(engineName('toString'), 'Tostring');
});
