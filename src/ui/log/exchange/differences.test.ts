import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mention } from '../../../core/exchange/test-records.test-support.ts';
import { differingFields } from './differences.ts';

test('the fields that differ, judgement first; the same instant written two ways does not', () => {
  const mine = mention({
    sentiment: 'positive',
    tags: ['a'],
    note: 'x',
    createdAt: '2026-11-27T09:30:00.000Z',
  });
  const theirs = {
    ...mine,
    sentiment: 'negative' as const,
    tags: ['a', 'b'],
    createdAt: '2026-11-27T10:30:00+01:00',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
  assert.deepEqual(differingFields(mine, theirs), ['sentiment', 'tags']);
  assert.deepEqual(differingFields(mine, { ...mine, search: { engine: 'google', query: 'q' } }), [
    'search',
  ]);
  assert.deepEqual(differingFields(mine, mine), []);
});
