/// <reference types="chrome" />
/**
 * Rollout details only Chromium shows: the unpacked build's fixed id (for
 * the policy file an administrator writes before the first start), the daily
 * retention alarm, and "What is stored" copied as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../harness/launch.ts';
import { STORED_RECORDS } from '../src/core/stored-data.ts';
import { expect, test } from './support/chromium.ts';
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
