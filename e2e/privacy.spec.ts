/**
 * Nothing leaves the computer, and the build is clean (issue 10, "Privacy and
 * permissions"). Across the whole flow (a results page highlighted, the
 * badge, a mention logged from the popup, JSON and CSV exported from the
 * popup and from the workspace, the export imported again, the options page)
 * the extension makes no network request: every request of every page and
 * frame (Playwright), and every URL request of the browser's network stack
 * (its net log, which holds the service worker's too), goes to the fixture
 * pages the test opens, or is the browser's own. Afterwards chrome://extensions
 * lists no manifest warning and no runtime error for it.
 *
 * Each recorder is shown to work: requests made on purpose from a page, from
 * the content script's world and from an extension page are caught; a
 * worker's fetch fails before it is made (`connect-src 'none'`); an error
 * thrown on purpose in the worker, and the warning of a build with an unknown
 * manifest key, are listed. Chromium alone: the net log, the DevTools
 * protocol and chrome.developerPrivate are Chromium's.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from '@playwright/test';
import { EXTENSION_DIR } from '../harness/launch.ts';
import type { FixtureServer } from '../harness/server.ts';
import { ExtensionErrors } from './support/extension-errors.ts';
import { readNetLog, requestsOfConcern } from './support/net-log.ts';
import {
  ChromiumDriver,
  DEMO_PAGE_TOTAL,
  DEMO_SETTINGS,
  expect,
  paintedCount,
  test as base,
} from './support/chromium.ts';

// Playwright's trace recorder would add requests of its own.
base.use({ trace: 'off' });

/** Each test's browser, with its net log (written when the browser closes) and every request Playwright saw. */
const test = base.extend<{ netLog: string; requests: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  netLog: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'markenlotse-netlog-'));
    await use(join(dir, 'net-log.json'));
    rmSync(dir, { recursive: true, force: true });
  },
  driver: async ({ server, netLog }, use) => {
    const driver = await ChromiumDriver.launch(server, { args: [`--log-net-log=${netLog}`] });
    await use(driver);
    await driver.close();
  },
  requests: async ({ context }, use) => {
    const requests: string[] = [];
    const note = (request: Request) => requests.push(request.url());
    context.on('request', note);
    await use(requests);
  },
});

/** What the fixture server may be asked for: the pages the test opens, and the favicon a tab asks for. */
function fixtureRequest(server: FixtureServer, url: string): boolean {
  return ['/results.html', '/favicon.ico'].some((path) => url === server.url(path));
}

test('the whole flow makes no network request, and leaves no manifest warning and no runtime error', async ({
  driver,
  context,
  server,
  netLog,
  requests,
}) => {
  test.setTimeout(120_000);
  const errors = await ExtensionErrors.watch(driver);
  const own = driver.extensionUrl('');

  // Highlights and the badge.
  await driver.writeSettings(DEMO_SETTINGS);
  const page = await driver.openWebPage(server.url('results.html'));
  await expect.poll(() => paintedCount(page)).toBe(DEMO_PAGE_TOTAL);
  const tabId = await driver.tabIdOf(page);
  await expect.poll(() => driver.badgeText(tabId)).toBe(String(DEMO_PAGE_TOTAL));

  // A mention logged from the popup, and both exports.
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.check({ role: 'radio', name: 'Negative' });
  await popup.fill({ label: 'Tags' }, 'Presse');
  await popup.click({ role: 'button', name: 'Log mention' });
  await expect.poll(() => popup.text({ role: 'status' })).toContain('Logged');
  const json = await popup.download({ role: 'button', name: 'Export JSON' });
  await popup.download({ role: 'button', name: 'Export CSV' });

  // The workspace: the export imported again, and exported from there.
  const log = await driver.openExtensionPage('log.html');
  await log.page.locator('input[type="file"]').setInputFiles({
    name: json.fileName,
    mimeType: 'application/json',
    buffer: Buffer.from(json.text),
  });
  // The file holds the mention just logged: its preview has nothing new to take over.
  await log.waitFor({ css: '.import-preview' });
  await log.click({ role: 'button', name: 'Done' });
  await expect.poll(() => log.text({ css: '.live-text' })).toContain(`“${json.fileName}”`);
  await log.download({ role: 'button', name: 'JSON' });
  await log.download({ role: 'button', name: 'CSV' });

  // The options page, with a change saved.
  const options = await driver.openExtensionPage('options.html');
  await options.fill({ label: 'Never scan these sites (one per line)' }, 'example.org');
  await options.click({ role: 'button', name: 'Save' });
  await expect.poll(() => options.text({ role: 'status' })).toMatch(/Saved/);
  expect((await driver.log()).mentions).toHaveLength(1);

  // No request to the network but for the test's own pages, from any page or
  // frame (chrome-extension:, chrome: and data: URLs are files of the browser) ...
  const network = requests.filter((url) => /^(https?|wss?|ftp):/i.test(url));
  expect(network.filter((url) => !fixtureRequest(server, url))).toEqual([]);
  // ... and no error or warning on chrome://extensions.
  expect(await errors.read()).toEqual({
    manifestErrors: [],
    runtimeErrors: [],
    installWarnings: [],
    runtimeWarnings: [],
  });
  for (const p of [page, popup, log, options]) expect(p.errors, await p.url()).toEqual([]);

  // The controls: a request on purpose from a web page, from the content
  // script's world and from an extension page is caught by both recorders.
  const control = (from: string) => server.url(`control-${from}`);
  await page.evaluate((url) => fetch(url).then(() => undefined), control('page'));
  const cdp = await context.newCDPSession(page.page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on(
    'Runtime.executionContextCreated',
    ({ context: c }: { context: (typeof worlds)[number] }) => worlds.push(c),
  );
  await cdp.send('Runtime.enable');
  const contentWorld = worlds.find(
    (w) => w.origin === own.replace(/\/$/, '') && w.auxData?.type === 'isolated',
  );
  if (!contentWorld) throw new Error('no content-script world in the page');
  await cdp.send('Runtime.evaluate', {
    contextId: contentWorld.id,
    expression: `fetch(${JSON.stringify(control('content-script'))}, { mode: 'no-cors' }).then(() => 1)`,
    awaitPromise: true,
  });
  await options.evaluate(
    (url) =>
      new Promise((done) => {
        const image = new Image();
        image.onload = image.onerror = done;
        image.src = url;
      }),
    control('extension-page'),
  );
  // The worker cannot even try: its CSP refuses every connection (and
  // chrome://extensions lists the attempt: no runtime error above means no
  // page or worker of the extension attempted one either).
  expect(
    await driver.currentWorker().evaluate(
      (url) =>
        fetch(url).then(
          () => 'fetched',
          (e: Error) => e.name,
        ),
      control('worker'),
    ),
  ).toBe('TypeError');
  // An error thrown on purpose in the worker is listed on chrome://extensions.
  await driver.currentWorker().evaluate(() => {
    setTimeout(() => {
      throw new Error('control error');
    });
  });
  await expect
    .poll(async () => (await errors.read()).runtimeErrors.map((e) => e.message))
    .toEqual([
      expect.stringMatching(/control-worker' violates .*"connect-src 'none'"/),
      expect.stringMatching(/Fetch API cannot load .*control-worker/),
      'Uncaught Error: control error',
    ]);
  const controls = ['page', 'content-script', 'extension-page'].map(control);
  expect(requests.filter((url) => url.includes('/control-'))).toEqual(controls);

  // The browser writes its net log as it closes.
  await driver.close();
  const concern = requestsOfConcern(await readNetLog(netLog));
  expect(
    concern.filter((r) => !fixtureRequest(server, r.url) && !controls.includes(r.url)),
  ).toEqual([]);
  expect(
    concern.filter((r) => r.url.includes('/control-')).map((r) => [r.url, r.initiator]),
  ).toEqual([
    [controls[0], server.origin],
    [controls[1], server.origin],
    [controls[2], own.replace(/\/$/, '')],
  ]);
  expect(concern.map((r) => r.url)).toContain(server.url('results.html'));
});

test('chrome://extensions lists the warning of a build with an unknown manifest key', async ({
  server,
}) => {
  // The control for the test above: the same build with one key Chromium does not know.
  const dir = mkdtempSync(join(tmpdir(), 'markenlotse-warning-'));
  try {
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as object;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, markenlotse_test: 1 }));
    const driver = await ChromiumDriver.launch(server, { extensionDir: dir });
    try {
      const errors = await ExtensionErrors.watch(driver);
      expect((await errors.read()).manifestErrors).toEqual([
        {
          type: 'MANIFEST',
          message: "Unrecognized manifest key 'markenlotse_test'.",
          source: 'manifest.json',
          manifestKey: 'markenlotse_test',
        },
      ]);
    } finally {
      await driver.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
