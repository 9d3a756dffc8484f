import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkArguments } from './message-guards.ts';
import { shown } from './problem.ts';

test('shown() never throws: values too deep, cyclic or not JSON are still said', () => {
  const deepList: unknown = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
  const deepObject: unknown = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
  const cycle: unknown[] = [];
  cycle.push(cycle);
  assert.equal(shown(deepList), '[…]');
  assert.equal(shown(deepObject), '[object Object]');
  assert.equal(shown(cycle), '');
  assert.equal(shown(10n), '10');
  assert.equal(shown(undefined), 'undefined');
  assert.equal(shown('x'.repeat(100)), `"${'x'.repeat(58)}…`);
});

test('a message with a value nested 100,000 levels deep is refused with its problem, not thrown', () => {
  const deep: unknown = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
  assert.deepEqual(checkArguments('mention/update', { id: 'm-1', sentiment: deep }), {
    ok: false,
    problem: {
      path: 'sentiment',
      code: 'expected-one-of',
      params: { allowed: '"positive", "neutral", "negative"', found: '[…]' },
    },
  });
});
