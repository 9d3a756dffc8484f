/**
 * Settings changed from two places at once lose nothing (issue 10, lost
 * updates): pages send the worker what changed, and it applies the changes
 * one after the other to the settings as stored.
 */
import { DEMO_SETTINGS, expect, paintedCount, test } from '../support/story.ts';

test('two popups pausing two sites at once keep both sites', async ({ driver, server }) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const a = await driver.openWebPage(server.url('results.html'));
  const b = await driver.openWebPage(server.url('results.html').replace('127.0.0.1', 'localhost'));
  await expect.poll(() => paintedCount(a)).toBe(9);
  await expect.poll(() => paintedCount(b)).toBe(9);
  const popupA = await driver.openExtensionPage(`popup.html?tab=${await driver.tabIdOf(a)}`);
  const popupB = await driver.openExtensionPage(`popup.html?tab=${await driver.tabIdOf(b)}`);
  await popupA.waitFor({ label: 'Pause on 127.0.0.1' });
  await popupB.waitFor({ label: 'Pause on localhost' });

  await Promise.all([
    popupA.click({ label: 'Pause on 127.0.0.1' }, { closesPage: true }),
    popupB.click({ label: 'Pause on localhost' }, { closesPage: true }),
  ]);

  await expect
    .poll(async () =>
      ((await driver.readSettings()) as { pausedSites?: string[] }).pausedSites?.sort(),
    )
    .toEqual(['127.0.0.1', 'localhost']);
  await expect.poll(() => paintedCount(a)).toBe(0);
  await expect.poll(() => paintedCount(b)).toBe(0);
});

test('an options page opened before a popup paused a site, and saved after, keeps the pause', async ({
  driver,
}) => {
  const { page, tabId } = await driver.openDemoTab();
  const options = await driver.openExtensionPage('options.html');
  await options.waitFor({ text: 'Müller Werkzeugbau' });
  // An edit in progress, not saved yet.
  await options.check({ role: 'radio', name: 'Underline' });

  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.click({ label: 'Pause on 127.0.0.1' }, { closesPage: true });
  await expect.poll(() => paintedCount(page)).toBe(0);

  await options.click({ role: 'button', name: 'Save' });
  await expect.poll(() => options.text({ role: 'status' })).toMatch(/Saved/);
  expect(await driver.readSettings()).toMatchObject({
    highlightStyle: 'underline',
    pausedSites: ['127.0.0.1'],
  });
  // The page shows the pause too, now that it has saved.
  expect(await options.value({ label: 'Never scan these sites (one per line)' })).toBe('127.0.0.1');
  expect(await paintedCount(page)).toBe(0);
});
