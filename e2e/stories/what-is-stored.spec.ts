/**
 * "What is stored" must name everything the extension keeps outside the log
 * database, or a data-protection officer reads an incomplete list: after a
 * real flow (a page with hits, a logged mention, a backup), every key in
 * storage.local and storage.session is one the catalog names, and every field
 * of its value is one the catalog describes.
 */
import { STORED_RECORDS, type StoragePlace } from '../../src/core/stored-data.ts';
import { expect, test } from '../support/story.ts';

/** The catalog's `where` as a pattern: `tab:<id>` stands for `tab:` and a tab's number. */
const keyPattern = (where: string): RegExp =>
  new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('<id>', '\\d+')}$`);

function unlisted(place: StoragePlace, stored: Record<string, unknown>): string[] {
  const records = STORED_RECORDS.filter((r) => r.place === place);
  const missing: string[] = [];
  for (const [key, value] of Object.entries(stored)) {
    const record = records.find((r) => keyPattern(r.where).test(key));
    if (!record) {
      missing.push(`${place} key ${key}`);
      continue;
    }
    const isRecord = (v: unknown): v is Record<string, unknown> =>
      v !== null && typeof v === 'object' && !Array.isArray(v);
    if (!isRecord(value)) continue;
    // A map of entries (one per frame): each entry holds the other fields.
    const entries = record.entryPer ? Object.values(value).filter(isRecord) : [value];
    for (const entry of entries)
      for (const field of Object.keys(entry))
        if (!record.fields.includes(field) || field === record.entryPer)
          missing.push(`${place} ${key}.${field}`);
  }
  return missing;
}

test('every key and field in storage.local and storage.session is one "What is stored" names', async ({
  driver,
}) => {
  const { tabId } = await driver.openDemoTab();
  const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.click({ role: 'button', name: 'Log mention' });
  await expect.poll(() => popup.text({ role: 'status' })).toContain('Logged');
  await driver.askWorker('log/backup-done', null);
  await driver.askWorker('log/backup-reminder', { on: false });

  // The flow wrote what it should have (else the check below proves little);
  // Firefox's driver keeps one browser, so earlier tests' tabs may be there too.
  await expect
    .poll(async () => Object.keys(await driver.readStorage('session')))
    .toEqual(expect.arrayContaining([`sightings:${tabId}`, `tab:${tabId}`]));
  const local = await driver.readStorage('local');
  const session = await driver.readStorage('session');
  expect(Object.keys(local)).toEqual(
    expect.arrayContaining(['settings', 'compiledProfile', 'backup']),
  );
  expect([...unlisted('local', local), ...unlisted('session', session)]).toEqual([]);
});
