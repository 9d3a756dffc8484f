/// <reference types="chrome" />
/**
 * A message may change a stored record only through the fields it names
 * (issue 10, item 1: an extra `brands: 'x'` on `mention/update` was spread
 * into the record, and log.html then showed none of the mentions).
 */
import { expect, test } from './support/chromium.ts';

type Reply = { ok: boolean; value?: unknown; error?: string; problem?: unknown };

test('mention/update and mention/add take only their own fields; the log stays readable', async ({
  driver,
  context,
}) => {
  const page = await context.newPage();
  await page.goto(driver.extensionUrl('log.html'));
  const send = (type: string, args: unknown) =>
    page.evaluate(([t, a]) => chrome.runtime.sendMessage<unknown, Reply>({ type: t, args: a }), [
      type,
      args,
    ] as const);
  const draft = {
    url: 'https://www.example.de/artikel',
    title: 'ACME übernimmt Müller GmbH',
    brands: ['ACME'],
    terms: ['ACME'],
    sentiment: 'neutral',
    tags: [],
    note: '',
    snippet: '',
  };
  const added = await send('mention/add', draft);
  expect(added.ok).toBe(true);
  const id = (added.value as { id: string }).id;

  expect(await send('mention/update', { id, brands: 'x' })).toEqual({
    ok: false,
    error: 'invalid-message',
    problem: { path: 'brands', code: 'unknown-field', params: {} },
  });
  expect(await send('mention/add', { ...draft, extra: 'x'.repeat(100_000) })).toEqual({
    ok: false,
    error: 'invalid-message',
    problem: { path: 'extra', code: 'unknown-field', params: {} },
  });
  const updated = await send('mention/update', { id, note: 'geprüft' });
  expect(updated.value).toMatchObject({ id, brands: ['ACME'], note: 'geprüft' });

  const log = await send('log/get', {});
  expect((log.value as { mentions: unknown[] }).mentions).toEqual([updated.value]);
  await page.reload();
  await expect(page.getByRole('cell', { name: /ACME übernimmt Müller GmbH/ })).toBeVisible();
});
