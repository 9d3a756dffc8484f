import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkArguments,
  describeError,
  isStorageFull,
  isWorkerMessageName,
  MAX_NAME,
  MAX_RECENT,
  MAX_TEXT,
  senderProblem,
} from './message-guards.ts';
import type { WorkerMessageName } from './messages.ts';

/** The problem's path and code, or null when the arguments pass. */
const refusal = (type: WorkerMessageName, args: unknown): [string, string] | null => {
  const result = checkArguments(type, args);
  return result.ok ? null : [result.problem.path, result.problem.code];
};

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
      'settings/change',
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
  assert.equal(refusal('page/report', report), null);
  assert.deepEqual(refusal('page/report', { ...report, total: -1 }), ['total', 'expected-count']);
  assert.deepEqual(refusal('page/report', { ...report, terms: [{ brand: 'A' }] }), [
    'terms[0].term',
    'missing',
  ]);
  assert.deepEqual(refusal('page/report', 'nope'), ['', 'expected-object']);
  assert.deepEqual(refusal('page/report', [report]), ['', 'expected-object']);
  assert.deepEqual(refusal('mention/add', { ...draft, sentiment: 'great' }), [
    'sentiment',
    'expected-one-of',
  ]);
  assert.equal(refusal('settings/get', null), null);
  assert.deepEqual(refusal('log/clear', { all: true }), ['', 'expected-nothing']);
  assert.deepEqual(refusal('results/report', { results: [{ url: 'x' }] }), [
    'results[0].title',
    'missing',
  ]);
  assert.deepEqual(refusal('settings/change', {}), ['operations', 'missing']);
  assert.equal(
    refusal('settings/change', {
      operations: [
        { op: 'pause-site', site: 'a.example' },
        { op: 'set', field: 'mode', value: 'manual-only' },
        { op: 'put-brand', brand: { name: 'ACME' } },
        { op: 'remove-brand', id: 'acme' },
      ],
    }),
    null,
  );
  assert.deepEqual(
    refusal('settings/change', { operations: [{ op: 'set', field: 'version', value: 2 }] }),
    ['operations[0].field', 'expected-one-of'],
  );
  assert.deepEqual(
    refusal('settings/change', { operations: [{ op: 'pause-site', site: 'a', extra: 1 }] }),
    ['operations[0].extra', 'unknown-field'],
  );
  assert.deepEqual(refusal('settings/change', { operations: [{ op: 'replace-all' }] }), [
    'operations[0].op',
    'expected-one-of',
  ]);
});

const draft = {
  url: 'https://a.de/',
  title: 'A',
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'neutral',
  tags: [],
  note: '',
  snippet: '',
};

test('mention/update passes on only the fields a user may change, each checked', () => {
  const id = '6f1c2a9e-3b7d-4c52-9a1e-0d8b5f3e2c71';
  const ok = checkArguments('mention/update', { id, note: 'gut', tags: ['Presse'] });
  assert.deepEqual(ok, { ok: true, value: { id, note: 'gut', tags: ['Presse'] } });
  // issue 10: a patch of `brands: 'x'` was spread into the stored record.
  assert.deepEqual(refusal('mention/update', { id, brands: 'x' }), ['brands', 'unknown-field']);
  assert.deepEqual(refusal('mention/update', { id, createdAt: 'gestern' }), [
    'createdAt',
    'unknown-field',
  ]);
  assert.deepEqual(refusal('mention/update', { id, tags: 'Presse' }), ['tags', 'expected-list']);
  assert.deepEqual(refusal('mention/update', { id, note: 'x'.repeat(MAX_TEXT + 1) }), [
    'note',
    'too-long',
  ]);
  assert.deepEqual(refusal('mention/update', { note: 'x' }), ['id', 'missing']);
});

test('mention/add takes a draft and nothing else; every string has a limit', () => {
  assert.equal(refusal('mention/add', draft), null);
  assert.equal(
    refusal('mention/add', { ...draft, search: { engine: 'google', query: 'acme', rank: 3 } }),
    null,
  );
  // The page may choose the id (a retried add then finds the first one) and the status.
  assert.equal(refusal('mention/add', { ...draft, id: 'mine', status: 'done' }), null);
  assert.deepEqual(refusal('mention/add', { ...draft, status: 'open' }), [
    'status',
    'expected-one-of',
  ]);
  assert.deepEqual(refusal('mention/add', { ...draft, createdAt: 'x' }), [
    'createdAt',
    'unknown-field',
  ]);
  assert.deepEqual(refusal('mention/add', { ...draft, extra: 'x'.repeat(100_000) }), [
    'extra',
    'unknown-field',
  ]);
  assert.deepEqual(refusal('mention/add', { ...draft, tags: ['x'.repeat(MAX_NAME + 1)] }), [
    'tags[0]',
    'too-long',
  ]);
  assert.deepEqual(
    refusal('mention/add', { ...draft, search: { engine: 'google', query: 'q', x: 1 } }),
    ['search.x', 'unknown-field'],
  );
  const result = checkArguments('mention/add', { ...draft, tags: ['a'] });
  assert.ok(result.ok);
  assert.deepEqual(Object.keys(result.value).sort(), Object.keys(draft).sort());
});

test('log/recent asks for a few records, never the whole log', () => {
  assert.equal(refusal('log/recent', { limit: 5 }), null);
  assert.equal(refusal('log/recent', { limit: MAX_RECENT }), null);
  assert.deepEqual(refusal('log/recent', { limit: MAX_RECENT + 1 }), ['limit', 'too-many']);
  assert.deepEqual(refusal('log/recent', {}), ['limit', 'missing']);
  assert.deepEqual(refusal('log/recent', { limit: 0 })?.[0], 'limit');
});

test('mention/update takes what the sender saw, checked like the patch', () => {
  const id = 'm-1';
  assert.equal(refusal('mention/update', { id, note: 'b', before: { note: 'a', tags: [] } }), null);
  assert.deepEqual(refusal('mention/update', { id, note: 'b', before: { updatedAt: 'x' } }), [
    'before.updatedAt',
    'unknown-field',
  ]);
  assert.deepEqual(
    refusal('mention/update', { id, status: 'done', before: { status: 'x' } })?.[0],
    'before.status',
  );
});

test('only the protocol’s own message names are messages', () => {
  assert.equal(isWorkerMessageName('log/recent'), true);
  assert.equal(isWorkerMessageName('log/get'), false, 'the whole log in one message is gone');
  assert.equal(isWorkerMessageName('log/import'), false);
  for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString', ''])
    assert.equal(isWorkerMessageName(name), false, name);
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
  assert.equal(
    describeError(
      new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      ),
    ),
    'quota-exceeded',
  );
  assert.equal(describeError(new Error('boom')), 'boom');
  assert.equal(describeError('plain'), 'plain');
});

test('a storage area that is full is told apart from other failures of a write', () => {
  // Chromium's storage.local past QUOTA_BYTES, Firefox's (IndexedDB), a full disk.
  assert.equal(isStorageFull(new Error('QUOTA_BYTES quota exceeded')), true);
  assert.equal(isStorageFull(new DOMException('full', 'QuotaExceededError')), true);
  assert.equal(isStorageFull(new Error('IO error: 000003.log: No space left on device')), true);
  assert.equal(isStorageFull(new Error('Error in invocation of storage.set')), false);
  assert.equal(isStorageFull('settings-locked'), false);
});

test('mentions/logged-urls takes a list of addresses, from pages and content scripts', () => {
  assert.equal(refusal('mentions/logged-urls', { urls: ['https://a.de/', 'x'] }), null);
  assert.deepEqual(refusal('mentions/logged-urls', { urls: 'https://a.de/' }), [
    'urls',
    'expected-list',
  ]);
  assert.deepEqual(refusal('mentions/logged-urls', { urls: [1] }), ['urls[0]', 'expected-string']);
  assert.deepEqual(refusal('mentions/logged-urls', { urls: [], all: true })?.[0], 'all');
  assert.equal(
    senderProblem(
      'mentions/logged-urls',
      { id: 'ext-id', url: 'https://a.de/', tab: { id: 3 } },
      self,
    ),
    null,
  );
  assert.match(
    senderProblem(
      'mentions/logged-urls',
      { id: 'other', url: 'https://a.de/', tab: { id: 3 } },
      self,
    ) ?? '',
    /another extension/,
  );
});
