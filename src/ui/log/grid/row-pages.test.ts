import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowPages } from './row-pages.ts';

function source(total: number) {
  const reads: number[] = [];
  const read = (offset: number, limit: number) => {
    reads.push(offset);
    const rows = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(`row ${i}`);
    return Promise.resolve({ total, rows });
  };
  return { reads, read };
}

test('rows are read page by page, once', async () => {
  const { reads, read } = source(1000);
  const pages = new RowPages(read, 100, 5);
  assert.equal(pages.row(0), undefined);
  await pages.ensure(0, 30);
  await pages.ensure(10, 120);
  assert.deepEqual(reads, [0, 100]);
  assert.equal(pages.row(150), 'row 150');
  assert.equal(pages.total, 1000);
});

test('only a few pages are kept; the least recently used go first', async () => {
  const { read } = source(10_000);
  const pages = new RowPages(read, 100, 3);
  await pages.ensure(0, 1);
  await pages.ensure(100, 101);
  await pages.ensure(200, 201);
  pages.row(0); // page 0 used again
  await pages.ensure(300, 301);
  assert.equal(pages.row(0), 'row 0');
  assert.equal(pages.row(100), undefined, 'page 1 was the least recently used');
});

test('a reply for an old query is dropped after a reset', async () => {
  let release: (() => void) | undefined;
  const slow = (offset: number) =>
    new Promise<{ total: number; rows: string[] }>((done) => {
      release = () => done({ total: 1, rows: [`old ${offset}`] });
    });
  const pages = new RowPages(slow, 100, 3);
  const loading = pages.ensure(0, 1);
  pages.reset((offset) => Promise.resolve({ total: 1, rows: [`new ${offset}`] }));
  release?.();
  await loading;
  assert.equal(pages.row(0), undefined);
  await pages.ensure(0, 1);
  assert.equal(pages.row(0), 'new 0');
});

test('a range longer than the pages kept is still read whole', async () => {
  const { read } = source(1000);
  const pages = new RowPages(read, 10, 2);
  const rows = await pages.rows(5, 75);
  assert.equal(rows.length, 70);
  assert.equal(rows[0], 'row 5');
  assert.equal(rows.at(-1), 'row 74');
});

test('past the end of the list nothing more is read', async () => {
  const { reads, read } = source(150);
  const pages = new RowPages(read, 100, 5);
  await pages.ensure(0, 1);
  await pages.ensure(150, 400);
  assert.deepEqual(reads, [0, 100]);
});

test('reading the same query again keeps the old rows on screen until the new ones arrive', async () => {
  let version = 'a';
  const read = (offset: number) => Promise.resolve({ total: 1, rows: [`${version} ${offset}`] });
  const pages = new RowPages(read, 100, 3);
  await pages.ensure(0, 1);
  version = 'b';
  pages.reset(undefined, { keepRows: true });
  assert.equal(pages.row(0), 'a 0', 'the old row, not a blank');
  assert.equal(pages.total, 1);
  await pages.ensure(0, 1);
  assert.equal(pages.row(0), 'b 0');
  pages.reset();
  assert.equal(pages.row(0), undefined, 'another query starts blank');
});
