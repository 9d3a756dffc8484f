// The release packages: valid, reproducible, accepted by Mozilla's linter.
// Packs the dist/ that `npm run build` made (npm test builds first), then
// unpacks the source archive into another folder, builds and packs there in
// another time zone, and compares the bytes.
import { spawnSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  filesNamedBy,
  mergedLocales,
  packageVersion,
  storeTextProblems,
  type Manifest,
} from '../build.ts';
import { cspProblems, permissionTableProblems, requestedPermissions } from '../manifest-policy.ts';
import { makePackages, packageName, type Package } from '../package.ts';
import { lintFirefoxZip } from './amo-lint.ts';
import { enginesReport } from './engines.ts';
import { archiveTime, deterministicZip } from './zip.ts';
import { zipDirectory } from './zip-directory.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const work = mkdtempSync(join(tmpdir(), 'markenlotse-package-'));
after(() => rmSync(work, { recursive: true, force: true }));

let packages: Package[] = [];
const packageOf = (kind: Package['kind']): Package => {
  const found = packages.find((p) => p.kind === kind);
  assert.ok(found, `no ${kind} package`);
  return found;
};

before(async () => {
  ({ packages } = await makePackages({ build: false, outDir: join(work, 'packages') }));
});

describe('store zips', () => {
  for (const browser of ['chrome', 'firefox'] as const) {
    test(`${browser}: a valid manifest at the top, every file it names inside, no source maps`, () => {
      const files = unzipSync(packageOf(browser).bytes);
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
      assert.equal(manifest.manifest_version, 3);
      assert.equal(manifest.version, packageVersion());
      for (const file of filesNamedBy(manifest)) assert.ok(files[file], `${file} is missing`);
      const messages = JSON.parse(
        new TextDecoder().decode(
          files[`_locales/${String(manifest.default_locale)}/messages.json`],
        ),
      ) as Record<string, unknown>;
      for (const [, key] of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g))
        assert.ok(key && key in messages, `manifest names a message "${key}" the locale lacks`);
      for (const [path, data] of Object.entries(files)) {
        assert.ok(!path.endsWith('.map'), path);
        assert.ok(!new TextDecoder().decode(data).includes('sourceMappingURL'), path);
      }
      const settings = manifest.browser_specific_settings as
        { gecko: { strict_min_version: string; data_collection_permissions: unknown } } | undefined;
      assert.equal(manifest.key, undefined, 'the stores take no key (it fixes unpacked ids only)');
      if (browser === 'chrome') {
        assert.match(manifest.minimum_chrome_version ?? '', /^\d+$/);
        assert.equal(settings, undefined);
        assert.ok(files['managed-schema.json'], 'the policy schema');
      } else {
        assert.equal(manifest.storage, undefined, 'Firefox reads no managed_schema');
        assert.equal(manifest.minimum_chrome_version, undefined);
        assert.match(settings?.gecko.strict_min_version ?? '', /^\d+\.0$/);
        assert.deepEqual(settings?.gecko.data_collection_permissions, { required: ['none'] });
      }
    });
  }

  test('entries sorted, one fixed time, fixed modes, Unix host, no extra fields or comments', () => {
    const time = new Date(archiveTime() * 1000);
    const dosDate =
      ((time.getUTCFullYear() - 1980) << 9) | ((time.getUTCMonth() + 1) << 5) | time.getUTCDate();
    const dosTime =
      (time.getUTCHours() << 11) | (time.getUTCMinutes() << 5) | (time.getUTCSeconds() >> 1);
    for (const { name, bytes } of packages) {
      const { records, commentLength } = zipDirectory(bytes);
      assert.equal(commentLength, 0, name);
      const paths = records.map((r) => r.path);
      assert.deepEqual(paths, [...paths].sort(), `${name} is not in path order`);
      for (const record of records) {
        assert.deepEqual(
          [record.dosDate, record.dosTime, record.hostSystem],
          [dosDate, dosTime, 3],
          record.path,
        );
        assert.ok(record.mode === 0o100644 || record.mode === 0o100755, record.path);
        assert.deepEqual(
          [record.centralExtraLength, record.localExtraLength, record.commentLength],
          [0, 0, 0],
          record.path,
        );
      }
    }
  });
});

test('the source archive holds the tracked sources and the build instructions, nothing built', () => {
  const files = Object.keys(unzipSync(packageOf('source').bytes));
  for (const needed of [
    'SOURCE-BUILD.md',
    'LICENSE',
    'package.json',
    'package-lock.json',
    'manifest.json',
    'scripts/build.ts',
    'src/background/index.ts',
  ])
    assert.ok(files.includes(needed), `${needed} is missing`);
  assert.deepEqual(
    files.filter((f) => /^(node_modules|dist|test-results)\//.test(f)),
    [],
  );
  assert.equal(
    new Set(zipDirectory(packageOf('source').bytes).records.map((r) => r.mode)).size,
    2,
    'the source archive keeps the executable bit of .ci/run',
  );
});

test('built again from the source archive, elsewhere and in another time zone: the same bytes', () => {
  const copy = join(work, 'unpacked');
  for (const [path, data] of Object.entries(unzipSync(packageOf('source').bytes))) {
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    writeFileSync(join(copy, path), data);
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts'], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Pacific/Kiritimati' },
  });
  assert.equal(run.status, 0, run.stderr);
  for (const browser of ['chrome', 'firefox'] as const) {
    const again = readFileSync(join(copy, 'dist/packages', packageName(browser)));
    assert.ok(
      Buffer.from(packageOf(browser).bytes).equals(again),
      `${packageName(browser)} differs from a build of the source archive: run \`npm run build\` ` +
        'first (npm test does), or the build is no longer reproducible',
    );
  }
});

test('the zip writer gives the same bytes whatever the order of its input', () => {
  const entries = ['b/z.txt', 'a.txt', 'b/a.txt'].map((path) => ({
    path,
    data: new TextEncoder().encode(path),
  }));
  const once = deterministicZip(entries, archiveTime());
  assert.deepEqual(deterministicZip([...entries].reverse(), archiveTime()), once);
  assert.notDeepEqual(
    deterministicZip(entries, archiveTime({ SOURCE_DATE_EPOCH: '1000000000' })),
    once,
  );
});

test('addons-linter on the Firefox zip: no errors, no notices, only explained warnings', async () => {
  const zip = join(work, 'packages', packageName('firefox'));
  const result = await lintFirefoxZip(zip);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.notices, []);
  assert.deepEqual(result.unexplained, [], 'explain a new warning in docs/release.md, or fix it');
});

describe('store texts', () => {
  test("every locale's name and description fit the stores' limits", () => {
    assert.deepEqual(storeTextProblems(mergedLocales()), []);
  });
  test('a description over 132 characters is refused', () => {
    const locales = { de: { extDescription: { message: 'ä'.repeat(133) } } };
    assert.equal(storeTextProblems(locales).length, 1);
  });
});

describe('Node versions', () => {
  test('every dependency runs on every Node version package.json claims', () => {
    assert.deepEqual(enginesReport(root).narrower, []);
  });
  test('a claim wider than a dependency takes is caught', () => {
    const dir = join(work, 'engines');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ engines: { node: '>=20' } }));
    writeFileSync(join(dir, 'package-lock.json'), readFileSync(join(root, 'package-lock.json')));
    assert.ok(enginesReport(dir).narrower.some(({ name }) => name.startsWith('eslint@')));
  });
});

describe('permissions and CSP of the store zips', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const zipped = (browser: 'chrome' | 'firefox') =>
    JSON.parse(
      new TextDecoder().decode(unzipSync(packageOf(browser).bytes)['manifest.json']),
    ) as Manifest;

  for (const browser of ['chrome', 'firefox'] as const) {
    test(`${browser}: each permission has its row in the README, each row its permission; the pages' CSP allows no remote code, no eval, no connection`, () => {
      const manifest = zipped(browser);
      assert.deepEqual(permissionTableProblems(manifest, readme), []);
      assert.deepEqual(cspProblems(manifest), []);
      assert.match(
        (manifest.content_security_policy as { extension_pages: string }).extension_pages,
        /connect-src 'none'/,
      );
      assert.ok(requestedPermissions(manifest).length >= 3);
    });
  }

  test('a permission without a row, a row without a permission, and a CSP that loads, evals or connects are caught', () => {
    const manifest = zipped('chrome');
    const permissions = [...((manifest.permissions as string[] | undefined) ?? []), 'tabs'];
    assert.deepEqual(permissionTableProblems({ ...manifest, permissions }, readme), [
      'the manifest asks for "tabs", and the README\'s Permissions table does not say why',
    ]);
    const extra = readme.replace(
      /(## Permissions[\s\S]*?\n)(\| `storage`)/,
      '$1| `downloads` | to save exports |\n$2',
    );
    assert.deepEqual(permissionTableProblems(manifest, extra), [
      'the README\'s Permissions table names "downloads", which the manifest does not ask for',
    ]);
    const csp = (extension_pages: string) =>
      cspProblems({ content_security_policy: { extension_pages } });
    assert.deepEqual(csp("script-src 'self'; object-src 'none'; connect-src 'none'"), []);
    assert.equal(
      csp("script-src 'self' 'unsafe-eval'; object-src 'none'; connect-src 'none'").length,
      1,
    );
    assert.equal(
      csp("script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; connect-src 'none'").length,
      1,
    );
    assert.equal(
      csp("script-src 'self' https://cdn.example; object-src 'none'; connect-src 'none'").length,
      1,
    );
    assert.equal(csp("script-src 'self'; object-src 'none'").length, 1);
    assert.equal(csp("script-src 'self'; object-src 'none'; connect-src https:").length, 1);
    assert.equal(
      csp("script-src 'self'; object-src 'none'; connect-src 'none'; worker-src *").length,
      1,
    );
    assert.deepEqual(cspProblems({}), ['content_security_policy.extension_pages is missing']);
  });
});
