import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJsonExport } from '../../../core/exchange.ts';
import type { Mention } from '../../../core/mention.ts';
import type { Ask } from '../services.ts';
import { IMPORT_CHUNK, stageFile } from './import-run.ts';

const mention = (i: number): Mention => ({
  id: `m-${i}`,
  url: `https://example.de/${i}`,
  title: `Titel ${i} über ACME`,
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'neutral',
  status: 'new',
  tags: ['Presse'],
  note: 'x'.repeat(200),
  snippet: '… ACME …',
  createdAt: '2026-11-01T09:30:00.000Z',
  updatedAt: '2026-11-01T09:30:00.000Z',
});

/** A worker that records each message and the size it has as JSON (what Chrome caps at 64 MiB). */
function recordingWorker() {
  const messages: { type: string; bytes: number; records: number }[] = [];
  const ask = ((type: string, args: { mentions?: unknown[] }) => {
    messages.push({
      type,
      bytes: JSON.stringify(args).length,
      records: args.mentions?.length ?? 0,
    });
    if (type === 'import/begin') return Promise.resolve({ importId: 'i' });
    if (type === 'import/chunk') return Promise.resolve({ problems: [] });
    return Promise.resolve(true);
  }) as unknown as Ask;
  return { ask, messages };
}

void test('a file is staged in chunks: no message holds more than a chunk of records (issue 10 item 2)', async () => {
  const count = 5 * IMPORT_CHUNK + 17;
  const text = toJsonExport(
    Array.from({ length: count }, (_, i) => mention(i)),
    [],
  );
  const file = Object.assign(new Blob([text]), { name: 'log.json' });
  const worker = recordingWorker();
  const progress: number[] = [];
  const result = await stageFile(
    file,
    worker.ask,
    (p) => progress.push(p.records),
    () => undefined,
  );
  assert.deepEqual(result, { ok: true, importId: 'i', problems: [] });
  const chunks = worker.messages.filter((m) => m.type === 'import/chunk');
  assert.equal(chunks.length, 6);
  assert.equal(
    chunks.reduce((sum, m) => sum + m.records, 0),
    count,
  );
  for (const m of worker.messages) {
    assert.ok(m.records <= IMPORT_CHUNK);
    assert.ok(
      m.bytes < text.length / 4,
      `a message of ${m.bytes} bytes for a file of ${text.length}`,
    );
  }
  assert.equal(progress.at(-1), count);
});

void test('a file that is not an export is refused before any record is sent', async () => {
  const file = Object.assign(new Blob(['{"format":"other","version":1,"mentions":[{}]}']), {
    name: 'x.json',
  });
  const worker = recordingWorker();
  const result = await stageFile(
    file,
    worker.ask,
    () => undefined,
    () => undefined,
  );
  assert.equal(result.ok, false);
  assert.deepEqual(
    worker.messages.filter((m) => m.type === 'import/chunk'),
    [],
  );
});
