/// <reference types="chrome" />
/**
 * Bundled into an extension page of the built extension by the log bench
 * (run.ts): fills the log's IndexedDB directly (fast, in the shape the
 * worker keeps), and times the worker's answers and the alternatives.
 */
import { LOG_DB_NAME } from '../../src/background/log-schema.ts';
import { emptyFilter, type LogFilter } from '../../src/core/log-query.ts';
import type { SiteRecord } from '../../src/core/log-records.ts';
import {
  holdsAll,
  mentionEntry,
  runMentionQuery,
  searchFold,
  searchWords,
} from '../../src/core/log-query.ts';
import type { Mention } from '../../src/core/mention.ts';
import { callWorker } from '../../src/platform/messaging.ts';
import { csvFile, jsonFile, xlsxFile } from '../../src/ui/log/exchange/export-file.ts';
import { stageFile } from '../../src/ui/log/exchange/import-run.ts';
import { logToXlsx, mentionsToCsv, toJsonExport } from '../../src/core/exchange.ts';
import { mentionChunks } from '../../src/ui/log/exchange/worker-chunks.ts';
import { pageLogReader } from '../../src/ui/log/exchange/log-read.ts';
import { addToSites, mention, queries, random, sighting, visit } from './generate.ts';

const done = (request: IDBRequest | IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('transaction failed'));
      request.onabort = () => reject(request.error ?? new Error('transaction aborted'));
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('request failed'));
    }
  });

async function openLog(): Promise<IDBDatabase> {
  const open = indexedDB.open(LOG_DB_NAME);
  await done(open);
  return open.result;
}

/**
 * Records per write transaction: big ones, since each commit costs (a million
 * sightings in transactions of 10,000 took about 32 s per 100,000 on an idle
 * machine).
 */
const BATCH = 50_000;

/** Fills the (empty) log the worker made: mentions, sightings with their site totals, results-page visits. */
async function fill(counts: {
  mentions: number;
  sightings: number;
  visits: number;
}): Promise<Record<string, number>> {
  const db = await openLog();
  const timings: Record<string, number> = {};
  const queryList = queries(300);
  let t = performance.now();
  const rm = random(1);
  for (let from = 0; from < counts.mentions; from += BATCH) {
    const tx = db.transaction('mentions', 'readwrite');
    const store = tx.objectStore('mentions');
    for (let i = from; i < Math.min(counts.mentions, from + BATCH); i++)
      store.put(mention(i, rm, queryList));
    await done(tx);
  }
  timings.mentions = performance.now() - t;
  t = performance.now();
  const rs = random(2);
  const sites = new Map<string, SiteRecord>();
  const kinds = { page: 0, result: 0, ad: 0, 'competitor-ad': 0 };
  for (let from = 0; from < counts.sightings; from += BATCH) {
    const tx = db.transaction('sightings', 'readwrite');
    const store = tx.objectStore('sightings');
    for (let i = from; i < Math.min(counts.sightings, from + BATCH); i++) {
      const s = sighting(i, rs, queryList);
      kinds[s.kind]++;
      addToSites(sites, s);
      store.put(s);
    }
    await done(tx);
    console.log(`bench-log fill: ${Math.min(counts.sightings, from + BATCH)} sightings`);
  }
  const siteTx = db.transaction('sites', 'readwrite');
  for (const site of sites.values()) siteTx.objectStore('sites').put(site);
  await done(siteTx);
  timings.sightings = performance.now() - t;
  t = performance.now();
  const rv = random(3);
  const visitTx = db.transaction('visits', 'readwrite');
  for (let i = 0; i < counts.visits; i++)
    visitTx.objectStore('visits').put(visit(i, rv, queryList));
  await done(visitTx);
  timings.visits = performance.now() - t;
  // The counts the worker keeps on every write (background/log-counts.ts).
  const metaTx = db.transaction('meta', 'readwrite');
  metaTx.objectStore('meta').put({ key: 'counts', mentions: counts.mentions, sightings: kinds });
  await done(metaTx);
  db.close();
  return timings;
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

const filter = (over: Partial<LogFilter>): LogFilter => ({ ...emptyFilter(), ...over });
const newest = { key: 'date', descending: true } as const;

/** The alternative to the index: read every mention by cursor and filter in the page (as log.html did). */
async function cursorScan(pass: (m: Mention) => boolean): Promise<number> {
  const db = await openLog();
  const tx = db.transaction('mentions');
  const request = tx.objectStore('mentions').index('createdAt').openCursor(null, 'prev');
  let found = 0;
  await new Promise<void>((resolve, reject) => {
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      if (pass(cursor.value as Mention)) found++;
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
  });
  db.close();
  return found;
}

/**
 * The path the word index replaces: every sighting by cursor, newest first,
 * with the search as it was (the words anywhere in title or address), to the end.
 */
async function sightingScan(text: string): Promise<number> {
  const words = searchWords(text);
  const db = await openLog();
  const request = db
    .transaction('sightings')
    .objectStore('sightings')
    .index('lastSeen')
    .openCursor(null, 'prev');
  let found = 0;
  await new Promise<void>((resolve, reject) => {
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      const s = cursor.value as { title: string; url: string };
      if (holdsAll(`${searchFold(s.title)}\n${s.url.toLowerCase()}`, words)) found++;
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
  });
  db.close();
  return found;
}

async function getAllScan(): Promise<number> {
  const db = await openLog();
  const request = db.transaction('mentions').objectStore('mentions').getAll();
  await done(request);
  const all = request.result as Mention[];
  const t = performance.now();
  const hits = runMentionQuery(
    all.map(mentionEntry),
    filter({ text: 'lieferung qualität' }),
    newest,
    new Map(),
  ).length;
  db.close();
  return hits + (performance.now() - t) * 0;
}

/** An export file of `count` mentions the log does not have yet, written as the workspace writes one. */
function importFile(count: number): Promise<Blob> {
  const queryList = queries(300);
  const r = random(9);
  async function* chunks() {
    for (let from = 0; from < count; from += 5_000) {
      const rows: Mention[] = [];
      for (let i = from; i < Math.min(count, from + 5_000); i++)
        rows.push({ ...mention(i, r, queryList), id: `import-${i}` });
      yield await Promise.resolve({ rows, total: count });
    }
  }
  return jsonFile({ mentions: chunks() }, new Date());
}

/** The export's progress bar, as the workspace shows it while the chunks come. */
function progress(done: number, total: number): void {
  let bar = document.querySelector('progress');
  if (!bar) bar = document.body.appendChild(document.createElement('progress'));
  bar.max = Math.max(1, total);
  bar.value = done;
  bar.textContent = `${done} / ${total}`;
}

export type ExportFormat = 'json' | 'csv-excel-de' | 'csv-standard' | 'xlsx';

/**
 * The whole log's mentions in a format, exactly as the workspace's export
 * builds the file (`'page'`: read by the page after the worker's first
 * chunk), or as it did before (`'worker'`: every chunk from the worker).
 */
function exportMentions(format: ExportFormat, read: 'page' | 'worker' = 'page'): Promise<Blob> {
  const mentions = mentionChunks(
    callWorker,
    null,
    newest,
    read === 'page' ? pageLogReader() : undefined,
  );
  async function* none() {}
  const zone = { timeZone: 'Europe/Berlin' };
  switch (format) {
    case 'json':
      return jsonFile({ mentions }, new Date(), progress);
    case 'csv-excel-de':
      return csvFile('mentions', mentions, { dialect: 'excel-de', ...zone }, progress);
    case 'csv-standard':
      return csvFile('mentions', mentions, { dialect: 'standard', ...zone }, progress);
    case 'xlsx':
      return xlsxFile({ mentions, sightings: none() }, zone, progress);
  }
}

/** The alternative: every mention by getAll() in the page, then one string (or one zip) of them all. */
async function wholeExport(format: ExportFormat): Promise<Blob> {
  const db = await openLog();
  const request = db.transaction('mentions').objectStore('mentions').getAll();
  await done(request);
  db.close();
  const mentions = request.result as Mention[];
  const zone = { timeZone: 'Europe/Berlin' };
  switch (format) {
    case 'json':
      return new Blob([toJsonExport(mentions, [])]);
    case 'csv-excel-de':
      return new Blob([mentionsToCsv(mentions, { dialect: 'excel-de', ...zone })]);
    case 'csv-standard':
      return new Blob([mentionsToCsv(mentions, { dialect: 'standard', ...zone })]);
    case 'xlsx':
      return new Blob([logToXlsx({ mentions, sightings: [] }, zone) as Uint8Array<ArrayBuffer>]);
  }
}

/** Reads and stages a file as the workspace's import does; the preview as the workspace asks for it. */
async function stage(file: Blob) {
  const staged = await stageFile(
    Object.assign(file, { name: 'bench.json' }),
    callWorker,
    () => undefined,
    () => undefined,
  );
  if (!staged.ok) throw new Error(`refused: ${staged.problem.code}`);
  const preview = await callWorker('import/preview', { importId: staged.importId });
  return { importId: staged.importId, preview };
}

const importedIds = (count: number) => Array.from({ length: count }, (_, i) => `import-${i}`);

const api = {
  importFile,
  importedIds,
  fill,
  time,
  filter,
  callWorker,
  cursorScan,
  sightingScan,
  getAllScan,
  exportMentions,
  wholeExport,
  stage,
};
(globalThis as unknown as { benchLog: typeof api }).benchLog = api;
export type BenchLogApi = typeof api;
