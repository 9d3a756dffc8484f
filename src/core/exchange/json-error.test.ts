import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonErrorOffset, lineAndColumn } from './json-error.ts';

test('JSON is JSON: no error offset', () => {
  for (const text of [
    '{}',
    ' [ ] ',
    '{"a":[1,-2.5e3,true,false,null,"x\\u00e4\\n"],"b":{}}',
    '"\\"quoted\\""',
    '0',
    '[' + '['.repeat(20_000) + ']'.repeat(20_000) + ']',
  ]) {
    assert.equal(jsonErrorOffset(text), -1, text.slice(0, 40));
  }
});

test('the offset of the first character that cannot be JSON there', () => {
  const cases: [string, number][] = [
    ['{"a":1,}', 7],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['[1,]', 3],
    ['{"a":tru}', 8],
    ['{"a":"x\ny"}', 7],
    ['{"a":"\\q"}', 7],
    ['{"a":"\\u12G4"}', 10],
    ['{a:1}', 1],
    ['[01]', 2],
    ['{} x', 3],
    ["{'a':1}", 1],
  ];
  for (const [text, offset] of cases) assert.equal(jsonErrorOffset(text), offset, text);
});

test('text that ends too early is broken at its end', () => {
  for (const text of ['{', '{"a":', '{"a":"x', '[1,', 'nul', '{"a"  ', '"\\'])
    assert.equal(jsonErrorOffset(text), text.length, text);
});

test('where V8 names a position, it is the same one', () => {
  const broken = ['{"a":1,,"b":2}', '[1,2,]', '{"a":1 "b":2}', '{"a":[1,2}', '[true, fals]'];
  for (const text of broken) {
    let message = '';
    try {
      JSON.parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    const at = /position (\d+)/.exec(message);
    if (at) assert.equal(jsonErrorOffset(text), Number(at[1]), `${text}: ${message}`);
  }
});

test('line and column are 1-based and count from the last line break', () => {
  const text = 'ab\ncd\r\nef';
  assert.deepEqual(lineAndColumn(text, 0), { line: 1, column: 1 });
  assert.deepEqual(lineAndColumn(text, 4), { line: 2, column: 2 });
  assert.deepEqual(lineAndColumn(text, 7), { line: 3, column: 1 });
  assert.deepEqual(lineAndColumn(text, text.length), { line: 3, column: 3 });
});
