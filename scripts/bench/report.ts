// The report: the tables of docs/bench.md, between its markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import type { BreakdownStage } from './api.ts';
import { docsFile, MARKJS_CAP_MS, REPEATS, TERM_COUNTS } from './config.ts';
import { markjsText, ms, pageName, percent, ratio, thousands } from './format.ts';
import { goals } from './goals.ts';
import { median, passWithoutOverhead, speedup, type PageResult } from './results.ts';

function fullPassTable(results: PageResult[]): string {
  const rows = [
    '| page | HTML KB | text nodes | terms | Markenlotse script | + forced style/layout | hits | floor | hits | ML ÷ floor | mark.js | marks | mark.js ÷ ML |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const n of TERM_COUNTS) {
      const ml = r.markenlotse.get(n);
      const fl = r.floor.get(n);
      const mj = r.markjs.get(n);
      if (!ml || !fl) continue;
      const s = speedup(r, n);
      rows.push(
        `| ${pageName(r.file)}${r.large ? ' (L)' : ''} | ${Math.round(r.bytes / 1024)} | ${thousands(r.stats.textNodes)} | ${n} | ` +
          `${ms(ml.scriptCpuMs)} | ${ms(ml.styleLayoutCpuMs)} | ${ml.hits} | ${ms(fl.scriptCpuMs)} | ${fl.hits} | ` +
          `${ratio(ml.scriptCpuMs / fl.scriptCpuMs)} | ${markjsText(mj)} | ${mj && mj.marks >= 0 ? mj.marks : '–'} | ` +
          `${s ? `${s.lowerBound ? '> ' : ''}${ratio(s.value)}` : '–'} |`,
      );
    }
  }
  return rows.join('\n');
}

function taskTable(results: PageResult[]): string {
  const rows = [
    '| page | terms | longest task CPU ms | its wall ms | whose | longest of ours without forced style/layout | tasks of ours | pass CPU (script + style/layout) | other main-thread CPU during pass | start() wall ms |',
    '|---|--:|--:|--:|:-:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const n of TERM_COUNTS) {
      const ml = r.markenlotse.get(n);
      if (!ml) continue;
      rows.push(
        `| ${pageName(r.file)} | ${n} | ${ms(ml.longestCpuMs)} | ${ms(ml.longestWallMs)} | ${ml.longestIsScript ? 'ours' : 'rendering'} | ` +
          `${ms(ml.longestScriptCpuMs)} | ${Math.round(ml.tasks)} | ${ms(ml.ownCpuMs)} | ${ms(ml.otherCpuMs)} | ${ms(ml.wallMs)} |`,
      );
    }
  }
  return rows.join('\n');
}

function incrementalTable(results: PageResult[]): string {
  const rows = [
    '| page | terms | page text chars | appended chars (share of page text) | full pass script CPU ms, without the evaluate | observer callback ms | rescan CPU ms | update in all | share of the full pass | style/layout the rescan forced | hits added (expected) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const [n, cell] of r.incremental) {
      const full = passWithoutOverhead(r, n);
      rows.push(
        `| ${pageName(r.file)} | ${n} | ${thousands(r.stats.textChars)} | ${thousands(cell.setup.appendedChars)} (${percent(cell.setup.appendedChars / r.stats.textChars)}) | ` +
          `${ms(full)} | ${ms(cell.observerMs)} | ${ms(cell.rescanCpuMs)} | ${ms(cell.cpuMs)} | ${percent(cell.cpuMs / full)} | ${ms(cell.rescanStyleLayoutMs)} | ` +
          `${cell.added} (${cell.setup.expectedAdded}) |`,
      );
    }
  }
  return rows.join('\n');
}

function replaceTable(results: PageResult[]): string {
  const rows = [
    '| page | terms | element | its text chars | full pass script CPU ms | observer callback ms | rescan CPU ms in all | rescan tasks | longest rescan task CPU ms (worst run) |',
    '|---|--:|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const [n, cell] of r.replace) {
      rows.push(
        `| ${pageName(r.file)} | ${n} | \`${cell.setup.element}\` | ${thousands(cell.setup.replacedChars)} | ${ms(passWithoutOverhead(r, n))} | ` +
          `${ms(cell.observerMs)} | ${ms(cell.rescanCpuMs)} | ${cell.tasks} | ${ms(cell.longestCpuMs)} |`,
      );
    }
  }
  return rows.join('\n');
}

function sheetTable(results: PageResult[]): string {
  const rows = [
    '| page | terms (brands) | adopt highlightCss() (`:root::highlight()` rules): recalc CPU ms | the same as bare `::highlight()` rules | later full recalc by the page: no sheet | with highlightCss() | with bare `::highlight()` rules |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const [n, c] of r.sheets) {
      rows.push(
        `| ${pageName(r.file)} | ${n} (${r.prepared.get(n)?.brands ?? '?'}) | ${ms(c.adopt.painter)} | ${ms(c.adopt.universal)} | ` +
          `${ms(c.pageRecalc.none)} | ${ms(c.pageRecalc.painter)} | ${ms(c.pageRecalc.universal)} |`,
      );
    }
  }
  return rows.join('\n');
}

function breakdownTable(results: PageResult[]): string {
  const rows = [
    '| page | terms | blocks | block chars | walk (collect) | match | positions | visibility | paint (ranges + Highlight.add) | sum | visibility checks | hits |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    for (const [n, cell] of r.breakdown) {
      const c = cell.cpuMs;
      // Each stage runs everything before it too; the differences are the stages' own costs.
      const own = (stage: BreakdownStage, before: BreakdownStage | null): string =>
        ms(Math.max(0, c[stage] - (before ? c[before] : 0)));
      rows.push(
        `| ${pageName(r.file)} | ${n} | ${thousands(cell.result.blocks)} | ${thousands(cell.result.blockChars)} | ${own('walk', null)} | ` +
          `${own('match', 'walk')} | ${own('positions', 'match')} | ${own('visibility', 'positions')} | ${own('paint', 'visibility')} | ` +
          `${ms(c.paint)} | ${thousands(cell.result.visibilityChecks)} | ${cell.result.hits} |`,
      );
    }
  }
  return rows.join('\n');
}
/** The filters of a partial run, as given. */
function filters(): string {
  return ['BENCH_PAGES', 'BENCH_TERMS']
    .filter((name) => process.env[name])
    .map((name) => `, ${name}=${process.env[name]}`)
    .join('');
}

/** Who ran what where: the lines that open the results. */
export function header(browserVersion: string, seconds: number, modes: readonly string[]): string {
  return [
    machine(browserVersion),
    `- Modes: ${modes.join(', ')} (BENCH_MODES). Run time: ${Math.round(seconds)} s.`,
  ].join('\n');
}

function machine(browserVersion: string): string {
  const cpu = cpus()[0]?.model ?? 'unknown';
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${availableParallelism()} cores (nproc), ${cpu}; load average at the end ${load} (1 / 5 / 15 min)`,
    `- Browser: Chromium ${browserVersion} (headless, Playwright), Node ${process.version}`,
    `- Command: \`npm run bench\` (BENCH_REPEATS=${REPEATS}, BENCH_MARKJS_CAP_S=${MARKJS_CAP_MS / 1000}${filters()})`,
  ].join('\n');
}

/** The warm pass on a loaded page (the measurements of page-entry.ts). */
export function warmReport(results: PageResult[]): string {
  const compile = TERM_COUNTS.map(
    (n) => `${n}: ${ms(median(results.map((r) => r.prepared.get(n)?.compileMs ?? NaN)))} ms`,
  ).join(', ');
  return [
    '## Warm pass on a loaded page',
    '',
    `- compileMatcher() (not part of the pass, median wall ms): ${compile}`,
    `- An empty DevTools evaluate task costs ${ms(median(results.map((r) => r.overheadMs)))} CPU ms (median over pages); every run below includes one.`,
    '',
    '### Warm pass: goals',
    '',
    goals(results),
    '',
    '### Full pass: main-thread CPU ms (median), hits',
    '',
    '(L) = large page (≥ 500 KB of HTML). "Markenlotse script" excludes the style recalculation and layout its',
    "tasks forced (next column); floor and mark.js forced none. mark.js ÷ ML uses Markenlotse's script time.",
    '',
    fullPassTable(results),
    '',
    '### Markenlotse: longest main-thread task (worst of the runs) and the pass as a whole',
    '',
    taskTable(results),
    '',
    "### Incremental update: 10 result blocks appended to a large page, rescanned by the scanner's own timer",
    '',
    incrementalTable(results),
    '',
    '### Content replaced: the main content swapped for a fresh copy (a single-page app navigating), rescanned in slices',
    '',
    replaceTable(results),
    '',
    '### Where the time goes: the pass emulated stage by stage (CPU ms, median)',
    '',
    breakdownTable(results),
    '',
    '### The highlight stylesheet: style recalculation it causes (CPU ms, median)',
    '',
    "Adopting the painter's sheet (what configure() does) into the loaded page, forcing style; then a full",
    'recalculation the page itself triggers (a custom property on the root element) while the sheet is adopted.',
    '',
    sheetTable(results),
  ].join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

export function writeDocs(body: string): void {
  const block = `${START}\n${body}\n${END}`;
  let doc = existsSync(docsFile) ? readFileSync(docsFile, 'utf8') : '# Benchmark\n\n## Results\n\n';
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  doc =
    a >= 0 && b > a
      ? doc.slice(0, a) + block + doc.slice(b + END.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docsFile, doc);
}
