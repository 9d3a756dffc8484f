// Builds the extension for Chromium and Firefox from one source.
//
//   npm run build                 both browsers, minified
//   npm run build -- --watch      rebuild on change
//   npm run build -- --browser=firefox
//
// Output: dist/chrome (MV3 service worker) and dist/firefox (MV3 background
// scripts, gecko id). The manifest for each is derived from ./manifest.json,
// with the version of package.json (the only place it is kept); afterwards
// every file the manifest names is checked to exist. The oldest browser
// versions in manifest.json are also esbuild's targets (docs/release.md).
import * as esbuild from 'esbuild';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resultsPageGlobs } from '../src/content/serp/hosts.ts';
import { cspProblems, permissionTableProblems } from './manifest-policy.ts';

export type TargetBrowser = 'chrome' | 'firefox';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const entryPoints = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  results: 'src/content/results/index.ts',
  popup: 'src/ui/popup/index.tsx',
  options: 'src/ui/options/index.tsx',
  log: 'src/ui/log/index.tsx',
  report: 'src/ui/report/index.tsx',
};

/** The extension's pages: each is src/ui/page.html with its own script (and the stylesheets named here). */
const PAGES: Record<string, string[]> = {
  popup: ['ui.css'],
  options: ['ui.css'],
  log: ['ui.css', 'workspace.css'],
  report: ['ui.css', 'workspace.css', 'report.css'],
};

interface ContentScriptEntry {
  js: string[];
  include_globs?: string[];
  [key: string]: unknown;
}

export type Manifest = Record<string, unknown> & {
  background: Record<string, unknown>;
  content_scripts: ContentScriptEntry[];
  minimum_chrome_version?: string;
  browser_specific_settings?: { gecko?: { strict_min_version?: string } };
};

/** Bundles that run in pages: the browser's own extension API, no polyfill, no validation library. */
const IN_PAGE_BUNDLES = ['content', 'results'];
const NOT_IN_PAGES = ['node_modules/webextension-polyfill/', 'node_modules/valibot/'];

function sourceManifest(): Manifest {
  const source = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  if ('version' in source)
    throw new Error('manifest.json must not hold a version: package.json is the only source.');
  return source;
}

/** The version of the release: package.json's, and nothing else's. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** The manifest for one browser, derived from the single source manifest. */
export function manifestFor(browser: TargetBrowser): Manifest {
  const source = sourceManifest();
  const manifest: Manifest = { ...source, version: packageVersion() };
  // The results-page script is loaded on the search engines' hosts only, as
  // their rules name them (src/content/serp/hosts.ts), so the manifest and
  // isSearchUrl cannot drift apart.
  manifest.content_scripts = source.content_scripts.map((entry) =>
    entry.js.includes('results.js') ? { ...entry, include_globs: resultsPageGlobs() } : entry,
  );
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
  } else {
    // Firefox runs MV3 backgrounds as event pages, not service workers.
    manifest.background = { scripts: ['background.js'] };
    delete manifest.minimum_chrome_version;
    // Chrome's alone: the public key that fixes the unpacked build's id, and
    // the policy schema (Firefox takes policies from policies.json unchecked).
    delete manifest.key;
    delete manifest.storage;
  }
  return manifest;
}

/**
 * esbuild's targets are the oldest browsers the manifest admits, so that no
 * syntax newer than those reaches the bundle (esbuild lowers it or fails).
 */
export function esbuildTargets(): string[] {
  const source = sourceManifest();
  const chrome = Number(source.minimum_chrome_version);
  const firefox = Number.parseInt(
    source.browser_specific_settings?.gecko?.strict_min_version ?? '',
    10,
  );
  if (!Number.isInteger(chrome) || !Number.isInteger(firefox))
    throw new Error(
      'manifest.json needs minimum_chrome_version and browser_specific_settings.gecko.strict_min_version',
    );
  return [`chrome${chrome}`, `firefox${firefox}`];
}

/** What the manifest asks for without a reason in the README, and what its CSP allows that it must not. */
export function manifestPolicyProblems(manifest: Manifest): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [...permissionTableProblems(manifest, readme), ...cspProblems(manifest)];
}

/**
 * Chrome refuses to load an extension whose policy schema breaks its rules
 * (https://developer.chrome.com/docs/extensions/reference/manifest/storage):
 * a top-level object without additionalProperties, one type per schema.
 */
function checkPolicySchema(file: string): void {
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (schema.type !== 'object' || 'additionalProperties' in schema)
    throw new Error(`${file}: the top level must be an object without additionalProperties`);
  const visit = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    const entry = node as Record<string, unknown>;
    if (typeof entry.type !== 'string' && typeof entry.$ref !== 'string')
      throw new Error(`${file}: ${path} needs exactly one type`);
    for (const [name, child] of Object.entries(
      (entry.properties as Record<string, unknown> | undefined) ?? {},
    ))
      visit(child, `${path}.${name}`);
    if (entry.items) visit(entry.items, `${path}[]`);
  };
  visit(schema, 'schema');
}

/** Every path a manifest names, so the build can prove they all exist. */
export function filesNamedBy(manifest: Manifest): string[] {
  const files: string[] = [];
  const visit = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (/\.(js|html|png|css|json)$/.test(value) && !value.startsWith('__MSG_')) files.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value))
        if (k !== 'browser_specific_settings') visit(v, k);
    }
  };
  visit(manifest);
  return files;
}

export interface BuildOptions {
  watch?: boolean;
  minify?: boolean;
  allowMissing?: boolean;
  /** Default dist/<browser>. */
  outdir?: string;
  /** A source map beside each minified bundle, not named in it (the bench reads them). */
  externalSourceMaps?: boolean;
}

export async function build(browser: TargetBrowser, options: BuildOptions = {}): Promise<string> {
  const outdir = options.outdir ?? join(root, 'dist', browser);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });

  const config: esbuild.BuildOptions = {
    absWorkingDir: root,
    // --allow-missing is for working on one part while another is still being written.
    entryPoints: options.allowMissing
      ? Object.fromEntries(
          Object.entries(entryPoints).filter(([, file]) => existsSync(join(root, file))),
        )
      : entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    target: esbuildTargets(),
    minify: options.minify ?? false,
    sourcemap: options.externalSourceMaps ? 'external' : options.minify ? false : 'linked',
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __BROWSER__: JSON.stringify(browser) },
    logLevel: 'warning',
    metafile: true,
  };

  const manifest = manifestFor(browser);
  const policy = manifestPolicyProblems(manifest);
  if (policy.length) throw new Error(`the ${browser} manifest: ${policy.join('; ')}`);
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const page of Object.keys(PAGES))
    cpSync(join(root, 'src/ui/page.html'), join(outdir, `${page}.html`));
  rewritePageScripts(outdir);
  for (const sheet of new Set(Object.values(PAGES).flat()))
    cpSync(join(root, 'src/ui', sheet), join(outdir, sheet));
  const policySchema = (manifest.storage as { managed_schema?: string } | undefined)
    ?.managed_schema;
  if (policySchema) {
    checkPolicySchema(join(root, 'managed-schema.json'));
    cpSync(join(root, 'managed-schema.json'), join(outdir, policySchema));
  }
  writeLocales(join(outdir, '_locales'));
  mkdirSync(join(outdir, 'icons'));
  for (const size of [16, 32, 48, 128])
    cpSync(join(root, `assets/icon-${size}.png`), join(outdir, `icons/icon-${size}.png`));

  if (options.watch) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  } else {
    checkInPageBundles(await esbuild.build(config), outdir);
  }
  // The pages are not all named by the manifest (log.html, report.html): checked as well.
  const pageFiles = Object.entries(PAGES).flatMap(([page, sheets]) => [
    `${page}.html`,
    `${page}.js`,
    ...sheets,
  ]);
  const missing = [...filesNamedBy(manifest), ...pageFiles].filter(
    (file) => !existsSync(join(outdir, file)),
  );
  if (missing.length)
    throw new Error(`dist/${browser} lacks files its manifest names: ${missing.join(', ')}`);
  return outdir;
}

/** The page bundles must not pull in what costs every frame of every page load (issue 15). */
function checkInPageBundles(result: esbuild.BuildResult, outdir: string): void {
  for (const [file, output] of Object.entries(result.metafile?.outputs ?? {})) {
    const name = file.replace(/^.*\//, '').replace(/\.js$/, '');
    if (!IN_PAGE_BUNDLES.includes(name) || resolve(root, file) !== join(outdir, `${name}.js`))
      continue;
    const unwanted = Object.keys(output.inputs).filter((input) =>
      NOT_IN_PAGES.some((path) => input.includes(path)),
    );
    if (unwanted.length) throw new Error(`${name}.js must not include ${unwanted.join(', ')}`);
  }
}

/**
 * Each language's strings are kept in one file per page (src/_locales/<lang>/*.json)
 * and merged into the messages.json browsers read. Every language must have
 * exactly the keys English has.
 */
export function mergedLocales(): Record<string, Record<string, unknown>> {
  const dir = join(root, 'src/_locales');
  const out: Record<string, Record<string, unknown>> = {};
  for (const lang of readdirSync(dir)) {
    const merged: Record<string, unknown> = {};
    for (const file of readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const messages = JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Record<
        string,
        unknown
      >;
      for (const [key, value] of Object.entries(messages)) {
        if (key in merged) throw new Error(`_locales/${lang}: "${key}" is defined twice (${file})`);
        merged[key] = value;
      }
    }
    out[lang] = merged;
  }
  const english = Object.keys(out.en ?? {})
    .sort()
    .join();
  for (const [lang, messages] of Object.entries(out)) {
    if (Object.keys(messages).sort().join() !== english)
      throw new Error(`_locales/${lang} does not have the same keys as en`);
  }
  const tooLong = storeTextProblems(out);
  if (tooLong.length) throw new Error(tooLong.join('\n'));
  return out;
}

/**
 * Longest texts the stores take for the manifest's localised name and
 * description, in characters: Chrome's manifest reference (name: "maximum of
 * 75 characters"; description: "no more than 132 characters",
 * developer.chrome.com/docs/extensions/reference/manifest/name and
 * …/description; the Chrome Web Store rejects an upload over them). MDN
 * gives Firefox the same 132 for the description.
 */
export const STORE_TEXT_LIMITS = { extName: 75, extDescription: 132 } as const;

/** Each locale text over a store limit, as a message for the build's error. */
export function storeTextProblems(locales: Record<string, Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const [lang, messages] of Object.entries(locales)) {
    for (const [key, limit] of Object.entries(STORE_TEXT_LIMITS)) {
      const text = (messages[key] as { message?: unknown } | undefined)?.message;
      const length = typeof text === 'string' ? [...text].length : 0;
      if (length > limit)
        problems.push(
          `_locales/${lang}: "${key}" has ${length} characters; the stores take at most ${limit}`,
        );
    }
  }
  return problems;
}

function writeLocales(target: string): void {
  for (const [lang, messages] of Object.entries(mergedLocales())) {
    mkdirSync(join(target, lang), { recursive: true });
    writeFileSync(join(target, lang, 'messages.json'), JSON.stringify(messages, null, 1));
  }
}

/** Each page shares one HTML shell; only the script and the stylesheets differ. */
function rewritePageScripts(outdir: string): void {
  for (const [page, sheets] of Object.entries(PAGES)) {
    const file = join(outdir, `${page}.html`);
    const links = sheets.map((sheet) => `<link rel="stylesheet" href="${sheet}" />`).join('\n    ');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('<link rel="stylesheet" href="ui.css" />', links)
        .replace('PAGE.js', `${page}.js`)
        .replace('PAGE', page),
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--browser='))?.split('=')[1];
  const browsers: TargetBrowser[] =
    only === 'chrome' || only === 'firefox' ? [only] : ['chrome', 'firefox'];
  const watch = args.includes('--watch');
  for (const browser of browsers) {
    const outdir = await build(browser, {
      watch,
      minify: !watch && !args.includes('--dev'),
      allowMissing: args.includes('--allow-missing'),
    });
    console.log(`built ${browser} -> ${outdir}`);
  }
}
