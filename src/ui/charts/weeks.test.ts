import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countByWeek, isoWeekNumber, weekDate, weekKey, weeksBetween, weekStart } from './weeks.ts';

const local = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

test('a week begins on Monday, local midnight', () => {
  // 2026-12-01 is a Tuesday; 2026-11-29 a Sunday.
  assert.equal(weekKey(local(2026, 12, 1)), '2026-11-30');
  assert.equal(weekKey(local(2026, 11, 30, 0)), '2026-11-30');
  assert.equal(weekKey(local(2026, 11, 29, 23)), '2026-11-23');
  assert.equal(weekStart(local(2026, 12, 6)).getHours(), 0);
  assert.equal(weekDate('2026-11-30').getTime(), new Date(2026, 10, 30).getTime());
});

test('weeks between two dates, gaps included, oldest first', () => {
  assert.deepEqual(weeksBetween(local(2026, 11, 12), local(2026, 12, 1)), [
    '2026-11-09',
    '2026-11-16',
    '2026-11-23',
    '2026-11-30',
  ]);
  assert.deepEqual(weeksBetween(local(2026, 12, 1), local(2026, 11, 1)), []);
});

test('weeks over the change of clocks stay on Mondays', () => {
  // Europe changes clocks on the last Sundays of March and October.
  const weeks = weeksBetween(local(2026, 3, 16), local(2026, 4, 7));
  assert.deepEqual(weeks, ['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06']);
  const autumn = weeksBetween(local(2026, 10, 19), local(2026, 11, 3));
  assert.deepEqual(autumn, ['2026-10-19', '2026-10-26', '2026-11-02']);
});

test('a long log draws its latest weeks only', () => {
  const weeks = weeksBetween(local(2016, 1, 1), local(2026, 12, 1), 10);
  assert.equal(weeks.length, 10);
  assert.equal(weeks.at(-1), '2026-11-30');
});

test('ISO week numbers', () => {
  assert.equal(isoWeekNumber(local(2026, 12, 1)), 49);
  assert.equal(isoWeekNumber(local(2026, 1, 1)), 1);
  assert.equal(isoWeekNumber(local(2027, 1, 1)), 53);
  assert.equal(isoWeekNumber(local(2021, 1, 3)), 53);
});

test('counts per week and series, quiet weeks as zero', () => {
  const items = [
    { at: local(2026, 11, 10), s: 'positive' },
    { at: local(2026, 11, 11), s: 'negative' },
    { at: local(2026, 11, 12), s: 'negative' },
    { at: local(2026, 11, 25), s: 'neutral' },
    { at: Number.NaN, s: 'neutral' },
  ] as const;
  const weeks = countByWeek(
    items,
    (i) => i.at,
    (i) => i.s,
    ['positive', 'neutral', 'negative'],
  );
  assert.deepEqual(weeks, [
    { week: '2026-11-09', counts: { positive: 1, neutral: 0, negative: 2 } },
    { week: '2026-11-16', counts: { positive: 0, neutral: 0, negative: 0 } },
    { week: '2026-11-23', counts: { positive: 0, neutral: 1, negative: 0 } },
  ]);
  assert.deepEqual(
    countByWeek(
      [],
      () => 0,
      () => 'x',
      ['x'],
    ),
    [],
  );
});
