/**
 * What both message-fuzz specs check around their batches (issue 10,
 * "Messages"): a log with one mention and a painted tab before, and
 * afterwards the same stored bytes and a worker that still answers valid
 * messages as before.
 */
import { expect } from '@playwright/test';
import type { Mention, MentionDraft } from '../../src/core/mention.ts';
import { DEMO_PAGE_TOTAL, type ExtensionDriver, type StoredData } from './driver.ts';
import type { FuzzBatch } from './message-fuzz.ts';
import { judgeOutcomes } from './message-fuzz.ts';

const DRAFT: MentionDraft = {
  url: 'https://www.example.de/artikel',
  title: 'ACME übernimmt Müller GmbH',
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'neutral',
  tags: ['Presse'],
  note: 'vorher',
  snippet: '',
};

export interface FuzzTarget {
  mention: Mention;
  before: StoredData;
}

/** Logs one mention beside the tab's sighting and dumps everything stored. */
export async function prepareFuzzTarget(
  driver: ExtensionDriver,
  tab: { tabId: number; url: string },
): Promise<FuzzTarget> {
  const mention = await driver.askWorker('mention/add', DRAFT);
  await expect
    .poll(async () => (await driver.log()).sightings.map((s) => s.url))
    .toEqual([tab.url]);
  await expect.poll(() => driver.badgeText(tab.tabId)).toBe(String(DEMO_PAGE_TOTAL));
  const before = await driver.storedData();
  // The dump holds what there is: the settings, the badge's counts, the mention.
  expect(Object.keys(before.local)).toContain('settings');
  expect(Object.keys(before.session)).not.toHaveLength(0);
  expect(JSON.stringify(before.databases)).toContain(mention.id);
  return { mention, before };
}

/** Every case refused as predicted; nearly all of them reached the worker. */
export function expectRefusedAsPredicted(batch: FuzzBatch, outcomes: readonly string[]): void {
  const verdict = judgeOutcomes(batch, outcomes);
  expect(
    { mismatches: verdict.mismatches.length, first: verdict.mismatches.slice(0, 5) },
    batch.sender,
  ).toEqual({ mismatches: 0, first: [] });
  // A few are too deep for the browser to send.
  expect(verdict.notSent, batch.sender).toBeLessThan(20);
}

/** Nothing stored changed, and the worker answers a valid edit as before. */
export async function expectUntouched(driver: ExtensionDriver, target: FuzzTarget): Promise<void> {
  const { mention, before } = target;
  expect(await driver.storedData()).toEqual(before);
  expect((await driver.log()).mentions).toEqual([mention]);
  const updated = await driver.askWorker('mention/update', { id: mention.id, note: 'nachher' });
  expect(updated).toMatchObject({
    kind: 'saved',
    stored: { id: mention.id, note: 'nachher', tags: ['Presse'] },
  });
}
