/**
 * Two workspace tabs edit the same mention (issue 10, item 3). Tab B is
 * stale: its user is in the mention's row (the workspace refreshes no row
 * under the user's hands) while tab A saves. The same field: B is told, sees
 * what A saved beside what B typed (still in B's editor), and chooses. Other
 * fields, or different tags: both land, nothing is asked.
 */
import { writeFileSync } from 'node:fs';
import { axeViolations, FAILING_IMPACTS } from '../support/axe.ts';
import type { PageDriver } from '../support/driver.ts';
import { expect, test } from '../support/story.ts';
import { mentionRecord, rowTitles, seedLog } from '../support/workspace.ts';

const TITLE = 'RoboDrill im Test';
const MENTION = mentionRecord(0, { title: TITLE, tags: ['Presse'] });
const NOTE = `Note on “${TITLE}”`;
const TAGS = `Tags of “${TITLE}”`;

/** Puts the user in a field of the row, as one who is about to type there. */
async function focus(page: PageDriver, label: string): Promise<void> {
  const found = await page.evaluate((name) => {
    const input = document.querySelector<HTMLInputElement>(`input[aria-label="${name}"]`);
    input?.focus();
    return input !== null;
  }, label);
  if (!found) throw new Error(`no field labelled ${label}`);
}

/** Two workspace tabs on the same mention. */
async function twoTabs(driver: Parameters<Parameters<typeof test>[2]>[0]['driver']) {
  await seedLog(driver, [MENTION]);
  const a = await driver.openExtensionPage('log.html');
  const b = await driver.openExtensionPage('log.html');
  for (const page of [a, b]) await expect.poll(() => rowTitles(page)).toEqual([TITLE]);
  return { a, b };
}

const stored = async (driver: Parameters<typeof twoTabs>[0]) => {
  const [mention] = await driver.askWorker('mentions/get', { ids: [MENTION.id] });
  return mention && { note: mention.note, tags: mention.tags };
};

/** Tab A saves a note while tab B, stale, types another into the same field. */
async function sameNote(driver: Parameters<typeof twoTabs>[0]) {
  const { a, b } = await twoTabs(driver);
  await focus(b, NOTE);
  await a.fill({ label: NOTE }, 'Von A: an Vertrieb');
  await a.press('Enter');
  await expect.poll(() => stored(driver)).toEqual({ note: 'Von A: an Vertrieb', tags: ['Presse'] });
  await b.fill({ label: NOTE }, 'Von B: Presse anrufen');
  await b.press('Enter');
  await b.waitFor({ css: '.edit-conflict' });
  return { a, b };
}

test('the same note from a stale tab: told, both versions shown, overwrite with mine', async ({
  driver,
}, testInfo) => {
  const { a, b } = await sameNote(driver);
  // For a look at it (test-results/…/conflict-en.png).
  writeFileSync(
    testInfo.outputPath(`conflict-en-${driver.browserName}.png`),
    await b.screenshot({ x: 0, y: 0, width: 1280, height: 640 }),
  );
  const conflict = await b.text({ css: '.edit-conflict' });
  expect(conflict).toContain(
    `The mention “${TITLE}” was changed in another tab or window while you were editing it.`,
  );
  expect(await b.text({ css: '.edit-conflict .conflict-theirs' })).toBe('Von A: an Vertrieb');
  expect(await b.text({ css: '.edit-conflict .conflict-mine' })).toBe('Von B: Presse anrufen');
  expect(await b.text({ css: `[data-id="${MENTION.id}"] .save-state` })).toBe('Conflict');
  // Nothing was written, and nothing typed is lost: B's text stays in B's editor.
  expect(await stored(driver)).toEqual({ note: 'Von A: an Vertrieb', tags: ['Presse'] });
  expect(await b.value({ label: NOTE })).toBe('Von B: Presse anrufen');
  await expect
    .poll(() => b.text({ css: '.live-text' }))
    .toBe(`“${TITLE}” was changed in another tab or window: choose which version to keep.`);

  // The conflict passes axe like the rest of the workspace.
  const serious = (await axeViolations(b)).filter((f) => FAILING_IMPACTS.includes(f.impact));
  expect(serious.map((f) => `${f.rule}: ${f.targets.join(' | ')}`)).toEqual([]);

  await b.click({ role: 'button', name: 'Overwrite with mine' });
  await expect
    .poll(() => stored(driver))
    .toEqual({ note: 'Von B: Presse anrufen', tags: ['Presse'] });
  await expect.poll(() => b.text({ css: '.edit-conflict' })).toBeNull();
  await expect.poll(() => b.text({ css: `[data-id="${MENTION.id}"] .save-state` })).toBe('✓ Saved');
  // A workspace opened now shows B's note.
  const c = await driver.openExtensionPage('log.html');
  await expect.poll(() => c.value({ label: NOTE })).toBe('Von B: Presse anrufen');
  expect([...a.errors, ...b.errors]).toEqual([]);
});

test('the same note from a stale tab: keep the saved version', async ({ driver }) => {
  const { b } = await sameNote(driver);
  await b.click({ role: 'button', name: 'Keep the saved version' });
  await expect.poll(() => b.text({ css: '.edit-conflict' })).toBeNull();
  await expect.poll(() => b.value({ label: NOTE })).toBe('Von A: an Vertrieb');
  expect(await stored(driver)).toEqual({ note: 'Von A: an Vertrieb', tags: ['Presse'] });
  expect(b.errors).toEqual([]);
});

test('a note in one tab and tags in a stale other: both land, nothing is asked', async ({
  driver,
}) => {
  const { a, b } = await twoTabs(driver);
  await focus(b, TAGS);
  await a.fill({ label: NOTE }, 'Von A: an Vertrieb');
  await a.press('Enter');
  await expect.poll(() => stored(driver)).toEqual({ note: 'Von A: an Vertrieb', tags: ['Presse'] });
  await b.fill({ label: TAGS }, 'Presse, Messe');
  await b.press('Enter');
  await expect
    .poll(() => stored(driver))
    .toEqual({ note: 'Von A: an Vertrieb', tags: ['Presse', 'Messe'] });
  await expect.poll(() => b.text({ css: `[data-id="${MENTION.id}"] .save-state` })).toBe('✓ Saved');

  // Each adds a tag of its own, B still showing the tags from before A's: both kept.
  await focus(b, NOTE);
  await a.fill({ label: TAGS }, 'Presse, Messe, Kunde');
  await a.press('Enter');
  await expect
    .poll(() => stored(driver))
    .toEqual({ note: 'Von A: an Vertrieb', tags: ['Presse', 'Messe', 'Kunde'] });
  await b.fill({ label: TAGS }, 'Presse, Messe, Lob');
  await b.press('Enter');
  await expect
    .poll(() => stored(driver))
    .toEqual({ note: 'Von A: an Vertrieb', tags: ['Presse', 'Messe', 'Kunde', 'Lob'] });
  expect(await b.text({ css: '.edit-conflict' })).toBeNull();
  expect(await a.text({ css: '.edit-conflict' })).toBeNull();
  expect([...a.errors, ...b.errors]).toEqual([]);
});

test.describe('in German', () => {
  test.use({ look: { scheme: 'light', lang: 'de' } });

  test('the conflict in German words', async ({ driver }, testInfo) => {
    test.skip(driver.browserName === 'firefox', 'Firefox ESR here has no German language pack');
    const note = `Notiz zu „${TITLE}“`;
    await seedLog(driver, [MENTION]);
    const a = await driver.openExtensionPage('log.html');
    const b = await driver.openExtensionPage('log.html');
    for (const page of [a, b]) await expect.poll(() => rowTitles(page)).toEqual([TITLE]);
    await focus(b, note);
    await a.fill({ label: note }, 'Von A: an Vertrieb');
    await a.press('Enter');
    await expect
      .poll(() => stored(driver))
      .toEqual({ note: 'Von A: an Vertrieb', tags: ['Presse'] });
    await b.fill({ label: note }, 'Von B: Presse anrufen');
    await b.press('Enter');
    await b.waitFor({ css: '.edit-conflict' });
    expect(await b.text({ css: '.edit-conflict' })).toContain(
      `Die Erwähnung „${TITLE}“ wurde in einem anderen Tab oder Fenster geändert, während Sie sie bearbeitet haben.`,
    );
    await b.waitFor({ role: 'button', name: 'Mit meiner überschreiben' });
    await b.waitFor({ role: 'button', name: 'Gespeicherte Fassung behalten' });
    expect(await b.text({ css: `[data-id="${MENTION.id}"] .save-state` })).toBe('Konflikt');
    writeFileSync(
      testInfo.outputPath('conflict-de.png'),
      await b.screenshot({ x: 0, y: 0, width: 1280, height: 640 }),
    );
  });
});
