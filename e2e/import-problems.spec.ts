/**
 * What an import could not take is said in the user's words, with where it
 * is: no engine text such as "Unexpected end of JSON input".
 */
import { expect, test } from './support/chromium.ts';

test('a broken file and a bad record are reported with line, column and path', async ({
  driver,
  context,
}) => {
  const page = await context.newPage();
  await page.goto(driver.extensionUrl('log.html'));
  const importFile = (name: string, text: string) =>
    page
      .getByLabel('Import JSON')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

  await importFile(
    'kaputt.json',
    '{\n  "format": "markenlotse-log",\n  "version": 1,\n  "mentions": [',
  );
  const report = page.locator('.import-report');
  await expect(report).toContainText('“kaputt.json” could not be imported:');
  await expect(report).toContainText(
    'The file is not valid JSON: the error is at line 4, column 16.',
  );
  await expect(report).toContainText('Your log is unchanged; nothing was lost.');
  await expect(report).not.toContainText('Unexpected');

  const mention = {
    id: 'm-1',
    url: 'https://www.example.de/artikel',
    createdAt: '2026-11-27T09:30:00.000Z',
  };
  await importFile(
    'teil.json',
    JSON.stringify({
      format: 'markenlotse-log',
      version: 1,
      mentions: [mention, { ...mention, id: 'm-2', sentiment: 'great' }],
    }),
  );
  // The preview says what cannot be taken over before anything is merged.
  const preview = page.locator('.import-preview');
  await expect(preview).toContainText('1 new mentions');
  await expect(preview).toContainText('1 entries cannot be taken over:');
  await expect(preview).toContainText(
    'mentions[1].sentiment: expected one of "positive", "neutral", "negative", found "great"',
  );
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    /^Imported “teil\.json”: 1 added,/,
  );
});
