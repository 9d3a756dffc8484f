/**
 * The log's database harmed between two runs of the browser (issue 10,
 * storage failures): its folder in the profile removed, or its files
 * overwritten with garbage. The settings live elsewhere (storage.local) and
 * stay; the log that is gone is said in the workspace, not hidden behind a
 * new, empty one. Chromium only: the profile is a folder this test can reach
 * between two launches (Firefox's driver installs the extension anew each time).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_DB_NAME } from '../src/background/log-schema.ts';
import { ChromiumDriver, expect, test as base } from './support/chromium.ts';

const test = base.extend<{ profile: string }>({
  // eslint-disable-next-line no-empty-pattern
  profile: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'markenlotse-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

const LOST_HEADING = (
  JSON.parse(
    readFileSync(new URL('../src/_locales/de/log.json', import.meta.url), 'utf8'),
  ) as Record<string, { message: string }>
).logLostHeading!.message;

const SETTINGS = { brands: [{ name: 'ACME', terms: ['ACME', 'ACME AG'] }], retentionDays: 90 };

/** A browser on `profile` with three mentions logged and the settings saved; closed again. What storage.local held. */
async function firstRun(
  server: Parameters<typeof ChromiumDriver.launch>[0],
  profile: string,
): Promise<{ id: string; local: Record<string, unknown>; settings: unknown }> {
  const driver = await ChromiumDriver.launch(server, { userDataDir: profile, lang: 'de' });
  await driver.writeSettings(SETTINGS);
  // Stored in the current shape (as any save leaves them), so that the next start writes nothing.
  await driver.askWorker('settings/change', { operations: [] });
  for (let i = 0; i < 3; i++)
    await driver.askWorker('mention/add', {
      url: `https://www.example.de/bericht-${i}`,
      title: `Bericht ${i}`,
      brands: ['ACME'],
      terms: ['ACME'],
      sentiment: 'positive',
      tags: [],
      note: `Notiz ${i}`,
      snippet: '',
    });
  const page = await driver.openExtensionPage('log.html');
  await page.waitFor({ text: 'Bericht 2' });
  const local = await driver.readStorage('local');
  const { settings } = await driver.askWorker('settings/get', null);
  const { id } = driver;
  await driver.close();
  return { id, local, settings };
}

/** The folders of the extension's IndexedDB in the profile (LevelDB and blobs). */
function logFolders(profile: string, id: string): string[] {
  const root = join(profile, 'Default', 'IndexedDB');
  return readdirSync(root)
    .filter((name) => name.startsWith(`chrome-extension_${id}_`))
    .map((name) => join(root, name));
}

/** Opens the workspace in the second run and checks what it says and keeps. */
async function secondRun(
  server: Parameters<typeof ChromiumDriver.launch>[0],
  profile: string,
  before: { local: Record<string, unknown>; settings: unknown },
): Promise<void> {
  const driver = await ChromiumDriver.launch(server, { userDataDir: profile, lang: 'de' });
  try {
    const page = await driver.openExtensionPage('log.html');
    await expect
      .poll(() => page.text({ css: '.log-loss p' }), { timeout: 20_000 })
      .toContain(LOST_HEADING);
    // The settings and everything else in storage.local but the log's own record, as they were.
    expect((await driver.askWorker('settings/get', null)).settings).toEqual(before.settings);
    const keep = (local: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(local).filter(([key]) => key !== 'logPresence'));
    const now = await driver.readStorage('local');
    expect(keep(now)).toEqual(keep(before.local));
    expect(now['logPresence']).toMatchObject({ lost: { since: expect.any(String) } });
    const stored = (await driver.storedData()).databases[LOG_DB_NAME];
    expect(stored?.stores.mentions?.records).toEqual([]);
    // The new log takes mentions.
    await driver.askWorker('mention/add', {
      url: 'https://www.example.de/neu',
      title: 'Neu',
      brands: ['ACME'],
      terms: ['ACME'],
      sentiment: 'neutral',
      tags: [],
      note: '',
      snippet: '',
    });
    await page.waitFor({ text: 'Neu' });
    expect(page.errors).toEqual([]);
  } finally {
    await driver.close();
  }
}

test('the log folder removed from the profile between two runs: the workspace says the log is gone, the settings stay', async ({
  server,
  profile,
}) => {
  const { id, ...before } = await firstRun(server, profile);
  const folders = logFolders(profile, id);
  expect(folders.length).toBeGreaterThan(0);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  await secondRun(server, profile, before);
});

test('the log files overwritten with garbage between two runs: Chromium starts the log anew, and the workspace says the log is gone', async ({
  server,
  profile,
}) => {
  const { id, ...before } = await firstRun(server, profile);
  const folders = logFolders(profile, id);
  expect(folders.length).toBeGreaterThan(0);
  for (const folder of folders)
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      if (statSync(file).isFile())
        writeFileSync(file, randomBytes(Math.max(64, statSync(file).size)));
    }
  await secondRun(server, profile, before);
});
