import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWebAddress } from './web-address.ts';

test('only absolute http(s) addresses are links', () => {
  assert.equal(isWebAddress('https://www.acme.de/news?id=1'), true);
  assert.equal(isWebAddress('HTTP://acme.de'), true);
  for (const url of [
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'chrome://settings',
    'file:///etc/passwd',
    '//acme.de/',
    '/relative/path',
    'https://',
    '',
  ])
    assert.equal(isWebAddress(url), false, url);
});
