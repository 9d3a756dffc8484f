/**
 * The worker takes nothing it has not checked (issue 10, "Messages"): 10,000
 * random messages from an extension page, each refused exactly as the
 * guards of src/core/message-guards.ts say, none of them crashing the worker
 * or changing a byte of what it stores. In Chromium, e2e/message-fuzz.spec.ts
 * sends these together with 10,000 from the content script's world (which
 * Firefox does not expose to its remote protocol), so this story runs in
 * Firefox alone rather than twice in Chromium. Replay a failure with
 * MARKENLOTSE_FUZZ_SEED=<seed>.
 */
import type { MentionDraft } from '../../src/core/mention.ts';
import { fuzzBatch, fuzzSeed, judgeOutcomes, LONG_STRING } from '../support/message-fuzz.ts';
import { DEMO_PAGE_TOTAL, expect, test } from '../support/story.ts';

const draft: MentionDraft = {
  url: 'https://www.example.de/artikel',
  title: 'ACME übernimmt Müller GmbH',
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'neutral',
  tags: ['Presse'],
  note: 'vorher',
  snippet: '',
};

// (The `firefox` fixture is null in the chromium project; asked this way, no Chromium is launched.)
test.skip(({ firefox }) => firefox === null, 'Chromium: see e2e/message-fuzz.spec.ts');

test('10,000 malformed messages from an extension page: each refused, the worker answers afterwards, nothing stored changes', async ({
  driver,
}) => {
  test.setTimeout(240_000);
  const { page, tabId, url } = await driver.openDemoTab();
  const mention = await driver.askWorker('mention/add', draft);
  await expect.poll(async () => (await driver.log()).sightings.map((s) => s.url)).toEqual([url]);
  await expect.poll(() => driver.badgeText(tabId)).toBe(String(DEMO_PAGE_TOTAL));
  const before = await driver.storedData();
  // The dump holds what there is: the settings, the badge's counts, the mention.
  expect(Object.keys(before.local)).toContain('settings');
  expect(Object.keys(before.session)).not.toHaveLength(0);
  expect(JSON.stringify(before.databases)).toContain(mention.id);

  const batch = fuzzBatch(fuzzSeed(10), 'extension-page', 10_000);
  const outcomes = await driver.sendRawMessages(
    batch.cases.map((c) => c.json),
    LONG_STRING,
  );
  const verdict = judgeOutcomes(batch, outcomes);
  expect({
    mismatches: verdict.mismatches.length,
    first: verdict.mismatches.slice(0, 5),
  }).toEqual({ mismatches: 0, first: [] });
  // Nearly every message reaches the worker (a few are too deep for the browser to send).
  expect(verdict.notSent).toBeLessThan(20);

  expect(await driver.storedData()).toEqual(before);
  // Alive, and answering valid messages as before.
  expect((await driver.log()).mentions).toEqual([mention]);
  expect(await driver.badgeText(tabId)).toBe(String(DEMO_PAGE_TOTAL));
  const updated = await driver.askWorker('mention/update', { id: mention.id, note: 'nachher' });
  expect(updated).toMatchObject({
    kind: 'saved',
    stored: { id: mention.id, note: 'nachher', tags: ['Presse'] },
  });
  // A web page's own scripts cannot message the extension at all.
  expect(
    await page.evaluate(() => {
      const g = globalThis as { chrome?: { runtime?: unknown }; browser?: unknown };
      return [typeof g.chrome?.runtime, typeof g.browser];
    }),
  ).toEqual(['undefined', 'undefined']);
  expect(page.errors).toEqual([]);
});
