import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  extendTo,
  isSelected,
  NO_SELECTION,
  rangeOf,
  selectAll,
  selectedCount,
  toggle,
  type Selection,
} from './selection.ts';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const between = (from: number, to: number) => {
  const { first, end } = rangeOf(from, to);
  return ids.slice(first, end);
};
const chosen = (s: Selection) => ids.filter((id) => isSelected(s, id));

test('a click selects a row and a second click takes it out again', () => {
  const one = toggle(NO_SELECTION, 1, 'b');
  assert.deepEqual(chosen(one), ['b']);
  assert.equal(selectedCount(one), 1);
  assert.deepEqual(chosen(toggle(one, 1, 'b')), []);
});

test('shift-click selects every row from the anchor to the row clicked, either way round', () => {
  const down = extendTo(toggle(NO_SELECTION, 1, 'b'), 4, 'e', between(1, 4));
  assert.deepEqual(chosen(down), ['b', 'c', 'd', 'e']);
  const up = extendTo(toggle(NO_SELECTION, 4, 'e'), 1, 'b', between(4, 1));
  assert.deepEqual(chosen(up), ['b', 'c', 'd', 'e']);
});

test('the anchor stays, so a second shift-click moves the end of the range out', () => {
  let s = toggle(NO_SELECTION, 0, 'a');
  s = extendTo(s, 2, 'c', between(0, 2));
  s = extendTo(s, 4, 'e', between(0, 4));
  assert.deepEqual(chosen(s), ['a', 'b', 'c', 'd', 'e']);
});

test('shift-click from an unselected anchor clears the range', () => {
  let s = extendTo(toggle(NO_SELECTION, 0, 'a'), 5, 'f', between(0, 5));
  s = toggle(s, 2, 'c'); // c off, the anchor moves to c (now unselected)
  s = extendTo(s, 4, 'e', between(2, 4));
  assert.deepEqual(chosen(s), ['a', 'b', 'f']);
});

test('shift-click without an anchor is a click', () => {
  const s = extendTo(NO_SELECTION, 3, 'd', between(3, 3));
  assert.deepEqual(chosen(s), ['d']);
});

test('all that match the filter, minus rows clicked off', () => {
  let s = selectAll(1000);
  assert.equal(selectedCount(s), 1000);
  assert.ok(isSelected(s, 'anything'));
  s = toggle(s, 1, 'b');
  assert.equal(selectedCount(s), 999);
  assert.equal(isSelected(s, 'b'), false);
  s = extendTo(s, 3, 'd', between(1, 3)); // d is selected: the range goes out with it
  assert.equal(selectedCount(s), 997);
  s = toggle(s, 1, 'b');
  assert.equal(selectedCount(s), 998);
});
