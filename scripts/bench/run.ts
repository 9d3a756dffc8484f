// Benchmarks Markenlotse's full pass on real pages in headless Chromium
// against mark.js 8 and against a floor (one TreeWalker pass, one combined
// regex), plus the longest main-thread task of the pass and the cost of an
// incremental update. Method and results: docs/bench.md.
//
//   npm run bench
//
// Environment: CORPUS_DIR (default ../shared/corpus from the repository root),
// CHROME_PATH (default /usr/bin/chromium), BENCH_REPEATS (timed runs per
// measurement, default 3, after one warm-up), BENCH_MARKJS_CAP_S (a mark.js
// run is stopped after this many seconds, default 10), BENCH_PAGES (comma
// separated parts of file names: only those pages), BENCH_TERMS (comma
// separated term counts out of 10, 100, 1000: only those), BENCH_NO_DOCS=1
// (do not rewrite docs/bench.md).
//
// This file runs the bench: it serves the corpus, launches Chromium and goes
// through the pages. measure.ts measures one page, results.ts reads the
// trace into numbers, report.ts writes them out.
import { chromium } from '@playwright/test';
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CHROMIUM_ARGS } from '../../harness/launch.ts';
import { corpusDir, docsFile, MODES, ONLY_PAGES, root } from './config.ts';
import { loadReport } from './load-report.ts';
import { runLoads } from './load-run.ts';
import { benchPage, log } from './measure.ts';
import { header, warmReport, writeDocs } from './report.ts';
import { serveCorpus } from './serve.ts';
import type { PageResult } from './results.ts';
import { benchTerms } from './terms.ts';

async function bundlePageEntry(): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['scripts/bench/page-entry.ts'],
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    define: { __BROWSER__: JSON.stringify('chrome') },
    write: false,
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced nothing');
  return out.text;
}

async function main(): Promise<void> {
  const dirs = ['pages', 'serp'].map((d) => join(corpusDir, d)).filter((d) => existsSync(d));
  if (dirs.length === 0) {
    console.log(
      `Benchmark skipped: no corpus at ${corpusDir} (set CORPUS_DIR to a folder with pages/ and serp/).`,
    );
    return;
  }
  const files = dirs
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
        .map((f) => relative(corpusDir, join(dir, f))),
    )
    .filter((f) => ONLY_PAGES.length === 0 || ONLY_PAGES.some((o) => f.includes(o)));

  const began = Date.now();
  const terms = benchTerms();
  const { server, origin } = await serveCorpus();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const sections: string[] = [];
  try {
    if (MODES.includes('load')) {
      log('page loads');
      sections.push(loadReport(await runLoads(files, origin, terms)));
    }
    if (MODES.includes('warm')) {
      const sources = {
        bundle: await bundlePageEntry(),
        markjs: readFileSync(join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
      };
      const results: PageResult[] = [];
      for (const file of files) {
        log(`${file}`);
        results.push(await benchPage(browser, origin, file, sources, terms));
      }
      sections.push(warmReport(results));
    }
    const body = [header(browser.version(), (Date.now() - began) / 1000, MODES), ...sections].join(
      '\n\n',
    );
    console.log(body);
    if (process.env.BENCH_NO_DOCS !== '1') {
      writeDocs(body);
      log(`\nwritten to ${relative(root, docsFile)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
