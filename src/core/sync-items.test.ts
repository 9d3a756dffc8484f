import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  joinSyncItems,
  splitForSync,
  staleSyncKeys,
  SYNC_META_KEY,
  SYNC_QUOTA,
  syncItemBytes,
  type SyncQuota,
} from './sync-items.ts';

const profile = (name: string, more: Record<string, unknown> = {}) => ({
  version: 1,
  brands: [{ id: 'acme', name, color: '#ffd54f', terms: ['ACME'], exclude: [], sites: [] }],
  ...more,
});

const NO_TOTAL: SyncQuota = { ...SYNC_QUOTA, totalBytes: Number.POSITIVE_INFINITY };

function items(doc: unknown, quota: SyncQuota = SYNC_QUOTA): Record<string, unknown> {
  const split = splitForSync(doc, quota);
  assert.ok(split.ok, JSON.stringify(split));
  return split.items;
}

/** Every item within the per-item quota, and the reported total the sum of the items. */
function assertWithinItemQuota(split: Record<string, unknown>): number {
  let total = 0;
  for (const [key, value] of Object.entries(split)) {
    const bytes = syncItemBytes(key, value);
    assert.ok(bytes <= SYNC_QUOTA.itemBytes, `${key} has ${bytes} bytes`);
    total += bytes;
  }
  return total;
}

/**
 * A profile whose split needs exactly `bytes`: a brand name of `n` times
 * `char` (estimated from one split, then searched nearby) and a paused site of
 * `pad` ASCII letters for the odd bytes.
 */
function profileOf(bytes: number, char: string) {
  const doc = (n: number, pad: number) =>
    profile(char.repeat(n), { pausedSites: ['x'.repeat(pad)] });
  const size = (n: number, pad: number) => {
    const split = splitForSync(doc(n, pad), NO_TOTAL);
    assert.ok(split.ok);
    return split.bytes;
  };
  const charBytes = new TextEncoder().encode(char).length;
  let estimate = Math.floor((bytes - size(0, 0)) / charBytes);
  estimate += Math.floor((bytes - size(estimate, 0)) / charBytes); // now with the items' overhead
  for (let n = estimate - 4; n <= estimate + 1; n++)
    for (let pad = 0; pad < 16; pad++) if (size(n, pad) === bytes) return { n, pad, doc };
  assert.fail(`no profile of ${char} gives exactly ${bytes} bytes`);
}

void test('a small profile is one chunk and the meta item, and joins back equal', () => {
  const doc = profile('ACME', { pausedSites: ['example.com'], paused: false });
  const split = items(doc);
  assert.deepEqual(Object.keys(split), [SYNC_META_KEY, 'settings.0']);
  assert.deepEqual(joinSyncItems(split), { ok: true, doc });
});

void test('item size is key plus value as JSON, in UTF-8 bytes', () => {
  assert.equal(syncItemBytes('k', 'abc'), 1 + 5);
  assert.equal(syncItemBytes('k', 'ü'), 1 + 4);
  assert.equal(syncItemBytes('k', '😀'), 1 + 6);
  assert.equal(syncItemBytes('k', 'a"b\\c\n'), 1 + 11);
  assert.equal(syncItemBytes('schlüssel', { a: 1 }), 10 + 7);
});

void test('a long profile is cut into items of at most 8,192 bytes, full to the byte', () => {
  const doc = profile('A'.repeat(30_000));
  const split = items(doc);
  assertWithinItemQuota(split);
  assert.equal(syncItemBytes('settings.0', split['settings.0']), SYNC_QUOTA.itemBytes);
  assert.deepEqual(joinSyncItems(split), { ok: true, doc });
});

void test('multi-byte names, escapes and emoji are measured in bytes and never cut in half', () => {
  for (const char of ['ü', '€', '😀', '"', '\\', '\n', '\u0001', 'a😀']) {
    const doc = profile(char.repeat(9_000));
    const split = items(doc, NO_TOTAL);
    assertWithinItemQuota(split);
    for (const [key, chunk] of Object.entries(split)) {
      if (typeof chunk !== 'string') continue;
      assert.ok(
        !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(chunk),
        `${key} keeps pairs whole (${char})`,
      );
      const room = SYNC_QUOTA.itemBytes - syncItemBytes(key, chunk);
      if (key !== `settings.${Object.keys(split).length - 2}`)
        assert.ok(room < 12, `${key} is full but for less than one character (${room} left)`);
    }
    assert.deepEqual(joinSyncItems(split), { ok: true, doc }, JSON.stringify(char));
  }
});

void test('exactly 102,400 bytes fit; one byte more is refused with the sizes and no items', () => {
  const { n, pad, doc } = profileOf(SYNC_QUOTA.totalBytes, 'a');
  const atLimit = splitForSync(doc(n, pad));
  assert.ok(atLimit.ok);
  assert.equal(atLimit.bytes, SYNC_QUOTA.totalBytes);
  assert.equal(assertWithinItemQuota(atLimit.items), SYNC_QUOTA.totalBytes);
  assert.deepEqual(joinSyncItems(atLimit.items), { ok: true, doc: doc(n, pad) });
  const over = splitForSync(doc(n, pad + 1));
  assert.deepEqual(over, {
    ok: false,
    error: 'too-large',
    bytes: SYNC_QUOTA.totalBytes + 1,
    limit: SYNC_QUOTA.totalBytes,
  });
  assert.ok(!('items' in over), 'nothing to write');
});

void test('a brand with a multi-byte name: counted in bytes, not characters', () => {
  const { n, pad, doc } = profileOf(SYNC_QUOTA.totalBytes, 'ü');
  assert.ok(n < 51_200, 'half as many characters as bytes');
  const atLimit = splitForSync(doc(n, pad));
  assert.ok(atLimit.ok && atLimit.bytes === SYNC_QUOTA.totalBytes);
  assert.deepEqual(joinSyncItems(atLimit.items), { ok: true, doc: doc(n, pad) });
  const overByOne = splitForSync(doc(n, pad + 1));
  assert.ok(
    !overByOne.ok &&
      overByOne.error === 'too-large' &&
      overByOne.bytes === SYNC_QUOTA.totalBytes + 1,
  );
  const overByUmlaut = splitForSync(doc(n + 1, pad));
  assert.ok(
    !overByUmlaut.ok &&
      overByUmlaut.error === 'too-large' &&
      overByUmlaut.bytes === SYNC_QUOTA.totalBytes + 2,
  );
  const euro = splitForSync(profile('€'.repeat(34_200)));
  assert.ok(!euro.ok && euro.error === 'too-large', '34,200 characters, over 102,600 bytes');
});

void test('something that is not JSON is a programming error, not a quota error', () => {
  assert.throws(() => splitForSync(undefined), TypeError);
});

void test('more than 512 items is refused too', () => {
  const tiny: SyncQuota = { totalBytes: Number.POSITIVE_INFINITY, itemBytes: 40, maxItems: 512 };
  const split = splitForSync(profile('x'.repeat(20_000)), tiny);
  assert.ok(
    !split.ok && split.error === 'too-many-items' && split.limit === 512 && split.items > 512,
  );
  const fits = splitForSync(profile('x'.repeat(100)), tiny);
  assert.ok(fits.ok);
});

void test('joining: nothing synced, items missing, items from two writes, a newer version, garbage', () => {
  assert.deepEqual(joinSyncItems({}), { ok: false, error: 'absent' });
  const older = items(profile('O'.repeat(20_000)));
  const newer = items(profile('N'.repeat(20_000)));
  const missing = { ...newer };
  delete missing['settings.1'];
  assert.deepEqual(joinSyncItems(missing), { ok: false, error: 'incomplete' });
  const mixed = {
    ...older,
    [SYNC_META_KEY]: newer[SYNC_META_KEY],
    'settings.0': newer['settings.0'],
  };
  assert.deepEqual(
    joinSyncItems(mixed),
    { ok: false, error: 'incomplete' },
    'the fingerprint tells',
  );
  assert.deepEqual(
    joinSyncItems({
      ...newer,
      [SYNC_META_KEY]: { ...(newer[SYNC_META_KEY] as object), version: 2 },
    }),
    { ok: false, error: 'unsupported' },
  );
  assert.deepEqual(joinSyncItems({ [SYNC_META_KEY]: 'x' }), { ok: false, error: 'corrupt' });
  assert.deepEqual(joinSyncItems({ ...newer, other: 1 }), {
    ok: true,
    doc: profile('N'.repeat(20_000)),
  });
});

void test('keys left over from a longer split are named for removal, no others', () => {
  const long = items(profile('L'.repeat(30_000)));
  const short = items(profile('S'));
  assert.deepEqual(staleSyncKeys([...Object.keys(long), 'other', 'settings.x'], short), [
    'settings.1',
    'settings.2',
    'settings.3',
  ]);
  assert.deepEqual(staleSyncKeys(Object.keys(short), long), []);
});
