import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from './mention.ts';
import { applyPatch, changedFields, checkPatch } from './mention-patch.ts';

const stored: Mention = {
  id: 'm-1',
  url: 'https://example.de/a',
  title: 'A',
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'neutral',
  status: 'in-progress',
  tags: ['Presse', 'Messe'],
  note: 'from tab A',
  snippet: '',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};
const NOW = '2026-12-01T11:00:00.000Z';

test('a field changed meanwhile to another value is a conflict, and nothing is applied', () => {
  assert.deepEqual(checkPatch(stored, { note: 'from tab B' }, { note: '' }), {
    ok: false,
    fields: ['note'],
  });
  // Every field of the patch is checked, and only those of the patch.
  assert.deepEqual(
    checkPatch(
      stored,
      { sentiment: 'negative', status: 'done', note: 'B' },
      { sentiment: 'positive', status: 'new', note: 'from tab A' },
    ),
    { ok: false, fields: ['sentiment', 'status'] },
  );
});

test('no conflict when the field is as the sender saw it, or already as it wants it', () => {
  const patch = { note: 'from tab B' };
  assert.deepEqual(checkPatch(stored, patch, { note: 'from tab A' }), { ok: true, patch });
  const same = { note: 'from tab A' };
  assert.deepEqual(checkPatch(stored, same, { note: '' }), { ok: true, patch: same });
});

test('different fields never conflict: one tab the note, the other the status', () => {
  // Tab B saw the note empty, but changes the status only.
  const patch = { status: 'done' as const };
  assert.deepEqual(checkPatch(stored, patch, { status: 'in-progress' }), { ok: true, patch });
});

test('without what the sender saw, the patch applies as it is (last writer wins)', () => {
  const patch = { note: 'x' };
  assert.deepEqual(checkPatch(stored, patch, undefined), { ok: true, patch });
});

test('tags seen differently are merged as sets: both tabs keep what they added', () => {
  // Tab B saw ['Presse'], and added 'Kunde'; meanwhile tab A added 'Messe'.
  const checked = checkPatch(
    { ...stored, tags: ['Presse', 'Messe'] },
    { tags: ['Presse', 'Kunde'] },
    {
      tags: ['Presse'],
    },
  );
  assert.deepEqual(checked, { ok: true, patch: { addTags: ['Kunde'], removeTags: [] } });
  assert.ok(checked.ok);
  assert.deepEqual(applyPatch(stored, checked.patch, NOW).tags, ['Presse', 'Messe', 'Kunde']);
  // A tag B removed goes, one A added stays.
  const removed = checkPatch(stored, { tags: [] }, { tags: ['Presse'] });
  assert.ok(removed.ok);
  assert.deepEqual(applyPatch(stored, removed.patch, NOW).tags, ['Messe']);
  // Tags as the sender saw them: replaced, in the sender's order.
  const replaced = checkPatch(stored, { tags: ['Messe', 'Lob'] }, { tags: ['Presse', 'Messe'] });
  assert.deepEqual(replaced, { ok: true, patch: { tags: ['Messe', 'Lob'] } });
});

test('a note conflict stops the tags of the same patch too', () => {
  assert.deepEqual(checkPatch(stored, { note: 'B', tags: ['Kunde'] }, { note: '', tags: [] }), {
    ok: false,
    fields: ['note'],
  });
});

test('a form sends only the fields it changed, with what they were', () => {
  assert.deepEqual(
    changedFields(stored, { sentiment: 'neutral', tags: ['Presse', ' Messe '], note: 'neu' }),
    { patch: { note: 'neu' }, before: { note: 'from tab A' } },
  );
  assert.deepEqual(changedFields(stored, { sentiment: 'positive', tags: ['Presse'] }), {
    patch: { sentiment: 'positive', tags: ['Presse'] },
    before: { sentiment: 'neutral', tags: ['Presse', 'Messe'] },
  });
  assert.deepEqual(changedFields(stored, {}), { patch: {}, before: {} });
});
