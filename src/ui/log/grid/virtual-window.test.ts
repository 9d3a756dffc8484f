import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowWindow, scrollToShow } from './virtual-window.ts';

test('the window holds the visible rows and the overscan on each side', () => {
  const w = rowWindow({ total: 100_000, rowHeight: 40, scrollTop: 4000, viewportHeight: 400 });
  assert.equal(w.height, 4_000_000);
  assert.equal(w.first, 100 - 8);
  assert.equal(w.end, 100 + 11 + 8);
  assert.ok(w.end - w.first < 40, 'a few dozen rows in the DOM, not 100,000');
});

test('at the top and at the bottom the window stops at the list', () => {
  const top = rowWindow({ total: 50, rowHeight: 40, scrollTop: -20, viewportHeight: 400 });
  assert.equal(top.first, 0);
  const bottom = rowWindow({ total: 50, rowHeight: 40, scrollTop: 99_999, viewportHeight: 400 });
  assert.equal(bottom.end, 50);
  assert.ok(bottom.first < 40);
});

test('an empty list has an empty window', () => {
  assert.deepEqual(rowWindow({ total: 0, rowHeight: 40, scrollTop: 0, viewportHeight: 400 }), {
    first: 0,
    end: 0,
    height: 0,
  });
});

test('scrolling to a row moves only when it is out of view', () => {
  assert.equal(scrollToShow(5, 40, 0, 400), undefined);
  assert.equal(scrollToShow(12, 40, 0, 400), 13 * 40 - 400);
  assert.equal(scrollToShow(2, 40, 200, 400), 80);
});
