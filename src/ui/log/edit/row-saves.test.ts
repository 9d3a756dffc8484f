import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowSaves, type SaveOutcome } from './row-saves.ts';

interface Rec {
  id: string;
  updatedAt: string;
  note: string;
  tags: string[];
}
type Patch = Partial<Pick<Rec, 'note' | 'tags'>>;
type Reply = SaveOutcome<Patch, Rec> | Error;

function harness() {
  const sent: { id: string; patch: Patch; before: Patch }[] = [];
  const replies: ((r: Reply) => void)[] = [];
  const saved: Rec[] = [];
  const gone: string[] = [];
  let version = 0;
  const saves = new RowSaves<Patch, Rec>(
    (id, patch, before) => {
      sent.push({ id, patch, before });
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
  const reply = (r: Reply) => replies.shift()?.(r);
  const stored = (fields: Patch): Rec => ({
    id: 'm1',
    updatedAt: `2026-12-01T10:00:0${++version}.000Z`,
    note: fields.note ?? '',
    tags: fields.tags ?? [],
  });
  const ok = (fields: Patch): Reply => ({ kind: 'saved', stored: stored(fields) });
  const settle = () => new Promise((done) => setTimeout(done, 0));
  return { saves, sent, reply, ok, saved, gone, stored, settle };
}

const base: Rec = { id: 'm1', updatedAt: '2026-12-01T09:00:00.000Z', note: '', tags: [] };

test('an edit is sent as a patch with the values the user saw, then shows saved', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'hello' }, { note: '' }, 'Title');
  assert.equal(h.saves.state('m1')?.state, 'saving');
  assert.deepEqual(h.sent, [{ id: 'm1', patch: { note: 'hello' }, before: { note: '' } }]);
  h.reply(h.ok({ note: 'hello' }));
  await h.settle();
  assert.equal(h.saves.state('m1')?.state, 'saved');
  assert.equal(h.saved.length, 1);
  assert.equal(h.saves.busy, false);
});

test('edits made while a save is on its way are merged and sent after it, based on it', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'a' }, { note: '' }, 'Title');
  // The row still shows the note from before the first save.
  h.saves.edit(base, { note: 'ab' }, { note: '' }, 'Title');
  h.saves.edit(base, { tags: ['x'] }, { tags: [] }, 'Title');
  assert.equal(h.sent.length, 1, 'one save per row at a time');
  h.reply(h.ok({ note: 'a' }));
  await h.settle();
  assert.equal(h.sent.length, 2);
  assert.deepEqual(h.sent[1], {
    id: 'm1',
    patch: { note: 'ab', tags: ['x'] },
    // The note was changed on top of the user's own 'a', not on ''.
    before: { note: 'a', tags: [] },
  });
  assert.equal(h.saves.state('m1')?.state, 'saving');
  h.reply(h.ok({ note: 'ab', tags: ['x'] }));
  await h.settle();
  assert.equal(h.saves.state('m1')?.state, 'saved');
});

test('a failed save says why, keeps the patch and sends it again on retry', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'a' }, { note: '' }, 'Title');
  h.reply(new Error('disk full'));
  await h.settle();
  assert.deepEqual(h.saves.state('m1'), {
    state: 'failed',
    error: 'failed: disk full',
    label: 'Title',
  });
  assert.equal(h.saves.busy, true, 'an unsaved edit is still waiting');
  h.saves.retry('m1');
  assert.deepEqual(h.sent[1], { id: 'm1', patch: { note: 'a' }, before: { note: '' } });
  h.reply(h.ok({ note: 'a' }));
  await h.settle();
  assert.equal(h.saves.state('m1')?.state, 'saved');
});

test('a record deleted elsewhere fails with its own message and is dropped', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'a' }, { note: '' }, 'Title');
  h.reply({ kind: 'gone' });
  await h.settle();
  assert.equal(h.saves.state('m1')?.error, 'gone');
  assert.deepEqual(h.gone, ['m1']);
  assert.equal(h.saves.busy, false);
});

/** Tab B's note meets tab A's: the conflict, as the worker answers it. */
async function conflicted() {
  const h = harness();
  h.saves.edit(base, { note: 'from B', tags: ['x'] }, { note: '', tags: [] }, 'Title');
  const theirs = h.stored({ note: 'from A' });
  h.reply({ kind: 'conflict', stored: theirs, fields: ['note'] });
  await h.settle();
  return { h, theirs };
}

test('a conflict keeps the user’s values unsent and shows them over the stored record', async () => {
  const { h, theirs } = await conflicted();
  assert.equal(h.saves.state('m1')?.state, 'conflict');
  assert.equal(h.saves.busy, true, 'leaving the page now would lose the edit');
  assert.deepEqual(h.saves.conflictList(), [
    {
      id: 'm1',
      label: 'Title',
      stored: theirs,
      fields: ['note'],
      mine: { note: 'from B', tags: ['x'] },
    },
  ]);
  // The row shows the stored record, but the user's text in the field in conflict.
  assert.deepEqual(h.saved, [theirs]);
  assert.deepEqual(h.saves.shown(theirs), { ...theirs, note: 'from B' });
  // Typing on while the choice waits sends nothing and joins the user's version.
  h.saves.edit(theirs, { note: 'from B, more' }, { note: 'from A' }, 'Title');
  h.saves.retry('m1');
  assert.equal(h.sent.length, 1);
  assert.equal(h.saves.conflictList()[0]?.mine.note, 'from B, more');
});

test('overwrite sends the user’s version checked against the other one', async () => {
  const { h, theirs } = await conflicted();
  h.saves.overwrite('m1');
  assert.deepEqual(h.sent[1], {
    id: 'm1',
    patch: { note: 'from B', tags: ['x'] },
    before: { note: 'from A', tags: [] },
  });
  assert.deepEqual(h.saves.conflictList(), [], 'chosen: no longer asked');
  // On its way, the row still shows the user's text, not the other one.
  assert.equal(h.saves.shown(theirs).note, 'from B');
  h.reply(h.ok({ note: 'from B', tags: ['x'] }));
  await h.settle();
  assert.equal(h.saves.state('m1')?.state, 'saved');
  assert.equal(h.saves.shown(theirs), theirs);
  assert.equal(h.saves.busy, false);
});

test('keep theirs drops the user’s fields in conflict and saves the rest', async () => {
  const { h, theirs } = await conflicted();
  h.saves.keepTheirs('m1');
  assert.deepEqual(h.sent[1], { id: 'm1', patch: { tags: ['x'] }, before: { tags: [] } });
  assert.equal(h.saves.shown(theirs), theirs, 'the field shows the other version again');
  h.reply(h.ok({ note: 'from A', tags: ['x'] }));
  await h.settle();
  assert.equal(h.saves.state('m1')?.state, 'saved');
  assert.equal(h.saves.busy, false);
});

test('keep theirs with nothing else to save sends nothing', async () => {
  const h = harness();
  h.saves.edit(base, { note: 'from B' }, { note: '' }, 'Title');
  h.reply({ kind: 'conflict', stored: h.stored({ note: 'from A' }), fields: ['note'] });
  await h.settle();
  h.saves.keepTheirs('m1');
  assert.equal(h.sent.length, 1);
  assert.equal(h.saves.busy, false);
  assert.deepEqual(h.saves.conflictList(), []);
});

test('the live region hears about the last change', () => {
  const h = harness();
  h.saves.edit(base, { note: 'a' }, { note: '' }, 'First');
  h.saves.edit({ ...base, id: 'm2' }, { note: 'b' }, { note: '' }, 'Second');
  assert.equal(h.saves.last?.id, 'm2');
  assert.equal(h.saves.last?.save.state, 'saving');
});
