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
  expect(updated.value).toMatchObject({
    kind: 'saved',
    stored: { id, brands: ['ACME'], note: 'geprüft' },
  });

  expect((await driver.log()).mentions).toEqual([(updated.value as { stored: unknown }).stored]);
  await page.reload();
  await expect(page.getByRole('link', { name: 'ACME übernimmt Müller GmbH' })).toBeVisible();
});

test('an add sent again with its id stores one mention; two tabs patching different fields keep both', async ({
  driver,
  context,
}) => {
  const open = async () => {
    const page = await context.newPage();
    await page.goto(driver.extensionUrl('log.html'));
    return (type: string, args: unknown) =>
      page.evaluate(([t, a]) => chrome.runtime.sendMessage<unknown, Reply>({ type: t, args: a }), [
        type,
        args,
      ] as const);
  };
  const [a, b] = [await open(), await open()];
  const draft = {
    id: '5d9c1a52-7f0e-4b7a-9a1e-2f4b8c3d6e10',
    url: 'https://www.example.de/artikel',
    title: 'ACME übernimmt Müller GmbH',
    brands: ['ACME'],
    terms: ['ACME'],
    sentiment: 'neutral',
    tags: [],
    note: '',
    snippet: '',
  };
  // A retry of an add whose reply was lost (issue 10, item 4), also from another tab at once.
  const replies = await Promise.all([
    a('mention/add', draft),
    a('mention/add', draft),
    b('mention/add', draft),
  ]);
  const first = replies[0]?.value as { id: string; createdAt: string };
  expect(first.id).toBe(draft.id);
  for (const reply of replies) expect(reply).toEqual({ ok: true, value: first });

  // Tab A saves a note, tab B (which still shows the old record) saves tags: both land (item 3).
  await Promise.all([
    a('mention/update', { id: draft.id, note: 'geprüft' }),
    b('mention/update', { id: draft.id, tags: ['Presse'] }),
  ]);
  await b('mention/update', { id: draft.id, addTags: ['Messe'] });
  const log = await driver.log();
  expect(log.mentions).toHaveLength(1);
  expect(log.mentions[0]).toMatchObject({
    note: 'geprüft',
    tags: ['Presse', 'Messe'],
    createdAt: first.createdAt,
  });

  // The same field from a tab that saw it as it was before: a conflict, and nothing changes.
  const stale = await b('mention/update', { id: draft.id, note: 'von B', before: { note: '' } });
  expect(stale).toMatchObject({
    ok: true,
    value: { kind: 'conflict', fields: ['note'], stored: { note: 'geprüft' } },
  });
  expect((await driver.log()).mentions[0]).toMatchObject({ note: 'geprüft' });
  // The whole log in one message is no longer asked for, nor given.
  expect(await a('log/get', {})).toEqual({ ok: false, error: 'unknown-message' });
  expect(await a('log/import', { text: '{}' })).toEqual({ ok: false, error: 'unknown-message' });
});
