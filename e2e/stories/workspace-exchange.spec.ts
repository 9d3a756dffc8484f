/**
 * Handing the log to the team from the workspace: exports of what is on
 * screen in both CSV dialects, Excel and JSON, copied rows; and importing a
 * colleague's log with a preview, choices and one merge.
 */
import readXlsxFile from 'read-excel-file/node';
import { MENTION_COLUMNS } from '../../src/core/exchange.ts';
import { expect, test } from '../support/story.ts';
import {
  catchClipboard,
  chooseFile,
  chooseOption,
  exportText,
  mentionRecord,
  rowTitles,
  savedFile,
  seedLog,
  sightingRecord,
  strictCsv,
} from '../support/workspace.ts';

const MENTIONS = [
  mentionRecord(0, { sentiment: 'negative', title: 'Beschwerde; "laut"', note: 'zwei\nZeilen' }),
  mentionRecord(1, { sentiment: 'positive' }),
  mentionRecord(2, { sentiment: 'negative', title: '=HYPERLINK("http://x","y")' }),
  mentionRecord(3, {
    sentiment: 'negative',
    search: { engine: 'google', query: 'müller', rank: 2, page: 1 },
  }),
  mentionRecord(4, { sentiment: 'neutral' }),
];
const SIGHTINGS = [sightingRecord(0), sightingRecord(1)];
const NEGATIVE = MENTIONS.filter((m) => m.sentiment === 'negative');

test('a filtered view exported in both CSV dialects reads back strictly', async ({ driver }) => {
  await seedLog(driver, MENTIONS, SIGHTINGS);
  const page = await driver.openExtensionPage('log.html?sentiment=negative');
  await expect.poll(() => rowTitles(page)).toHaveLength(3);

  await chooseOption(page, 'CSV dialect', 'excel-de');
  const german = await savedFile(page, () => page.click({ role: 'button', name: 'CSV' }));
  expect(german.fileName).toMatch(/^markenlotse-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...german.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const de = strictCsv(german.text.slice(1), ';');
  expect(de).toHaveLength(1 + NEGATIVE.length);
  expect(new Set(de.map((row) => row.length))).toEqual(new Set([MENTION_COLUMNS.length]));
  const created = MENTION_COLUMNS.indexOf('createdAt');
  for (const row of de.slice(1)) expect(row[created]).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
  const title = MENTION_COLUMNS.indexOf('title');
  expect(de.slice(1).map((row) => row[title])).toEqual([
    'Beschwerde; "laut"',
    `'=HYPERLINK("http://x","y")`,
    MENTIONS[3]?.title,
  ]);
  expect(de[1]?.[MENTION_COLUMNS.indexOf('note')]).toBe('zwei\nZeilen');

  await chooseOption(page, 'CSV dialect', 'standard');
  const standard = await savedFile(page, () => page.click({ role: 'button', name: 'CSV' }));
  const en = strictCsv(standard.text.slice(1), ',');
  expect(en[0]).toEqual([...MENTION_COLUMNS]);
  expect(new Set(en.map((row) => row.length))).toEqual(new Set([MENTION_COLUMNS.length]));
  for (const row of en.slice(1)) {
    const time = row[created] ?? '';
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(Date.parse(time)).toBe(Date.parse(NEGATIVE[en.indexOf(row) - 1]?.createdAt ?? ''));
  }
  expect(en.slice(1).map((row) => row[MENTION_COLUMNS.indexOf('status')])).toEqual([
    'new',
    'new',
    'new',
  ]);
  expect(en[3]?.[MENTION_COLUMNS.indexOf('engine')]).toBe('google');

  // Sightings are a file of their own.
  await chooseOption(page, 'Records in the CSV', 'sightings');
  const sightings = await savedFile(page, () => page.click({ role: 'button', name: 'CSV' }));
  expect(sightings.fileName).toMatch(/^markenlotse-sightings-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(strictCsv(sightings.text.slice(1), ',')).toHaveLength(1 + SIGHTINGS.length);
  expect(page.errors).toEqual([]);
});

test('Excel and JSON of what is on screen, everything as a backup, rows copied as text', async ({
  driver,
}) => {
  await seedLog(driver, MENTIONS, SIGHTINGS);
  const page = await driver.openExtensionPage('log.html?sentiment=negative');
  await expect.poll(() => rowTitles(page)).toHaveLength(3);

  const excel = await savedFile(page, () => page.click({ role: 'button', name: 'Excel' }));
  expect(excel.fileName).toMatch(/^markenlotse-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const [mentionSheet, sightingSheet] = await readXlsxFile(excel.bytes);
  expect(mentionSheet?.sheet).toBe('Mentions');
  expect(mentionSheet?.data).toHaveLength(1 + NEGATIVE.length);
  expect(mentionSheet?.data[0]?.[MENTION_COLUMNS.indexOf('createdAt')]).toBe('Logged');
  expect(mentionSheet?.data[1]?.[MENTION_COLUMNS.indexOf('createdAt')]).toBeInstanceOf(Date);
  expect(mentionSheet?.data[1]?.[MENTION_COLUMNS.indexOf('sentiment')]).toBe('Negative');
  expect(sightingSheet?.data).toHaveLength(1 + SIGHTINGS.length);

  const json = await savedFile(page, () => page.click({ role: 'button', name: 'JSON' }));
  const doc = JSON.parse(json.text) as { version: number; mentions: { id: string }[] };
  expect(doc.version).toBe(2);
  expect(doc.mentions.map((m) => m.id)).toEqual(NEGATIVE.map((m) => m.id));

  await chooseOption(page, 'What to export', 'all');
  const all = await savedFile(page, () => page.click({ role: 'button', name: 'JSON' }));
  const backup = JSON.parse(all.text) as { mentions: unknown[]; sightings: unknown[] };
  expect([backup.mentions.length, backup.sightings.length]).toEqual([5, 2]);
  await expect
    .poll(async () => (await driver.askWorker('log/status', null)).lastExportAt)
    .not.toBeNull();

  const copied = await catchClipboard(page);
  await page.click({ label: `Select “${NEGATIVE[0]?.title}”` });
  await page.click({ label: `Select “${NEGATIVE[2]?.title}”` });
  await page.click({ role: 'button', name: 'Copy as text' });
  await expect.poll(copied).toBeDefined();
  const lines = ((await copied()) ?? '').split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(3);
  expect(lines.every((line) => line.split('\t').length >= MENTION_COLUMNS.length)).toBe(true);
  expect(lines[1]).toContain(NEGATIVE[0]?.id);
  expect(lines[2]).toContain(NEGATIVE[2]?.id);
  expect(page.errors).toEqual([]);
});

test('an import shows what it would do, takes the choices, and the same file twice adds nothing', async ({
  driver,
}) => {
  await seedLog(driver, MENTIONS.slice(0, 3));
  const page = await driver.openExtensionPage('log.html');
  await expect.poll(() => rowTitles(page)).toHaveLength(3);
  const changed = {
    ...MENTIONS[1]!,
    sentiment: 'negative' as const,
    note: 'vom Kollegen',
    updatedAt: '2026-12-01T08:00:00.000Z',
  };
  const file = {
    name: 'kollege.json',
    text: exportText([MENTIONS[0]!, changed, MENTIONS[2]!, mentionRecord(9)], [sightingRecord(5)]),
  };

  await chooseFile(page, 'Import JSON', file);
  await page.waitFor({ css: '.import-preview' });
  expect(await page.text({ css: '[data-count="added"]' })).toBe('1 new mentions');
  expect(await page.text({ css: '[data-count="identical"]' })).toBe('2 already in your log');
  expect(await page.text({ css: '[data-count="differing"]' })).toBe('1 that differ from yours');
  expect(await page.text({ css: '.difference-fields' })).toContain('vom Kollegen');
  // Nothing is written before the import is confirmed.
  expect((await driver.log()).mentions).toHaveLength(3);
  await page.click({ css: `input[name="choice-${changed.id}"][value="both"]` });
  await page.click({ role: 'button', name: 'Import' });
  await expect
    .poll(() => page.text({ css: '.live-text' }))
    .toBe(
      'Imported “kollege.json”: 1 added, 0 replaced, 1 kept beside yours, 2 unchanged, 1 sightings.',
    );
  const after = (await driver.log()).mentions;
  expect(after).toHaveLength(5);
  expect(after.find((m) => m.id === changed.id)?.sentiment).toBe('positive');
  expect(after.filter((m) => m.note === 'vom Kollegen')).toHaveLength(1);
  await expect.poll(() => rowTitles(page)).toHaveLength(5);

  await chooseFile(page, 'Import JSON', file);
  await page.waitFor({ css: '.import-preview' });
  expect(await page.text({ css: '[data-count="added"]' })).toBe('0 new mentions');
  expect(await page.text({ css: '[data-count="differing"]' })).toBe('0 that differ from yours');
  await page.click({ role: 'button', name: 'Done' });
  await expect.poll(() => page.text({ css: '.live-text' })).toContain('0 added');
  expect((await driver.log()).mentions).toHaveLength(5);
  expect(page.errors).toEqual([]);
});

test('a broken, a foreign and a too new file are refused in words, and change nothing', async ({
  driver,
}) => {
  await seedLog(driver, MENTIONS.slice(0, 2));
  const page = await driver.openExtensionPage('log.html');
  await expect.poll(() => rowTitles(page)).toHaveLength(2);
  const refusal = async (name: string, text: string) => {
    await chooseFile(page, 'Import JSON', { name, text });
    await expect.poll(() => page.text({ css: '.import-failed' })).toContain(`“${name}”`);
    return page.text({ css: '.import-failed' });
  };
  expect(
    await refusal(
      'kaputt.json',
      '{\n  "format": "markenlotse-log",\n  "version": 2,\n  "mentions": [',
    ),
  ).toContain('The file is not valid JSON: the error is at line 4, column 16.');
  expect(await refusal('fremd.json', '{"format": "other-tool", "items": []}')).toContain(
    'its format is "other-tool"',
  );
  expect(
    await refusal('neu.json', '{"format": "markenlotse-log", "version": 99, "mentions": []}'),
  ).toContain('Written by a newer Markenlotse (version 99');
  expect(await refusal('leer.json', '')).toContain('The file is empty.');
  expect(await page.text({ css: '.import-failed' })).toContain('Your log is unchanged');
  expect((await driver.log()).mentions).toHaveLength(2);
  expect(page.errors).toEqual([]);
});

test('an export of everything, read by the workspace itself, holds exactly the worker’s records', async ({
  driver,
}) => {
  // More than the worker's first chunk (1,000) and than one of the page's reads would hold.
  const mentions = Array.from({ length: 2600 }, (_, i) => mentionRecord(i));
  const sightings = Array.from({ length: 1300 }, (_, i) => sightingRecord(i));
  await seedLog(driver, mentions, sightings);
  const fromWorker = async (kind: 'export/mentions' | 'export/sightings') => {
    const rows: unknown[] = [];
    let after: string | null = null;
    do {
      const chunk: { rows: unknown[]; next: string | null } =
        kind === 'export/mentions'
          ? await driver.askWorker(kind, {
              filter: null,
              sort: { key: 'date', descending: true },
              after,
              limit: 500,
            })
          : await driver.askWorker(kind, { filter: null, after, limit: 500 });
      rows.push(...chunk.rows);
      after = chunk.next;
    } while (after !== null);
    return rows;
  };
  const page = await driver.openExtensionPage('log.html');
  await expect.poll(() => rowTitles(page)).not.toHaveLength(0);
  await chooseOption(page, 'What to export', 'all');
  const file = await savedFile(page, () => page.click({ role: 'button', name: 'JSON' }));
  const doc = JSON.parse(file.text) as { mentions: unknown[]; sightings: unknown[] };
  expect(doc.mentions).toHaveLength(mentions.length);
  expect(doc.mentions).toEqual(await fromWorker('export/mentions'));
  expect(doc.sightings).toHaveLength(sightings.length);
  expect(doc.sightings).toEqual(await fromWorker('export/sightings'));
  expect(page.errors).toEqual([]);
});
