// `npm run package`: builds both browsers (minified, no source maps) and
// writes what the stores take to dist/packages/:
//
//   markenlotse-<version>-chrome.zip   Chrome Web Store (dist/chrome)
//   markenlotse-<version>-firefox.zip  addons.mozilla.org (dist/firefox)
//   markenlotse-<version>-source.zip   the sources, for Mozilla's review (SOURCE-BUILD.md)
//   SHA256SUMS
//
// The same sources give the same bytes (scripts/release/zip.ts); the package
// test rebuilds from the source archive and compares. In an unpacked source
// archive (no git) only the two store zips are written.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, packageVersion, type TargetBrowser } from './build.ts';
import { sourceFiles } from './release/sources.ts';
import { archiveTime, deterministicZip, type ZipEntry } from './release/zip.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');

export const PACKAGES_DIR = join(root, 'dist', 'packages');

export interface Package {
  /** File name inside the packages folder. */
  name: string;
  kind: TargetBrowser | 'source';
  bytes: Uint8Array;
  sha256: string;
}

export const packageName = (kind: Package['kind'], version = packageVersion()): string =>
  `markenlotse-${version}-${kind}.zip`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'));
}

/**
 * The Chrome Web Store refuses a manifest with a `key` ("key field is not
 * allowed in manifest"): the key only fixes the id of the unpacked build
 * (README, "Managed profile"); the store assigns the published id.
 */
function storeManifest(data: Buffer): Buffer {
  const manifest = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  if (!('key' in manifest)) return data;
  delete manifest.key;
  return Buffer.from(JSON.stringify(manifest, null, 2));
}

/** A built extension as store zip entries; refuses source maps, which the stores need not get. */
function extensionEntries(dir: string): ZipEntry[] {
  return filesUnder(dir).map((path) => {
    const read = readFileSync(join(dir, path));
    const data = path === 'manifest.json' ? storeManifest(read) : read;
    if (path.endsWith('.map') || (path.endsWith('.js') && data.includes('sourceMappingURL=')))
      throw new Error(
        `${relative(root, join(dir, path))} is or names a source map: package a minified build (npm run build)`,
      );
    return { path, data };
  });
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Zips dist/chrome, dist/firefox and the sources into `outDir` (emptied
 * first). With `build: false` the current dist/ is packed as it is.
 */
export async function makePackages(
  options: { outDir?: string; build?: boolean } = {},
): Promise<{ packages: Package[]; untracked: string[] }> {
  const outDir = options.outDir ?? PACKAGES_DIR;
  const browsers: TargetBrowser[] = ['chrome', 'firefox'];
  if (options.build ?? true) for (const browser of browsers) await build(browser, { minify: true });
  const time = archiveTime();
  const packages: Package[] = browsers.map((browser) => {
    const bytes = deterministicZip(extensionEntries(join(root, 'dist', browser)), time);
    return { name: packageName(browser), kind: browser, bytes, sha256: sha256(bytes) };
  });
  const sources = sourceFiles(root);
  if (sources) {
    const entries = sources.files.map(({ path, executable }) => ({
      path,
      data: readFileSync(join(root, path)),
      executable,
    }));
    const bytes = deterministicZip(entries, time);
    packages.push({ name: packageName('source'), kind: 'source', bytes, sha256: sha256(bytes) });
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const { name, bytes } of packages) writeFileSync(join(outDir, name), bytes);
  writeFileSync(
    join(outDir, 'SHA256SUMS'),
    packages.map(({ name, sha256 }) => `${sha256}  ${name}\n`).join(''),
  );
  return { packages, untracked: sources?.untracked ?? [] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { packages, untracked } = await makePackages();
  for (const { name, bytes, sha256 } of packages)
    console.log(
      `${relative(root, join(PACKAGES_DIR, name))}  ${bytes.length} bytes  sha256 ${sha256}`,
    );
  if (!packages.some((p) => p.kind === 'source'))
    console.log('Not a git checkout: no source archive, the two store zips only.');
  if (untracked.length)
    console.warn(
      `Not committed, but in the source archive (commit them before a release):\n  ${untracked.join('\n  ')}`,
    );
}
