import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS, expiredKeys, isExpired, retentionCutoff } from './retention.ts';

const now = new Date('2026-12-01T12:00:00.000Z');
const daysAgo = (days: number, extraMs = 0) =>
  new Date(now.getTime() - days * DAY_MS - extraMs).toISOString();

test('0 days (and anything that is no whole number of days) keeps every record', () => {
  for (const days of [0, -3, 1.5, Number.NaN]) assert.equal(retentionCutoff(days, now), undefined);
  assert.deepEqual(
    expiredKeys(
      [{ k: 'a', t: daysAgo(10_000) }],
      undefined,
      (r) => r.t,
      (r) => r.k,
    ),
    [],
  );
});

test('a record exactly N days old stays; a millisecond older goes', () => {
  const cutoff = retentionCutoff(90, now);
  assert.equal(cutoff, daysAgo(90));
  assert.equal(isExpired(daysAgo(90), cutoff), false);
  assert.equal(isExpired(daysAgo(90, 1), cutoff), true);
  assert.equal(isExpired(daysAgo(89), cutoff), false);
});

test('the selection takes the old records of a mixed set, and only those', () => {
  const sightings = [
    { key: 'page https://a.example/', lastSeen: daysAgo(400) },
    { key: 'page https://b.example/', lastSeen: daysAgo(31) },
    { key: 'page https://c.example/', lastSeen: daysAgo(29) },
    { key: 'result https://d.example/', lastSeen: daysAgo(0) },
  ];
  const go = (days: number) =>
    expiredKeys(
      sightings,
      retentionCutoff(days, now),
      (s) => s.lastSeen,
      (s) => s.key,
    );
  assert.deepEqual(go(30), ['page https://a.example/', 'page https://b.example/']);
  assert.deepEqual(go(365), ['page https://a.example/']);
  assert.deepEqual(go(0), []);
});

test('times with an offset count as the instant they name; a broken time is never expired', () => {
  const cutoff = retentionCutoff(1, now); // 2026-11-30T12:00:00Z
  assert.equal(isExpired('2026-11-30T13:30:00+02:00', cutoff), true, '11:30 UTC');
  assert.equal(isExpired('2026-11-30T13:30:00+01:00', cutoff), false, '12:30 UTC');
  assert.equal(isExpired('gestern', cutoff), false);
  assert.equal(isExpired(undefined, cutoff), false);
});
