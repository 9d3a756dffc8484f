import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  finishUndo,
  NO_UNDO,
  recordBulk,
  startUndo,
  UNDO_WINDOW_MS,
  undoable,
  type BulkDone,
} from './undo.ts';

const edit = (token: string | undefined, at = 1000): BulkDone => ({
  token,
  count: 3,
  action: 'negative',
  at,
});

test('the latest bulk edit can be undone, once', () => {
  let s = recordBulk(NO_UNDO, edit('t1'));
  assert.equal(undoable(s, 2000)?.token, 't1');
  s = startUndo(s, 't1');
  assert.equal(undoable(s, 2000), undefined, 'no second click while undoing');
  s = finishUndo(s, true);
  assert.equal(undoable(s, 2000), undefined);
});

test('a new bulk edit replaces the one before: only one level of undo', () => {
  let s = recordBulk(NO_UNDO, edit('t1'));
  s = recordBulk(s, edit('t2'));
  assert.equal(undoable(s, 2000)?.token, 't2');
  assert.equal(startUndo(s, 't1'), s, 'an old token starts nothing');
});

test('an edit without a token cannot be undone and clears the one before', () => {
  const s = recordBulk(recordBulk(NO_UNDO, edit('t1')), edit(undefined));
  assert.equal(undoable(s, 2000), undefined);
});

test('undo is offered for a while only', () => {
  const s = recordBulk(NO_UNDO, edit('t1', 0));
  assert.ok(undoable(s, UNDO_WINDOW_MS));
  assert.equal(undoable(s, UNDO_WINDOW_MS + 1), undefined);
});

test('a failed undo stays offered', () => {
  const s = finishUndo(startUndo(recordBulk(NO_UNDO, edit('t1')), 't1'), false);
  assert.equal(undoable(s, 2000)?.token, 't1');
});
