import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argumentChecks, describeError, senderProblem } from './message-guards.ts';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };

test('the extension’s own pages may send anything, its content scripts only their few messages', () => {
  assert.equal(
    senderProblem('log/clear', { id: 'ext-id', url: 'chrome-extension://ext-id/log.html' }, self),
    null,
  );
  assert.equal(
    senderProblem(
      'page/report',
      { id: 'ext-id', url: 'https://example.com/', tab: { id: 3 } },
      self,
    ),
    null,
  );
  assert.match(
    senderProblem(
      'log/clear',
      { id: 'ext-id', url: 'https://example.com/', tab: { id: 3 } },
      self,
    ) ?? '',
    /not accepted/,
  );
  assert.match(
    senderProblem(
      'settings/save',
      { id: 'ext-id', url: 'https://evil.example/', tab: { id: 3 } },
      self,
    ) ?? '',
    /not accepted/,
  );
  assert.match(
    senderProblem('page/report', { id: 'other', url: 'chrome-extension://other/x.html' }, self) ??
      '',
    /another extension/,
  );
});

test('message arguments are checked for shape before the worker acts on them', () => {
  const report = {
    url: 'https://a.de/',
    title: 'A',
    total: 2,
    terms: [{ brand: 'A', term: 'A', count: 2 }],
    firstReport: true,
    timeOrigin: 1,
  };
  assert.equal(argumentChecks['page/report'](report), null);
  assert.match(argumentChecks['page/report']({ ...report, total: -1 }) ?? '', /total/);
  assert.match(
    argumentChecks['page/report']({ ...report, terms: [{ brand: 'A' }] }) ?? '',
    /terms/,
  );
  assert.match(argumentChecks['page/report']('nope') ?? '', /object/);
  assert.match(
    argumentChecks['mention/add']({
      url: 'x',
      title: 'x',
      brands: [],
      terms: [],
      sentiment: 'great',
      tags: [],
      note: '',
      snippet: '',
    }) ?? '',
    /sentiment/,
  );
  assert.equal(argumentChecks['settings/get'](null), null);
  assert.match(argumentChecks['log/clear']({ all: true }) ?? '', /no arguments/);
  assert.match(argumentChecks['results/report']({ results: [{ url: 'x' }] }) ?? '', /title/);
});

test('a full disk is reported as a code the pages explain; other errors keep their message', () => {
  assert.equal(
    describeError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    'quota-exceeded',
  );
  assert.equal(
    describeError(
      new Error('Transaction aborted', { cause: new DOMException('full', 'QuotaExceededError') }),
    ),
    'quota-exceeded',
  );
  assert.equal(describeError(new Error('boom')), 'boom');
  assert.equal(describeError('plain'), 'plain');
});
