/// <reference types="chrome" />
/**
 * Settings carry a version. An older document is written back in the current
 * shape when the browser starts (and when the extension is installed or
 * updated); a newer one (from a newer Markenlotse,
 * say after a downgrade) is used as far as it is understood, shown read-only
 * in the options, and never overwritten.
 */
import { chromium, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, EXTENSION_DIR } from '../harness/launch.ts';
import { DEMO_SETTINGS, expect, highlightRanges, test } from './support/chromium.ts';

const readStored = (worker: Worker): Promise<unknown> =>
  worker.evaluate(async () => {
    const stored: Record<string, unknown> = await chrome.storage.local.get('settings');
    return stored.settings;
  });

test('an older settings document is written back in the current version when the browser starts', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'markenlotse-profile-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        ...CHROMIUM_ARGS,
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, worker };
  };
  try {
    // A rollout writes the README's minimal document (no version) while the browser runs.
    const first = await launch();
    await first.worker.evaluate(
      (settings) => chrome.storage.local.set({ settings }),
      DEMO_SETTINGS,
    );
    expect(await readStored(first.worker)).toEqual(DEMO_SETTINGS);
    await first.context.close();

    // The worker writes it back as it starts (for an unpacked extension Chromium
    // fires onInstalled again on relaunch, as well as onStartup; checked 2026-12-01).
    const second = await launch();
    await expect
      .poll(() => readStored(second.worker).then((s) => (s as { version?: number }).version))
      .toBe(1);
    const stored = (await readStored(second.worker)) as {
      brands: { id: string; terms: unknown[] }[];
      highlightStyle: string;
    };
    expect(stored.brands.map((b) => b.id)).toEqual(['muller-werkzeugbau', 'acme']);
    expect(stored.brands[1]?.terms).toEqual([
      { text: 'ACME', caseSensitive: 'auto', compounds: false, stripUmlauts: false },
    ]);
    expect(stored.highlightStyle).toBe('fill');
    await second.context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('settings of a newer version are used, shown read-only and never overwritten', async ({
  driver,
  context,
  server,
}) => {
  const newer = {
    version: 99,
    brands: [{ name: 'ACME', color: '#4fc3f7', terms: ['ACME'], exclude: ['ACME Looney'] }],
    comesFromTheFuture: { x: 1 },
  };
  await driver.writeSettings(newer);

  // Pages still light up with what this version understands.
  const results = await context.newPage();
  await results.goto(server.url('results.html'));
  await expect
    .poll(() => highlightRanges(results).then((r) => r['markenlotse-0']?.length ?? 0))
    .toBeGreaterThan(0);

  const options = await context.newPage();
  await options.goto(driver.extensionUrl('options.html'));
  await expect(options.getByRole('alert')).toContainText(
    'saved by a newer version of Markenlotse (settings version 99; this one knows up to 1)',
  );
  await expect(options.getByLabel('Company or product name')).toHaveValue('ACME');
  await expect(options.getByRole('button', { name: 'Save' })).toBeDisabled();

  // The worker refuses a change from anywhere, and the document stays as it was.
  const reply = await options.evaluate(() =>
    chrome.runtime.sendMessage<unknown, unknown>({
      type: 'settings/change',
      args: { operations: [{ op: 'put-brand', brand: { name: 'Otto' } }] },
    }),
  );
  expect(reply).toEqual({ ok: false, error: 'settings-too-new' });
  expect(await readStored(driver.worker)).toEqual(newer);
});
