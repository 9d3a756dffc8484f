/// <reference types="chrome" />
/**
 * The messages a page's content script answers (ContentProtocol): those of
 * the protocol, with a reply; anything else, even a name every object has
 * ("toString", "constructor"), goes unanswered.
 */
import { DEMO_SETTINGS, expect, paintedCount, test } from './support/chromium.ts';

test('the content script answers the protocol’s messages and no others', async ({
  driver,
  context,
  server,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await page.goto(server.url('results.html'));
  await expect.poll(() => paintedCount(page)).toBe(9);
  const tabId = await driver.tabIdOf(page);
  const send = (type: string, args: unknown) =>
    driver.currentWorker().evaluate(
      ([id, message]) =>
        chrome.tabs.sendMessage<unknown, unknown>(id, message, { frameId: 0 }).then(
          (reply) => reply ?? 'no answer',
          () => 'no answer',
        ),
      [tabId, { type, args }] as const,
    );

  expect(await send('content/state', null)).toMatchObject({ ok: true, value: { total: 9 } });
  expect(await send('content/reveal', { index: 0 })).toEqual({ ok: true, value: true });
  expect(await send('content/reveal', { index: 99 })).toEqual({ ok: true, value: false });
  expect(await send('toString', null)).toBe('no answer');
  expect(await send('constructor', null)).toBe('no answer');
  expect(await send('__proto__', null)).toBe('no answer');
  expect(await send('content/unknown', null)).toBe('no answer');
});
