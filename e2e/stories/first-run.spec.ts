/**
 * The first minutes show the way: the welcome page says where the toolbar
 * icon is and, once a brand is saved, offers a search for it; a popup with
 * nothing to show says what to do next.
 */
import { expect, test } from '../support/story.ts';

test('the welcome page tells where to pin the icon, and after saving offers a search for the brand', async ({
  driver,
}) => {
  // Each browser hides the icon its own way, so each gets its own hint.
  const pinHint =
    driver.browserName === 'firefox'
      ? 'Keep Markenlotse in the toolbar'
      : 'Pin Markenlotse to the toolbar';
  const welcome = await driver.welcomePage();
  await welcome.waitFor({ text: pinHint });
  expect(await welcome.text({ role: 'link', name: 'Search for “Müller Werkzeugbau”' })).toBeNull();

  await welcome.fill({ label: 'Company or product name' }, 'Müller Werkzeugbau');
  await welcome.click({ role: 'button', name: 'Save' });
  const search = { role: 'link', name: 'Search for “Müller Werkzeugbau”' };
  await welcome.waitFor(search);
  const href = await welcome.evaluate(
    () => document.querySelector<HTMLAnchorElement>('.welcome-next a')?.href ?? '',
  );
  const url = new URL(href);
  expect(url.origin + url.pathname).toBe('https://www.google.com/search');
  expect(url.searchParams.get('q')).toBe('Müller Werkzeugbau');
  expect(await welcome.text({ text: pinHint })).not.toBeNull();
});

test('a popup on a page without hits offers a search for the first own brand', async ({
  driver,
  server,
}) => {
  await driver.writeSettings({
    brands: [
      { name: 'Rival AG', role: 'competitor', terms: ['Rival AG'] },
      { name: 'Müller Werkzeugbau', terms: ['Müller Werkzeugbau'] },
    ],
  });
  const page = await driver.openWebPage(server.url('no-hits.html'));
  const tabId = await driver.tabIdOf(page);
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor({ text: 'Search for your company to see where it is mentioned.' });
  await popup.waitFor({ role: 'link', name: 'Search for “Müller Werkzeugbau”' });
  await popup.waitFor({ text: 'Nothing logged yet. Log this page with the form above' });
});

test('a popup without any brand asks to set one up', async ({ driver, server }) => {
  const page = await driver.openWebPage(server.url('no-hits.html'));
  const tabId = await driver.tabIdOf(page);
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor({ text: 'No names set up yet.' });
  await popup.waitFor({ role: 'link', name: 'Set up your company' });
});

test('a paused site says how to resume', async ({ driver, server }) => {
  await driver.writeSettings({
    brands: [{ name: 'ACME', terms: ['ACME'] }],
    pausedSites: ['127.0.0.1'],
  });
  const page = await driver.openWebPage(server.url('no-hits.html'));
  const tabId = await driver.tabIdOf(page);
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor({ text: 'Paused on this site.' });
  await popup.waitFor({ text: 'Untick the box to highlight this site again.' });
});
