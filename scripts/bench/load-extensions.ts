// The three extensions the page-load mode loads, one per browser: the
// shipped Markenlotse (the production build: minified, with a source map
// beside it that the extension does not name), the floor and mark.js. The
// floor and mark.js are content scripts like ours, injected the same way
// (all http pages, cold in every page load), at document_idle; they take
// their terms from terms.js and the count from the page's address.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../build.ts';
import { root } from './config.ts';
import { PRE_PAGE } from './serve.ts';
import { SourceMap } from './source-map.ts';

export type Variant = 'markenlotse' | 'floor' | 'markjs';
export const VARIANTS: readonly Variant[] = ['markenlotse', 'floor', 'markjs'];

export interface BenchExtensions {
  dirs: Record<Variant, string>;
  /** Markenlotse's content scripts (file name in the extension → its source map). */
  maps: Map<string, SourceMap>;
}

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return out.text;
}

function writeExtension(dir: string, name: string, scripts: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(scripts)) writeFileSync(join(dir, file), text);
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    content_scripts: [
      {
        matches: ['http://*/*'],
        exclude_globs: [`*/${PRE_PAGE}*`],
        js: Object.keys(scripts),
        run_at: 'document_idle',
      },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
}

/** Builds the three extensions into a fresh temporary folder. */
export async function buildBenchExtensions(
  termSets: Record<number, string[]>,
): Promise<BenchExtensions> {
  const base = mkdtempSync(join(tmpdir(), 'markenlotse-bench-'));
  const dirs: Record<Variant, string> = {
    markenlotse: join(base, 'markenlotse'),
    floor: join(base, 'floor'),
    markjs: join(base, 'markjs'),
  };
  await build('chrome', { minify: true, outdir: dirs.markenlotse, externalSourceMaps: true });
  const manifestFile = join(dirs.markenlotse, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    content_scripts: { js: string[]; exclude_globs?: string[] }[];
  };
  // Not on the page each measured tab starts from (the only change to the shipped build).
  for (const entry of manifest.content_scripts) entry.exclude_globs = [`*/${PRE_PAGE}*`];
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  const maps = new Map<string, SourceMap>();
  for (const file of manifest.content_scripts.flatMap((entry) => entry.js))
    maps.set(file, SourceMap.parse(readFileSync(join(dirs.markenlotse, `${file}.map`), 'utf8')));

  const terms = `self.__mlBenchTerms = ${JSON.stringify(termSets)};`;
  writeExtension(dirs.floor, 'Bench floor', {
    'terms.js': terms,
    'floor.js': await bundle('scripts/bench/load-floor-entry.ts'),
  });
  writeExtension(dirs.markjs, 'Bench mark.js', {
    'terms.js': terms,
    'mark.min.js': '',
    'markjs.js': await bundle('scripts/bench/load-markjs-entry.ts'),
  });
  cpSync(join(root, 'node_modules/mark.js/dist/mark.min.js'), join(dirs.markjs, 'mark.min.js'));
  return { dirs, maps };
}
