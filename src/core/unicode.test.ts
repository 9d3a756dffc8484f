import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryOf, LETTER, MARK, NUMBER } from './unicode.ts';

const regexCategory = (s: string): number =>
  /\p{L}/u.test(s) ? LETTER : /\p{N}/u.test(s) ? NUMBER : /\p{M}/u.test(s) ? MARK : 0;

test('the generated tables answer as the regex does for all 65,536 code units', () => {
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const expected = regexCategory(String.fromCharCode(c));
    // Twice: the first answer is looked up, the second comes from the cache.
    if (categoryOf(c) !== expected || categoryOf(c) !== expected)
      wrong.push(`U+${c.toString(16).padStart(4, '0')}`);
  }
  assert.deepEqual(
    wrong.slice(0, 20),
    [],
    `${wrong.length} code units differ (regenerate: npx tsx scripts/gen-unicode-tables.ts)`,
  );
});

test('above the BMP the regex answers: letters, numbers, marks and emoji', () => {
  assert.equal(categoryOf(0x1d400), LETTER); // 𝐀 MATHEMATICAL BOLD CAPITAL A
  assert.equal(categoryOf(0x1d7ce), NUMBER); // 𝟎
  assert.equal(categoryOf(0x1d167), MARK); // musical combining mark
  assert.equal(categoryOf(0x1f600), 0); // 😀
});
