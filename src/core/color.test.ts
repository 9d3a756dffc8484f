import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AA_TEXT, contrastRatio, FOCUS_COLOR, readableTextColor } from './color.ts';
import { BRAND_PALETTE } from './profile.ts';

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

test('every palette colour, and the revealed hit, carry text at AA contrast (4.5:1)', () => {
  for (const bg of [...BRAND_PALETTE, FOCUS_COLOR]) {
    const ratio = contrastRatio(bg, readableTextColor(bg));
    assert.ok(ratio >= AA_TEXT, `${bg}: ${ratio.toFixed(2)}:1`);
  }
});

test('any colour a user picks still gets text at AA contrast', () => {
  const hexColor = fc
    .integer({ min: 0, max: 0xffffff })
    .map((n) => `#${n.toString(16).padStart(6, '0')}`);
  fc.assert(
    fc.property(hexColor, (bg) => contrastRatio(bg, readableTextColor(bg)) >= AA_TEXT),
    { numRuns: 5000 },
  );
  // The hardest background (luminance near 0.18) is just above the line.
  assert.ok(contrastRatio('#767676', '#000000') >= AA_TEXT);
});

test('contrast ratios match the WCAG examples', () => {
  assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
  assert.equal(contrastRatio('#ffffff', '#767676').toFixed(2), '4.54');
  assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
});
