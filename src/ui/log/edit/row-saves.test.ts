import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowSaves } from './row-saves.ts';

interface Rec {
  id: string;
  updatedAt: string;
  note: string;
  tags: string[];
}
type Patch = Partial<Pick<Rec, 'note' | 'tags'>>;

function harness() {
  const sent: { id: string; patch: Patch; seen: string }[] = [];
  const replies: ((r: Rec | null | Error) => void)[] = [];
  const saved: Rec[] = [];
  const gone: string[] = [];
  let version = 0;
  const saves = new RowSaves<Patch, Rec>(
    (id, patch, seen) => {
      sent.push({ id, patch, seen });
      return new Promise((resolve, reject) =>
        replies.push((r) => (r instanceof Error ? reject(r) : resolve(r))),
      );
    },
    {
      saved: (r) => saved.push(r),
      gone: (id) => gone.push(id),
      changed: () => {},
      describe: (e) => `failed: ${(e as Error).message}`,
      goneText: 'gone',
    },
  );
  const reply = (r: Rec | null | Error) => replies.shift()?.(r);
  const stored = (patch: Patch): Rec => ({
    id: 'm1',
    updatedAt: `2026-12-01T10:00:0${++version}.000Z`,
    note: patch.note ?? '',
    tags: patch.tags ?? [],
  });
  const settle = () => new Promise((done) => setTimeout(done, 0));
  return { saves, sent, reply, saved, gone, stored, settle };
}

const base: Rec = { id: 'm1', updatedAt: '2026-12-01T09:00:00.000Z', note: '', tags: [] };

test('an edit is sent as a patch with the version the user saw, then shows saved', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'hello' }, 'Title');
  assert.equal(h.saves.state('m1')?.state, 'saving');
  assert.deepEqual(h.sent, [{ id: 'm1', patch: { note: 'hello' }, seen: base.updatedAt }]);
  h.reply(h.stored({ note: 'hello' }));
  await h.settle();
  assert.equal(h.saves.state('m1')?.state, 'saved');
  assert.equal(h.saved.length, 1);
  assert.equal(h.saves.busy, false);
});

test('edits made while a save is on its way are merged and sent after it, with its time stamp', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'a' }, 'Title');
  h.saves.edit(base, { note: 'ab' }, 'Title');
  h.saves.edit(base, { tags: ['x'] }, 'Title');
  assert.equal(h.sent.length, 1, 'one save per row at a time');
  const first = h.stored({ note: 'a' });
  h.reply(first);
  await h.settle();
  assert.equal(h.sent.length, 2);
  assert.deepEqual(h.sent[1], {
    id: 'm1',
    patch: { note: 'ab', tags: ['x'] },
    seen: first.updatedAt,
  });
  assert.equal(h.saves.state('m1')?.state, 'saving');
  h.reply(h.stored({ note: 'ab', tags: ['x'] }));
  await h.settle();
  assert.equal(h.saves.state('m1')?.state, 'saved');
});

test('a failed save says why, keeps the patch and sends it again on retry', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'a' }, 'Title');
  h.reply(new Error('disk full'));
  await h.settle();
  assert.deepEqual(h.saves.state('m1'), {
    state: 'failed',
    error: 'failed: disk full',
    label: 'Title',
  });
  assert.equal(h.saves.busy, true, 'an unsaved edit is still waiting');
  h.saves.retry('m1');
  assert.deepEqual(h.sent[1]?.patch, { note: 'a' });
  h.reply(h.stored({ note: 'a' }));
  await h.settle();
  assert.equal(h.saves.state('m1')?.state, 'saved');
});

test('a record deleted elsewhere fails with its own message and is dropped', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'a' }, 'Title');
  h.reply(null);
  await h.settle();
  assert.equal(h.saves.state('m1')?.error, 'gone');
  assert.deepEqual(h.gone, ['m1']);
  assert.equal(h.saves.busy, false);
});

test('the live region hears about the last change', () => {
  const h = harness();
  h.saves.edit(base, { note: 'a' }, 'First');
  h.saves.edit({ ...base, id: 'm2' }, { note: 'b' }, 'Second');
  assert.equal(h.saves.last?.id, 'm2');
  assert.equal(h.saves.last?.save.state, 'saving');
});
