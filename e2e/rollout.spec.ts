/// <reference types="chrome" />
/**
 * Rollout details only Chromium shows: the unpacked build's fixed id (for
 * the policy file an administrator writes before the first start), the daily
 * retention alarm, "What is stored" copied as text, and the session-only
 * marks on a results page (served at a Google address by routing, which the
 * Firefox driver has not; the badge is in a closed shadow root, read by CDP).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../harness/launch.ts';
import { STORED_RECORDS } from '../src/core/stored-data.ts';
import { DEMO_SETTINGS, expect, test } from './support/chromium.ts';
import { BadgeInspector } from './support/closed-shadow.ts';
import { extensionIdOf } from './support/policy.ts';

/** The id README.md gives for policies of the unpacked build. */
const DOCUMENTED_ID = 'neeknahljhjhmgjpkoagdekfjiobogin';

test('the key in the manifest gives the unpacked build the id the README documents', ({
  driver,
}) => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    key: string;
  };
  expect(extensionIdOf(manifest.key)).toBe(DOCUMENTED_ID);
  expect(driver.id).toBe(DOCUMENTED_ID);
  expect(readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')).toContain(
    DOCUMENTED_ID,
  );
});

test('the worker schedules the daily retention run', async ({ driver }) => {
  await expect
    .poll(() => driver.currentWorker().evaluate(() => chrome.alarms.get('retention')))
    .toMatchObject({ name: 'retention', periodInMinutes: 24 * 60 });
});

test('"What is stored" copies as text with every field of every record it lists', async ({
  driver,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const options = await driver.openExtensionPage('options.html');
  await options.click({ role: 'button', name: 'Copy as text' });
  await options.waitFor({ text: 'Copied.' });
  const text = await options.page.evaluate(() => navigator.clipboard.readText());
  expect(text.startsWith('What Markenlotse stores\n')).toBe(true);
  for (const record of STORED_RECORDS.filter((r) => !r.onlyWithSync)) {
    expect(text).toContain(`(${record.where})`);
    for (const field of record.fields) expect(text).toContain(`  - ${field}: `);
  }
  expect(text).toContain('It sends nothing anywhere');
});

test('in works-council mode the marks on a results page say they last only this session', async ({
  driver,
  context,
}) => {
  await driver.writeSettings({ ...DEMO_SETTINGS, mode: 'manual-only' });
  const search = 'https://www.google.de/search?q=RoboDrill&hl=de';
  const body = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>RoboDrill - Google Suche</title></head>
<body><form><textarea name="q">RoboDrill</textarea></form><div id="center_col"><div id="rso">
<div class="g"><a href="https://www.werkstatt-magazin.example/robodrill"><h3>Im Test: der RoboDrill 3000</h3></a><div class="VwiC3b">Solide, aber laut.</div></div>
</div></div></body></html>`;
  await context.route('**/*', (route) =>
    route.request().url().startsWith(search)
      ? route.fulfill({ body, contentType: 'text/html; charset=utf-8' })
      : route.request().url().startsWith('chrome-extension://')
        ? route.continue()
        : route.abort(),
  );
  const results = await driver.openWebPage(search);
  const badges = await BadgeInspector.of(results.page);
  await expect.poll(() => badges.texts()).toEqual([expect.stringContaining('new this session')]);

  await results.page.reload();
  const again = await BadgeInspector.of(results.page);
  await expect.poll(() => again.texts()).toEqual([expect.stringContaining('seen this session')]);
  const { page: popup } = await driver.openExtensionPage(
    `popup.html?tab=${await driver.tabIdOf(results)}`,
  );
  const mark = popup.getByText('seen this session');
  await expect(mark).toBeVisible();
  expect(await mark.getAttribute('title')).toContain(
    'remembers results only until the browser closes',
  );
  // And nothing of it is in the log.
  expect((await driver.log()).sightings).toEqual([]);
});
