import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excelSerial, germanDateTime, isoWithOffset, localClock } from './local-time.ts';

const at = (iso: string) => Date.parse(iso);

void test('on the days the clocks change, every time gets its own offset', () => {
  const berlin = localClock('Europe/Berlin');
  // 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00 UTC).
  assert.equal(isoWithOffset(at('2026-03-29T00:59:59Z'), berlin), '2026-03-29T01:59:59+01:00');
  assert.equal(isoWithOffset(at('2026-03-29T01:00:00Z'), berlin), '2026-03-29T03:00:00+02:00');
  // 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:30 happens twice.
  assert.equal(isoWithOffset(at('2026-10-25T00:30:00Z'), berlin), '2026-10-25T02:30:00+02:00');
  assert.equal(isoWithOffset(at('2026-10-25T01:30:00Z'), berlin), '2026-10-25T02:30:00+01:00');
  assert.equal(germanDateTime(at('2026-10-25T01:30:00Z'), berlin), '25.10.2026 02:30');
  // The same clock again, now from its cache, in the other order.
  assert.equal(isoWithOffset(at('2026-03-29T01:00:00Z'), berlin), '2026-03-29T03:00:00+02:00');
  assert.equal(isoWithOffset(at('2026-03-29T00:59:59Z'), berlin), '2026-03-29T01:59:59+01:00');
});

void test("without a zone the runtime's own is used", () => {
  const clock = localClock();
  for (const iso of ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z']) {
    const time = at(iso);
    assert.equal(clock.offsetMinutes(time), -new Date(time).getTimezoneOffset());
    const d = new Date(time);
    const pad = (n: number) => String(n).padStart(2, '0');
    assert.equal(
      germanDateTime(time, clock),
      `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`,
    );
  }
});

void test('an unknown zone is refused', () => {
  assert.throws(() => localClock('Mars/Olympus_Mons'), RangeError);
});

void test('Excel serial dates count local days from 1899-12-30', () => {
  const utc = localClock('UTC');
  assert.equal(excelSerial(at('1900-03-01T00:00:00Z'), utc), 61);
  assert.equal(excelSerial(at('2026-11-27T12:00:00Z'), utc), 46353.5);
  assert.equal(
    excelSerial(at('2026-11-27T09:30:00Z'), localClock('Europe/Berlin')),
    46353 + 10.5 / 24,
  );
  assert.equal(
    excelSerial(at('1900-02-28T23:59:59Z'), utc),
    undefined,
    "before Excel's leap-year bug",
  );
});
