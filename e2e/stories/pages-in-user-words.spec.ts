/**
 * The pages speak the user's language and put first what the user came for:
 * no internal ids (a command's name, which reader ran), only web addresses
 * become links (whatever an imported file brought in), and the popup at its
 * real size shows the form to log the page without scrolling.
 */
import { expect, test } from '../support/story.ts';
import { mentionRecord, seedLog } from '../support/workspace.ts';

test('the shortcuts table names what each shortcut does, never its internal name', async ({
  driver,
}) => {
  const options = await driver.openExtensionPage('options.html');
  for (const action of [
    'Jump to the next highlighted name',
    'Jump to the previous highlighted name',
  ])
    await options.waitFor({ role: 'cell', name: action });
  for (const id of ['next-hit', 'previous-hit', '_execute_action', '_execute_browser_action'])
    expect(await options.text({ text: id }), id).toBeNull();
});

test('recent mentions in the popup link web addresses only, whatever an import brought', async ({
  driver,
}) => {
  const { tabId } = await driver.openDemoTab();
  const mention = (index: number, url: string, title: string) =>
    mentionRecord(index, { url, title, brands: ['ACME'], terms: ['ACME'], snippet: '' });
  await seedLog(driver, [
    mention(0, 'javascript:alert(document.domain)', 'A script address'),
    mention(1, 'data:text/html,<b>hi</b>', 'A data address'),
    mention(2, 'https://www.acme.example/news', 'A web address'),
  ]);

  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor({ role: 'link', name: 'A web address' });
  expect(
    await popup.evaluate(() =>
      [...document.querySelectorAll('#recent ~ ul a')].map((a) => a.getAttribute('href')),
    ),
  ).toEqual(['https://www.acme.example/news']);
  for (const title of ['A script address', 'A data address']) {
    await popup.waitFor({ text: title });
    expect(await popup.text({ role: 'link', name: title }), title).toBeNull();
  }
});

test('the popup at 400 × 600 shows the form to log the page without scrolling', async ({
  driver,
}) => {
  const { tabId } = await driver.openDemoTab();
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.setViewport({ width: 400, height: 600 });
  await popup.waitFor({ role: 'button', name: 'Log mention' });
  const place = await popup.evaluate(() => {
    const form = document.querySelector('form.log-form')?.getBoundingClientRect();
    return form && { top: form.top, bottom: form.bottom, scrolled: scrollY, height: innerHeight };
  });
  expect(place?.scrolled).toBe(0);
  expect(place?.top).toBeGreaterThanOrEqual(0);
  expect(place?.bottom).toBeLessThanOrEqual(place?.height ?? 0);
});
