/**
 * Real enterprise policies for the managed-profile story, in both browsers
 * (run as root, as CI is):
 *
 * - Chromium reads /etc/chromium/policies/managed/*.json at start and follows
 *   changes of that folder while it runs: the file is written before launch
 *   and removed when the test ends.
 * - Firefox ESR reads /etc/firefox/policies/policies.json once, at start: the
 *   file is written before launch and removed as soon as Firefox has read it
 *   (its access time moves), or at the latest once Firefox answers.
 *
 * Other test runs share this machine and these folders. So each run tests a
 * copy of the build with an id of its own (a fresh key for Chromium, a gecko
 * id with the process id for Firefox): a policy written here names only that
 * copy, and no other Chromium or Firefox, whatever it runs, is affected. The
 * Chromium file is named markenlotse-test-<pid>.json. Every file is removed
 * when its test ends, pass or fail, and again when the process exits.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../harness/launch.ts';
import type { FixtureServer } from '../../harness/server.ts';
import { ChromiumDriver } from './chromium.ts';
import type { BrowserName, ExtensionDriver } from './driver.ts';
import { FIREFOX_EXTENSION_DIR, FirefoxDriver, FirefoxSession } from './firefox.ts';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';
export const chromiumPolicyFile = (): string =>
  join(CHROMIUM_POLICY_DIR, `markenlotse-test-${process.pid}.json`);

/** Chromium's id for a manifest key: the SHA-256 of the key, its first 32 hex digits as a-p. */
export function extensionIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...hex.slice(0, 32)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** Every file this process wrote, for the exit hook. */
const written = new Set<string>();
process.on('exit', () => {
  for (const file of written) rmSync(file, { recursive: true, force: true });
});

function remove(file: string): void {
  rmSync(file, { recursive: true, force: true });
  written.delete(file);
}

interface TestBuild {
  dir: string;
  /** Chromium: the extension id; Firefox: the gecko id. */
  id: string;
}
const builds = new Map<BrowserName, TestBuild>();

/** A copy of dist/<browser> with an id of its own (one per process). */
function testBuild(browser: BrowserName): TestBuild {
  const known = builds.get(browser);
  if (known) return known;
  const dir = mkdtempSync(join(tmpdir(), `markenlotse-policy-${browser}-`));
  written.add(dir);
  cpSync(browser === 'chromium' ? EXTENSION_DIR : FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    key?: string;
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  let id: string;
  if (browser === 'chromium') {
    // Only the public half is needed: an unpacked extension is not signed.
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    manifest.key = publicKey.toString('base64');
    id = extensionIdOf(manifest.key);
  } else {
    id = `markenlotse-test-${process.pid}@markenlotse.app`;
    manifest.browser_specific_settings = {
      ...manifest.browser_specific_settings,
      gecko: { ...manifest.browser_specific_settings?.gecko, id },
    };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const build = { dir, id };
  builds.set(browser, build);
  return build;
}

export interface ManagedBrowser {
  driver: ExtensionDriver;
  /** The policy file while it exists (Chromium: for the whole test). */
  policyFile: string;
  close(): Promise<void>;
}

/** Writes `policy` for a test build, launches the browser with it, and cleans up on close. */
export async function launchWithPolicy(
  browser: BrowserName,
  server: FixtureServer,
  policy: Record<string, unknown>,
): Promise<ManagedBrowser> {
  const build = testBuild(browser);
  if (browser === 'chromium') {
    const file = chromiumPolicyFile();
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    written.add(file);
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [build.id]: policy } } }));
    try {
      const driver = await ChromiumDriver.launch(server, { extensionDir: build.dir });
      if (driver.id !== build.id)
        throw new Error(`the test build has id ${driver.id}, not ${build.id}`);
      return {
        driver,
        policyFile: file,
        close: async () => {
          try {
            await driver.close();
          } finally {
            remove(file);
          }
        },
      };
    } catch (error) {
      remove(file);
      throw error;
    }
  }

  const file = FIREFOX_POLICY_FILE;
  if (existsSync(file))
    throw new Error(`${file} exists already (another test run, or this machine's own policy)`);
  mkdirSync(join(file, '..'), { recursive: true });
  written.add(file);
  writeFileSync(
    file,
    JSON.stringify({ policies: { '3rdparty': { Extensions: { [build.id]: policy } } } }),
  );
  // Firefox reads the file in its first moments: a read moves the access
  // time off the old one set here (relatime updates it when it is older
  // than the last change), and the file goes at once.
  const old = new Date('2020-01-01T00:00:00Z');
  utimesSync(file, old, new Date());
  const watch = setInterval(() => {
    try {
      if (statSync(file).atimeMs > old.getTime()) remove(file);
    } catch {
      // gone already
    }
  }, 20);
  try {
    const session = await FirefoxSession.launch({
      extensionDir: build.dir,
      // Firefox answers long after it read its policies.
      started: () => remove(file),
    });
    return {
      driver: new FirefoxDriver(server, session),
      policyFile: file,
      close: () => session.close(),
    };
  } finally {
    clearInterval(watch);
    remove(file);
  }
}
