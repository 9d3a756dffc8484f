/**
 * Bundles a module of src/ into one script that a test can `page.evaluate`:
 * it defines `globalThis[<global name>]` with the module's exports. Built once
 * per module and worker, in memory. For testing content-script modules in a
 * real page without the extension around them.
 */
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cache = new Map<string, Promise<string>>();

/** `entry` relative to the repository, e.g. 'src/content/collect.ts'. */
export function pageBundle(entry: string, globalName: string): Promise<string> {
  const key = `${entry}\0${globalName}`;
  let bundle = cache.get(key);
  if (!bundle) {
    bundle = esbuild
      .build({
        entryPoints: [path.resolve(repo, entry)],
        bundle: true,
        format: 'iife',
        globalName,
        target: 'es2022',
        define: { __BROWSER__: JSON.stringify('chrome') },
        write: false,
        logLevel: 'silent',
      })
      .then((result) => {
        const file = result.outputFiles[0];
        if (!file) throw new Error(`esbuild produced no output for ${entry}`);
        // The IIFE's `var` stays local inside page.evaluate: publish it.
        return `${file.text}\nglobalThis.${globalName} = ${globalName};`;
      });
    cache.set(key, bundle);
  }
  return bundle;
}

/** The results-page reader (src/content/serp), published as `__markenlotseSerp`. */
export const SERP_GLOBAL = '__markenlotseSerp';
export const serpBundle = (): Promise<string> =>
  pageBundle('src/content/serp/index.ts', SERP_GLOBAL);
