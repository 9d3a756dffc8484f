/**
 * "Delete everything": one button, a confirmation, and the extension is as
 * on first install: no log, no settings, the first-run page.
 */
import { expect, test } from '../support/story.ts';

test('deletes the log, the sightings and the settings after a confirmation, and starts over', async ({
  driver,
}) => {
  const { tabId } = await driver.openDemoTab();
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.click({ role: 'button', name: 'Log mention' });
  await expect.poll(() => popup.text({ role: 'status' })).toContain('Logged');
  await expect.poll(async () => (await driver.log()).sightings.length).toBe(1);

  const options = await driver.openExtensionPage('options.html');
  // A name for "exported by" is the only thing in an export that names anyone.
  const exported = async () =>
    JSON.parse((await popup.download({ role: 'button', name: 'Export JSON' })).text) as {
      exportedBy?: string;
    };
  expect(Object.keys(await exported())).not.toContain('exportedBy');
  await options.fill({ label: 'Name in exports (optional)' }, 'Team Süd');
  await options.click({ role: 'button', name: 'Save' });
  await expect.poll(() => options.text({ role: 'status' })).toMatch(/Saved/);
  expect((await exported()).exportedBy).toBe('Team Süd');

  await options.click({ role: 'button', name: 'Delete everything…' });
  // Nothing happens without the confirmation; cancelling keeps everything.
  await options.click({ role: 'button', name: 'Cancel' });
  expect((await driver.log()).mentions).toHaveLength(1);
  await options.click({ role: 'button', name: 'Delete everything…' });
  await options.click({ role: 'button', name: 'Yes, delete everything' });

  await expect.poll(() => options.url()).toMatch(/options\.html\?welcome=1$/);
  await options.waitFor({ text: 'Welcome to Markenlotse' });
  expect(await driver.readSettings()).toBeUndefined();
  expect(Object.keys(await exported())).not.toContain('exportedBy');
  expect(await driver.log()).toEqual({ mentions: [], sightings: [] });
  // What is left in the extension's storage: the copy of the (absent) company
  // policy and the profile compiled from the defaults, nothing of the user's.
  const left = await driver.readStorage('local');
  expect(Object.keys(left).filter((k) => k !== 'managedPolicy' && k !== 'compiledProfile')).toEqual(
    [],
  );
  const profile = left['compiledProfile'] as {
    settings: { brands: unknown[]; exportedBy?: string };
  };
  expect(profile.settings.brands).toEqual([]);
  expect(profile.settings.exportedBy).toBe('');
});
