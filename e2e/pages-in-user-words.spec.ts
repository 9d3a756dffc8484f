/// <reference types="chrome" />
/**
 * The pages speak the user's language: no internal ids (a command's name,
 * an engine id, which reader ran), and only web addresses become links, even
 * for what an imported file brought in.
 */
import { DEMO_SETTINGS, expect, test } from './support/chromium.ts';

test('the shortcuts table names what each shortcut does, never its internal name', async ({
  ext,
  context,
}) => {
  const page = await context.newPage();
  await page.goto(ext.url('options.html'));
  const table = page.getByRole('table');
  await expect(
    table.getByRole('cell', { name: 'Jump to the next highlighted name' }),
  ).toBeVisible();
  await expect(
    table.getByRole('cell', { name: 'Jump to the previous highlighted name' }),
  ).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Open the Markenlotse panel' })).toBeVisible();
  for (const id of ['next-hit', 'previous-hit', '_execute_action'])
    await expect(table.getByText(id)).toHaveCount(0);
});

test('recent mentions in the popup link web addresses only, whatever an import brought', async ({
  ext,
  context,
  server,
}) => {
  await ext.writeSettings(DEMO_SETTINGS);
  const now = new Date().toISOString();
  const mention = (id: string, url: string, title: string) => ({
    id,
    url,
    title,
    brands: ['ACME'],
    terms: ['ACME'],
    sentiment: 'neutral',
    tags: [],
    note: '',
    snippet: '',
    createdAt: now,
    updatedAt: now,
  });
  const file = {
    format: 'markenlotse-log',
    version: 1,
    exportedAt: now,
    mentions: [
      mention('a', 'javascript:alert(document.domain)', 'A script address'),
      mention('b', 'data:text/html,<b>hi</b>', 'A data address'),
      mention('c', 'https://www.acme.example/news', 'A web address'),
    ],
    sightings: [],
  };
  const log = await context.newPage();
  await log.goto(ext.url('log.html'));
  const imported = await log.evaluate(
    (text) =>
      chrome.runtime.sendMessage<unknown, { ok: boolean; value?: { added: number } }>({
        type: 'log/import',
        args: { text },
      }),
    JSON.stringify(file),
  );
  expect(imported).toMatchObject({ ok: true, value: { added: 3 } });

  const page = await context.newPage();
  await page.goto(server.url('blocks.html'));
  const popup = await context.newPage();
  await popup.goto(ext.url(`popup.html?tab=${await ext.tabIdOf(page)}`));
  const recent = popup.getByRole('region', { name: 'Recently logged' });
  await expect(recent.getByRole('link', { name: 'A web address' })).toHaveAttribute(
    'href',
    'https://www.acme.example/news',
  );
  for (const title of ['A script address', 'A data address']) {
    await expect(recent.getByText(title)).toBeVisible();
    await expect(recent.getByRole('link', { name: title })).toHaveCount(0);
  }
});
