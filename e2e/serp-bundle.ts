/**
 * Bundles the results-page reader (src/content/serp) into one script that a
 * test can `page.evaluate`: it defines `globalThis.__markenlotseSerp` with
 * the module's exports. Built once per worker, in memory.
 */
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.resolve(here, '../src/content/serp/index.ts');
export const SERP_GLOBAL = '__markenlotseSerp';

let cached: Promise<string> | null = null;

export function serpBundle(): Promise<string> {
  cached ??= esbuild
    .build({
      entryPoints: [ENTRY],
      bundle: true,
      format: 'iife',
      globalName: SERP_GLOBAL,
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    })
    .then((result) => {
      const file = result.outputFiles[0];
      if (!file) throw new Error('esbuild produced no output for src/content/serp/index.ts');
      // The IIFE's `var` stays local inside page.evaluate: publish it.
      return `${file.text}\nglobalThis.${SERP_GLOBAL} = ${SERP_GLOBAL};`;
    });
  return cached;
}
