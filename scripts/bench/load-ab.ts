// Page loads of two or more builds of Markenlotse side by side, with the
// floor, in one run: for telling whether a change pays on a shared machine,
// where single loads vary by 2× and only loads taken in turn compare.
//
//   BENCH_AB=main=/tmp/ext-main,new=/tmp/ext-new BENCH_PAGES=google-desktop-coffee \
//     BENCH_TERMS=100 BENCH_REPEATS=5 npx tsx scripts/bench/load-ab.ts
//
// Each directory is a built extension for Chromium (`npm run build`, then a
// copy of dist/chrome; with `.js.map` files beside the scripts the phases are
// split, as in the page-load mode). The loads go in turn (every build, then
// the floor, per round) after one warm-up each; prints medians, writes no docs.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDir, ONLY_PAGES, REPEATS, TERM_COUNTS } from './config.ts';
import { PHASES } from './cpu-profile.ts';
import { ms, pageName } from './format.ts';
import { buildBenchExtensions } from './load-extensions.ts';
import { LoadBrowser, type LoadRun } from './load-measure.ts';
import { settingsFor } from './load-run.ts';
import { median } from './results.ts';
import { framedPath, PRE_PAGE, serveCorpus } from './serve.ts';
import { SourceMap } from './source-map.ts';
import { benchTerms } from './terms.ts';

const builds = (process.env.BENCH_AB ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map((s) => {
    const at = s.indexOf('=');
    if (at < 1) throw new Error(`BENCH_AB: "${s}" is not name=directory`);
    return { name: s.slice(0, at), dir: s.slice(at + 1) };
  });

/** A copy of a built extension that stays off the blank page each tab starts from (as the bench's own build). */
function benchCopy(dir: string): { dir: string; maps: Map<string, SourceMap> } {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}: no manifest.json`);
  const copy = mkdtempSync(join(tmpdir(), 'markenlotse-ab-'));
  cpSync(dir, copy, { recursive: true });
  const manifestFile = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    content_scripts: { exclude_globs?: string[] }[];
  };
  for (const entry of manifest.content_scripts) entry.exclude_globs = [`*/${PRE_PAGE}*`];
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  const maps = new Map<string, SourceMap>();
  for (const file of readdirSync(copy).filter((f) => f.endsWith('.js.map')))
    maps.set(
      file.slice(0, -'.map'.length),
      SourceMap.parse(readFileSync(join(copy, file), 'utf8')),
    );
  return { dir: copy, maps };
}

/** The pages named by BENCH_PAGES (parts of file names; `framed:` before one: with 20 empty frames). */
function pages(): string[] {
  const all = ['pages', 'serp'].flatMap((sub) =>
    existsSync(join(corpusDir, sub))
      ? readdirSync(join(corpusDir, sub))
          .filter((f) => f.endsWith('.html'))
          .map((f) => `${sub}/${f}`)
      : [],
  );
  return ONLY_PAGES.flatMap((part) => {
    const framed = part.startsWith('framed:');
    const name = framed ? part.slice('framed:'.length) : part;
    return all.filter((f) => f.includes(name)).map((f) => (framed ? framedPath(f) : f));
  });
}

async function main(): Promise<void> {
  if (builds.length === 0 || ONLY_PAGES.length === 0) {
    console.log('Set BENCH_AB=name=dir,name=dir (built extensions) and BENCH_PAGES.');
    return;
  }
  const n = TERM_COUNTS.includes(100) ? 100 : (TERM_COUNTS[0] ?? 100);
  const terms = benchTerms().slice(0, n);
  const bench = await buildBenchExtensions({ [n]: terms });
  const { server, origin } = await serveCorpus();
  /** Builds without source maps have no phases (every sample would read as start-up). */
  const browsers: { name: string; browser: LoadBrowser; phases: boolean }[] = [];
  try {
    for (const { name, dir } of builds) {
      const copy = benchCopy(dir);
      const browser = await LoadBrowser.launch('markenlotse', {
        dirs: { ...bench.dirs, markenlotse: copy.dir },
        maps: copy.maps,
      });
      await browser.saveSettings(settingsFor(terms));
      browsers.push({ name, browser, phases: copy.maps.size > 0 });
    }
    const floor = await LoadBrowser.launch('floor', bench);
    browsers.push({ name: 'floor', browser: floor, phases: false });
    const rows = ['| page | terms | build | median CPU ms | loads | ' + PHASES.join(' | ') + ' |'];
    rows.push(`|---|--:|---|--:|---|${PHASES.map(() => '--:').join('|')}|`);
    for (const page of pages()) {
      const url = `${origin}/${page}#terms=${n}`;
      const runs = new Map<string, LoadRun[]>(browsers.map(({ name }) => [name, []]));
      for (const { browser } of browsers) await browser.load(url);
      for (let r = 0; r < REPEATS; r++)
        for (const { name, browser } of browsers)
          runs.get(name)?.push((await browser.load(url)).run);
      for (const { name, phases: split } of browsers) {
        const list = runs.get(name) ?? [];
        const phases = PHASES.map((p) =>
          split ? ms(median(list.map((run) => run.cost.phases[p]))) : '',
        );
        const loads = list.map((run) => run.cost.totalMs.toFixed(1)).join(' / ');
        rows.push(
          `| ${pageName(page)} | ${n} | ${name} | ${ms(median(list.map((run) => run.cost.totalMs)))} | ${loads} | ${phases.join(' | ')} |`,
        );
      }
      process.stderr.write(`  ${page} done\n`);
    }
    console.log(rows.join('\n'));
  } finally {
    for (const { browser } of browsers) await browser.close();
    server.close();
  }
}

await main();
