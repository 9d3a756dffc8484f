/**
 * A company rolls Markenlotse out with a real enterprise policy (Chromium:
 * /etc/chromium/policies/managed/, Firefox: /etc/firefox/policies/): its
 * brands light up together with the user's own, the options show them and
 * the locked settings read-only, and the works-council mode it sets is
 * enforced. Every test here writes a policy file, so they run one after the
 * other (serial) and each removes its file (e2e/support/policy.ts).
 */
import { writeFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { DEMO_PAGE_HITS } from '../../harness/launch.ts';
import { startServer, type FixtureServer } from '../../harness/server.ts';
import {
  highlightRanges,
  paintedCount,
  type BrowserName,
  type ExtensionDriver,
  type PageDriver,
} from '../support/driver.ts';
import { firefoxMissing } from '../support/firefox.ts';
import { launchWithPolicy, type ManagedBrowser } from '../support/policy.ts';

const MUELLER = {
  name: 'Müller Werkzeugbau',
  color: '#ffd54f',
  terms: ['Müller Werkzeugbau', 'RoboDrill 3000'],
  exclude: ['Müller Werkzeugbau Museum'],
  sites: ['mueller-werkzeugbau.example'],
};
const ACME = {
  name: 'ACME',
  role: 'competitor',
  color: '#4fc3f7',
  terms: ['ACME'],
  exclude: ['ACME Looney'],
};

const test = base.extend<
  { launch: (policy: Record<string, unknown>) => Promise<ManagedBrowser> },
  { server: FixtureServer }
>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  launch: async ({ server }, use, testInfo) => {
    const browser = testInfo.project.name as BrowserName;
    if (browser === 'firefox') testInfo.skip(firefoxMissing() !== null, firefoxMissing() ?? '');
    const opened: ManagedBrowser[] = [];
    await use(async (policy) => {
      const managed = await launchWithPolicy(browser, server, policy);
      opened.push(managed);
      return managed;
    });
    // Pass or fail: the browser closes and its policy file goes.
    for (const managed of opened) await managed.close();
  },
});
test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function demoPage(driver: ExtensionDriver): Promise<{ page: PageDriver; tabId: number }> {
  const page = await driver.openWebPage(driver.server.url('results.html'));
  return { page, tabId: await driver.tabIdOf(page) };
}

test('the company’s brands light up with the user’s own, show read-only, and its mode is enforced', async ({
  launch,
}) => {
  const { driver } = await launch({
    brands: [MUELLER, { name: 'Otto', color: 'rot', terms: ['Otto Versand'] }],
    mode: 'manual-only',
    retentionDays: 30,
    pausedSites: ['intranet.mueller.example'],
  });
  // The user has a competitor of their own, and chose full recording.
  await driver.writeSettings({ brands: [ACME], mode: 'full' });

  const { page, tabId } = await demoPage(driver);
  // Company brands first (Müller, then Otto, not on this page), then the user's.
  await expect
    .poll(() => highlightRanges(page), { timeout: 20_000 })
    .toEqual({
      'markenlotse-0': DEMO_PAGE_HITS['markenlotse-0'],
      'markenlotse-1': [],
      'markenlotse-2': ['ACME'],
      'markenlotse-focus': [],
    });
  await expect.poll(() => driver.badgeText(tabId)).toBe('9');

  const options = await driver.openExtensionPage('options.html');
  await options.waitFor({ role: 'heading', name: 'Set by your company' });
  expect(await options.text({ css: '.managed-brands' })).toContain('Müller Werkzeugbau');
  expect(await options.text({ css: '.managed-brands' })).toContain('RoboDrill 3000');
  // The user's own brand stays theirs to edit.
  expect(await options.value({ label: 'Competitor’s name' })).toBe('ACME');
  // The mode and the retention the company set: shown as in force, not changeable.
  expect(await options.controlState({ css: 'input[name="mode"][value="manual-only"]' })).toEqual({
    checked: true,
    disabled: true,
  });
  expect(await options.controlState({ css: 'input[name="mode"][value="full"]' })).toEqual({
    checked: false,
    disabled: true,
  });
  expect(await options.value({ label: 'Delete sightings after' })).toBe('30');
  expect((await options.controlState({ label: 'Delete sightings after' }))?.disabled).toBe(true);
  expect(await options.text({ css: '#recording' })).toContain(
    'Your company set this in its policy; it cannot be changed here.',
  );
  expect(await options.text({ css: '.managed-sites' })).toContain('intranet.mueller.example');
  // What the policy holds and cannot be used is said, with its path.
  await options.click({ text: 'Entries of the policy that could not be used: 1' });
  expect(await options.text({ css: '.banner-managed' })).toContain('brands[1].color');
  // A page that ignores the lock is refused by the worker.
  await expect(
    driver.askWorker('settings/change', {
      operations: [{ op: 'set', field: 'mode', value: 'full' }],
    }),
  ).rejects.toThrow('settings-locked');

  // The works-council mode: a mention logged on purpose is stored, the visit is not.
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.fill({ label: 'Note' }, 'Logged on purpose');
  await popup.click({ role: 'button', name: 'Log mention' });
  await expect.poll(() => popup.text({ role: 'status' })).toContain('Logged');
  const exported = JSON.parse(
    (await popup.download({ role: 'button', name: 'Export JSON' })).text,
  ) as { mentions: { note: string }[]; sightings: unknown[] };
  expect(exported.mentions.map((m) => m.note)).toEqual(['Logged on purpose']);
  expect(exported.sightings).toEqual([]);
  expect(await paintedCount(page)).toBe(9);
});

test('delete everything keeps what the company set: its brands come back on the first-run page', async ({
  launch,
}) => {
  const { driver } = await launch({ brands: [MUELLER] });
  await driver.writeSettings({ brands: [ACME], exportedBy: 'Team Süd' });
  const { page } = await demoPage(driver);
  await expect.poll(() => paintedCount(page), { timeout: 20_000 }).toBe(9);
  await expect.poll(async () => (await driver.log()).sightings.length).toBe(1);

  const options = await driver.openExtensionPage('options.html');
  await options.click({ role: 'button', name: 'Delete everything…' });
  const erasedAt = new Date().toISOString();
  await options.click({ role: 'button', name: 'Yes, delete everything' });
  await expect.poll(() => options.url()).toMatch(/options\.html\?welcome=1$/);
  await options.waitFor({ role: 'heading', name: 'Set by your company' });

  expect(await driver.readSettings()).toBeUndefined();
  // Only the company's brand is looked for now.
  await expect.poll(() => paintedCount(page)).toBe(8);
  // Nothing from before is left. The open page, scanned again under the
  // company's brand, may be recorded anew (as on a first install), with it alone.
  const { mentions, sightings } = await driver.log();
  expect(mentions).toEqual([]);
  for (const sighting of sightings) {
    expect(sighting.firstSeen >= erasedAt).toBe(true);
    expect(sighting.terms.map((t) => t.brand)).toEqual(sighting.terms.map(() => MUELLER.name));
  }
});

test('a policy that allows no brands of the user’s own: only the company’s are looked for', async ({
  launch,
}) => {
  const { driver } = await launch({ brands: [MUELLER], allowUserBrands: false });
  await driver.writeSettings({ brands: [ACME] });
  const { page } = await demoPage(driver);
  await expect.poll(() => paintedCount(page), { timeout: 20_000 }).toBe(8);
  expect(Object.keys(await highlightRanges(page))).not.toContain('markenlotse-1');

  const options = await driver.openExtensionPage('options.html');
  await options.waitFor({ text: 'Not looked for: your company allows only the brands it sets.' });
  expect(await options.text({ css: '#competitor-brands-heading ~ .banner-managed' })).toContain(
    'you cannot add brands of your own',
  );
  expect(await options.text({ role: 'button', name: 'Add competitor' })).toBeNull();
  expect(await options.text({ role: 'button', name: 'Add brand' })).toBeNull();
});

test('a policy changed while Chromium runs reaches every open tab without a reload', async ({
  launch,
}, testInfo) => {
  testInfo.skip(
    testInfo.project.name !== 'chromium',
    'Firefox reads policies.json once, at start; Chromium follows its policy folder',
  );
  const managed = await launch({ brands: [MUELLER] });
  const { driver } = managed;
  const { page } = await demoPage(driver);
  await expect.poll(() => paintedCount(page), { timeout: 20_000 }).toBe(8);

  writeFileSync(
    managed.policyFile,
    JSON.stringify({
      '3rdparty': {
        extensions: { [new URL(driver.extensionUrl('')).host]: { brands: [MUELLER, ACME] } },
      },
    }),
  );
  // Chromium reloads the folder a few seconds after it changes.
  await expect.poll(() => paintedCount(page), { timeout: 40_000 }).toBe(9);
});
