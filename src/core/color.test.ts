import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contrastRatio, readableTextColor } from './color.ts';

test('light brand colours get black text, dark ones white', () => {
  assert.equal(readableTextColor('#ffd54f'), '#000000');
  assert.equal(readableTextColor('#1f3a5f'), '#ffffff');
});

test('the chosen text colour always reaches WCAG AA large-text contrast', () => {
  for (const bg of [
    '#ff0000',
    '#00ff00',
    '#0000ff',
    '#808080',
    '#ffd54f',
    '#4fc3f7',
    '#000000',
    '#ffffff',
  ]) {
    assert.ok(contrastRatio(bg, readableTextColor(bg)) >= 3, bg);
  }
});
