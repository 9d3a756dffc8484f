import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandScale, linearScale, niceStep, percentages, rankScale, stack } from './scale.ts';

test('tick steps are 1, 2 or 5 times a power of ten, and whole for counts', () => {
  assert.equal(niceStep(10, 5), 2);
  assert.equal(niceStep(23, 5), 5);
  assert.equal(niceStep(7, 5), 2);
  assert.equal(niceStep(1800, 5), 500);
  assert.equal(niceStep(3, 5, 1), 1);
  assert.equal(niceStep(0.3, 5), 0.1);
  assert.equal(niceStep(0, 5), 1);
});

test('a value axis starts at zero and ends on a tick at or above the maximum', () => {
  const scale = linearScale(23, [200, 0]);
  assert.equal(scale.max, 25);
  assert.deepEqual(scale.ticks, [0, 5, 10, 15, 20, 25]);
  assert.equal(scale.at(0), 200);
  assert.equal(scale.at(25), 0);
  assert.equal(scale.at(12.5), 100);
  // A maximum on a tick is the end, not one step beyond.
  assert.equal(linearScale(20, [0, 100]).max, 20);
});

test('no data still draws an axis from 0 to 1', () => {
  const scale = linearScale(0, [100, 0]);
  assert.equal(scale.max, 1);
  assert.deepEqual(scale.ticks, [0, 1]);
  assert.ok(Number.isFinite(scale.at(0)));
});

test('small counts get whole ticks', () => {
  assert.deepEqual(linearScale(3, [0, 1]).ticks, [0, 1, 2, 3]);
  assert.deepEqual(linearScale(1, [0, 1]).ticks, [0, 1]);
});

test('the rank axis has rank 1 at the top and the worst rank at the bottom', () => {
  const scale = rankScale(10, [0, 90]);
  assert.equal(scale.at(1), 0);
  assert.equal(scale.at(10), 90);
  assert.equal(scale.ticks[0], 1);
  assert.equal(scale.ticks.at(-1), 10);
  assert.ok(scale.ticks.every((t, i) => i === 0 || t > (scale.ticks[i - 1] ?? 0)));
  // Only rank 1 seen: one tick, no division by zero.
  const one = rankScale(1, [0, 90]);
  assert.deepEqual(one.ticks, [1]);
  assert.equal(one.at(1), 0);
});

test('bands split the range evenly with a gap', () => {
  const bands = bandScale(4, [0, 100], 0.2);
  assert.equal(bands.width, 20);
  assert.equal(bands.at(0), 2.5);
  assert.equal(bands.centre(0), 12.5);
  assert.equal(bands.centre(3), 87.5);
});

test('stacked segments start where the one below ends; negatives count as zero', () => {
  assert.deepEqual(stack([2, 0, 3, -1]), [
    { from: 0, to: 2 },
    { from: 2, to: 2 },
    { from: 2, to: 5 },
    { from: 5, to: 5 },
  ]);
});

test('percentages add up to exactly 100', () => {
  assert.deepEqual(percentages([1, 1, 1]), [34, 33, 33]);
  assert.deepEqual(percentages([2, 1]), [67, 33]);
  assert.deepEqual(percentages([0, 0]), [0, 0]);
  assert.deepEqual(percentages([5, 0]), [100, 0]);
  const shares = percentages([7, 13, 29, 51, 3]);
  assert.equal(
    shares.reduce((a, b) => a + b, 0),
    100,
  );
});
