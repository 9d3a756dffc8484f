// The log bench's export and import of 100,000 mentions (see measure.ts):
// the workspace's chunked files and staged import. Exports stand beside the
// whole-log path they replace, measured in the page (getAll() and one
// string). The one-message paths (log/get, log/import) are no longer in the
// worker's protocol, so they have no row: an import has no whole-log
// alternative left to run (docs/bench-log.md).
import type { Page } from '@playwright/test';
import type { Add } from './measure.ts';
import type { BenchLogApi, ExportFormat } from './page-entry.ts';

declare const benchLog: BenchLogApi;

const FORMATS: [ExportFormat, string][] = [
  ['json', 'JSON'],
  ['csv-excel-de', 'CSV Excel (Deutsch)'],
  ['csv-standard', 'CSV Standard'],
  ['xlsx', '.xlsx'],
];

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export async function measureExchange(page: Page, add: Add): Promise<void> {
  const group = 'Export of 100,000 mentions';
  // One read of every mention first, so that no path pays alone for a cold disk cache.
  await page.evaluate(() => benchLog.wholeExport('json'));
  for (const [format, name] of FORMATS) {
    const r = await page.evaluate(async (f) => {
      const chunked = await benchLog.time(() => benchLog.exportMentions(f));
      const worker = await benchLog.time(() => benchLog.exportMentions(f, 'worker'));
      const whole = await benchLog.time(() => benchLog.wholeExport(f));
      return {
        chunked: chunked.ms,
        bytes: chunked.value.size,
        worker: worker.ms,
        workerBytes: worker.value.size,
        whole: whole.ms,
      };
    }, format);
    add({ group, name, runs: [r.chunked], goal: 3000, note: megabytes(r.bytes) });
    add({
      group,
      name: `alternative: ${name}, every chunk from the worker (before)`,
      runs: [r.worker],
      note: megabytes(r.workerBytes),
    });
    add({ group, name: `alternative: ${name} from getAll() as one string`, runs: [r.whole] });
  }

  const imported = await page.evaluate(async () => {
    const file = await benchLog.importFile(100_000);
    const staged = await benchLog.time(() => benchLog.stage(file));
    const commit = await benchLog.time(() =>
      benchLog.callWorker('import/commit', { importId: staged.value.importId, choices: {} }),
    );
    const again = await benchLog.time(() => benchLog.stage(file));
    await benchLog.callWorker('import/cancel', { importId: again.value.importId });
    const ids = benchLog.importedIds(100_000);
    const bulk = await benchLog.time(() =>
      benchLog.callWorker('mentions/bulk', { target: { ids }, change: { delete: true } }),
    );
    return {
      size: file.size,
      preview: staged.ms,
      added: staged.value.preview.mentions.added,
      commit: commit.ms,
      summary: commit.value,
      again: again.ms,
      againPreview: again.value.preview.mentions,
      bulk: bulk.ms,
      deleted: bulk.value.changed,
    };
  });
  const into = 'Import of 100,000 mentions';
  add({
    group: into,
    name: 'read, stage and preview (the workspace’s streamed import)',
    runs: [imported.preview],
    note: `${megabytes(imported.size)}, ${imported.added} new`,
  });
  add({
    group: into,
    name: 'commit (one transaction)',
    runs: [imported.commit],
    note: `added ${imported.summary.added}`,
  });
  add({
    group: into,
    name: 'preview + commit',
    runs: [imported.preview + imported.commit],
    goal: 10_000,
  });
  add({
    group: into,
    name: 'the same file again: preview',
    runs: [imported.again],
    note: `${imported.againPreview.identical} identical, ${imported.againPreview.added} new`,
  });
  add({
    group: 'Bulk edit',
    name: 'delete 100,000 mentions by id (with undo images)',
    runs: [imported.bulk],
    note: `${imported.deleted} deleted`,
  });
}
