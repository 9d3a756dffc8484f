// Benchmarks the brand matcher against the naive alternatives on real pages.
//
//   npm run bench:match            (CORPUS_DIR=/path/to/corpus to override)
//
// Text: every page in <corpus>/pages/*.html and <corpus>/serp/*.html, with
// script/style dropped, tags stripped crudely and basic entities decoded. Two
// shapes, as the content script produces them: each page's text nodes joined
// with BLOCK_SEPARATOR (one call per page), and the text nodes one by one
// (one call per block: mostly short strings, so per-call overhead shows).
//
// Throughput is MB of text (UTF-8) per CPU second: the median of 7 runs
// (3 for runs over half a second), taken round-robin after a warm-up run. Side by side: (a) one combined case-insensitive regex of
// all escaped terms with \b boundaries, (b) one such regex per term.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BLOCK_SEPARATOR, compileMatcher } from '../src/core/matcher.ts';
import { defaultTerm, type Brand } from '../src/core/profile.ts';
import { seededRandom as random } from '../src/core/random.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpusDir = resolve(root, process.env.CORPUS_DIR ?? '../shared/corpus');

// ---------------------------------------------------------------------------
// Corpus

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** The text nodes of a page, crudely: everything between tags, outside script and style. */
function blocksOf(html: string): string[] {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  return body
    .split(/<[^>]*>/)
    .map((t) => decode(t).trim())
    .filter((t) => t.length > 0);
}

function loadCorpus(): { pages: string[]; blocks: string[] } | null {
  const dirs = ['pages', 'serp'].map((d) => join(corpusDir, d)).filter((d) => existsSync(d));
  if (dirs.length === 0) return null;
  const pages: string[] = [];
  const blocks: string[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      const b = blocksOf(readFileSync(join(dir, file), 'utf8'));
      blocks.push(...b);
      pages.push(b.join(BLOCK_SEPARATOR));
    }
  }
  return { pages, blocks };
}

// ---------------------------------------------------------------------------
// Terms: plausible German company and product names, plus some that occur in the corpus.

// prettier-ignore
const REAL = [
  'Google', 'Dell', 'Wikipedia', 'heise', 'Guardian', 'Yahoo', 'Microsoft', 'Bing', 'Amazon', 'Apple',
  'Samsung', 'YouTube', 'Facebook', 'Twitter', 'New York Times', 'Mozilla', 'CHIP', 'Telekom', 'Siemens',
  'BBC', 'Intel', 'Starbucks', 'Hilton', 'Marriott',
];
const SURNAMES = (
  'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter ' +
  'Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner ' +
  'Krause Meier Lehmann Köhler Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel ' +
  'Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster ' +
  'Ludwig Böhm Winter Kraus Schumacher Krämer Vogt Stein Jäger Sommer Groß Seidel Heinrich Brandt Haas ' +
  'Schreiber Graf Schulte Dietrich Ziegler Kuhn Pohl Engel Horn Busch Bergmann Voigt Sauer Arnold Pfeiffer'
).split(' ');
const TRADES = (
  'Werkzeugbau Logistik Maschinenbau Elektronik Software Medien Feinkost Solartechnik Textil Druckerei ' +
  'Optik Antriebstechnik Systemhaus Kunststoffe Verpackung Reisen Immobilien Bäckerei Brauerei Holzbau ' +
  'Stahlbau Haustechnik Messtechnik Pharma Versicherungen'
).split(' ');
const FORMS = ['', '', '', ' GmbH', ' AG', ' KG', ' GmbH & Co. KG'];
const PRODUCT_A = 'Robo Turbo Aqua Öko Flex Multi Eco Smart Hydro Nano Opti Vario'.split(' ');
const PRODUCT_B = 'Drill Clean Star Max Line Tec Pro Vision Fix Grip'.split(' ');
const PRODUCT_C = ['', ' 3000', ' X', ' Plus', ' 2'];

function termList(count: number): string[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const real = REAL.slice(0, count <= 10 ? Math.ceil(count * 0.6) : REAL.length);
  const terms = new Set(real);
  while (terms.size < count) {
    terms.add(
      rnd() < 0.7
        ? `${pick(SURNAMES)} ${pick(TRADES)}${pick(FORMS)}`
        : `${pick(PRODUCT_A)}${pick(PRODUCT_B)}${pick(PRODUCT_C)}`,
    );
  }
  return [...terms];
}

/** Four terms per brand. */
function brandsOf(terms: readonly string[]): Brand[] {
  const brands: Brand[] = [];
  for (let i = 0; i < terms.length; i += 4) {
    brands.push({
      id: `b${i}`,
      name: terms[i]!,
      color: '#ffd54f',
      exclude: [],
      role: 'own',
      sites: [],
      terms: terms.slice(i, i + 4).map((t) => defaultTerm(t)),
    });
  }
  return brands;
}

// ---------------------------------------------------------------------------
// Timing

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function countAll(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** CPU seconds (user + system) this process spent in `fn`. */
function cpuSeconds(fn: () => number): { seconds: number; result: number } {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  return { seconds: (used.user + used.system) / 1e6, result };
}

/** Something to time: a function over all texts that returns a count. */
interface Runner {
  run: () => number;
  samples: number[];
  result: number;
}

const ROUNDS = 7;
/** A runner slower than this (CPU seconds per run) is timed in the first 3 rounds only. */
const SLOW = 0.5;

/**
 * Times all runners round-robin, ROUNDS times, after one warm-up run each,
 * and keeps each one's samples. Round-robin rather than one after the other,
 * so that a busy spell of the machine spreads over all of them; CPU time
 * rather than wall time, so that waiting for a CPU does not count.
 */
function timeAll(runners: readonly Runner[]): void {
  for (const r of runners) {
    const warm = cpuSeconds(r.run);
    r.result = warm.result;
    if (warm.seconds > SLOW) r.samples.push(warm.seconds);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const r of runners) {
      if (r.samples.length > 0 && r.samples[0]! > SLOW && round >= 3) continue;
      r.samples.push(cpuSeconds(r.run).seconds);
    }
  }
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

const mbps = (bytes: number, seconds: number): string => (bytes / 1e6 / seconds).toFixed(1);

function bench(label: string, texts: readonly string[], sizes: readonly number[]): void {
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const rows = sizes.map((size) => {
    const terms = termList(size);
    const t0 = performance.now();
    const matcher = compileMatcher(brandsOf(terms));
    const compileMs = performance.now() - t0;
    const combined = new RegExp(`\\b(?:${terms.map(escapeRe).join('|')})\\b`, 'gi');
    const each = terms.map((t) => new RegExp(`\\b${escapeRe(t)}\\b`, 'gi'));
    const runner = (run: () => number): Runner => ({ run, samples: [], result: 0 });
    return {
      size,
      compileMs,
      m: runner(() => texts.reduce((n, t) => n + matcher.find(t).length, 0)),
      a: runner(() => texts.reduce((n, t) => n + countAll(combined, t), 0)),
      b: runner(() =>
        texts.reduce((n, t) => n + each.reduce((k, re) => k + countAll(re, t), 0), 0),
      ),
    };
  });
  timeAll(rows.flatMap((r) => [r.m, r.a, r.b]));

  console.log(`\n### ${label}: ${texts.length} calls, ${(bytes / 1e6).toFixed(2)} MB\n`);
  console.log(
    '| terms | compile ms (wall) | matcher MB/s | hits | (a) combined regex MB/s | (b) regex per term MB/s | matcher ÷ (b) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const { size, compileMs, m, a, b } of rows) {
    const [tm, ta, tb] = [median(m.samples), median(a.samples), median(b.samples)];
    console.log(
      `| ${size} | ${compileMs.toFixed(1)} | ${mbps(bytes, tm)} | ${m.result} | ${mbps(bytes, ta)} | ` +
        `${mbps(bytes, tb)} | ${(tb / tm).toFixed(1)}× |`,
    );
  }
}

function machine(): string {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `${availableParallelism()} CPUs (${model}), Node ${process.version}, load average ${load}`;
}

const corpus = loadCorpus();
if (!corpus) {
  console.log(
    `bench:match: no corpus at ${corpusDir} (expected pages/*.html and serp/*.html); set CORPUS_DIR. Skipped.`,
  );
} else {
  console.log(`Machine: ${machine()}`);
  console.log(`Corpus: ${corpusDir}`);
  const sizes = [1, 10, 100, 1000];
  // Warm up the matcher's code paths once, so the first row is not the coldest.
  const warm = compileMatcher(brandsOf(termList(50)));
  for (let i = 0; i < 3; i++) for (const t of corpus.pages) warm.find(t);
  bench('Whole pages (blocks joined with BLOCK_SEPARATOR)', corpus.pages, sizes);
  bench('Block by block (one call per text node)', corpus.blocks, sizes);
}
