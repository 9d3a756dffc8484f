/**
 * The works-council mode, chosen by the user (a policy enforcing it:
 * managed-profile.spec.ts): nothing about visited pages is recorded any more,
 * what was recorded before can be deleted at once, and only what the user
 * logs on purpose is stored. Highlights, the badge and this session's marks
 * on results pages still work.
 */
import type { ResultReport } from '../../src/core/messages.ts';
import { DEMO_PAGE_TOTAL, expect, paintedCount, test } from '../support/story.ts';

const MANUAL = { css: 'input[name="mode"][value="manual-only"]' };

const result = (rank: number): ResultReport => ({
  url: 'https://www.mueller-werkzeugbau.example/robodrill',
  title: 'RoboDrill 3000',
  snippet: 'Der RoboDrill 3000 von Müller Werkzeugbau',
  kind: 'result',
  terms: [{ brand: 'Müller Werkzeugbau', term: 'RoboDrill 3000', count: 1 }],
  search: { engine: 'Google', query: 'robodrill', rank },
});

test('switched on, it offers to delete the sightings so far, then records no visit, only what is logged on purpose', async ({
  driver,
  server,
}) => {
  const { tabId } = await driver.openDemoTab();
  await expect.poll(async () => (await driver.log()).sightings.length).toBe(1);

  const options = await driver.openExtensionPage('options.html');
  await options.check(MANUAL);
  await options.click({ role: 'button', name: 'Save' });
  await expect.poll(() => options.text({ role: 'status' })).toMatch(/Saved/);
  expect(await driver.readSettings()).toMatchObject({ mode: 'manual-only' });
  await options.waitFor({ text: 'Sightings recorded before are still stored: 1.' });
  await options.click({ role: 'button', name: 'Delete them now' });
  await options.waitFor({
    text: 'The sightings recorded before are deleted; your mentions are kept.',
  });
  expect((await driver.log()).sightings).toEqual([]);
  // "What is stored" says so.
  expect(await options.text({ css: '#stored' })).toContain(
    'Mode: manual only (works-council mode). Nothing about the pages you visit is recorded automatically.',
  );

  // A page with hits: painted and counted on the badge, not recorded.
  const page = await driver.openWebPage(server.url('results.html?again'));
  await expect.poll(() => paintedCount(page)).toBe(DEMO_PAGE_TOTAL);
  await expect.poll(async () => driver.badgeText(await driver.tabIdOf(page))).toBe('9');
  // Results pages still mark what is new and the rank before, from this session alone.
  const first = await driver.askWorker('results/report', { results: [result(5)] });
  expect(first).toEqual([{ url: result(5).url, sessionOnly: true }]);
  const second = await driver.askWorker('results/report', { results: [result(2)] });
  expect(second[0]).toMatchObject({ url: result(5).url, sessionOnly: true, previousRank: 5 });
  expect(second[0]?.firstSeen).toMatch(/^\d{4}-\d\d-\d\dT/);

  // A mention logged on purpose is stored; the export has it and no sighting.
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.fill({ label: 'Note' }, 'Bewusst erfasst');
  await popup.click({ role: 'button', name: 'Log mention' });
  await expect.poll(() => popup.text({ role: 'status' })).toContain('Logged');
  const exported = JSON.parse(
    (await popup.download({ role: 'button', name: 'Export JSON' })).text,
  ) as { mentions: { note: string }[]; sightings: unknown[] };
  expect(exported.mentions.map((m) => m.note)).toEqual(['Bewusst erfasst']);
  expect(exported.sightings).toEqual([]);
});
