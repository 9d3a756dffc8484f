/**
 * A screenshot that cannot lie: it is taken only when no text on the page is
 * a message key shown in place of its text (harness/page-text.ts). Shared by
 * `npm start` (README images) and `npm run store:images` (store images).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { textOfPage, textsWithRawKeys } from './page-text.ts';

export async function checkedScreenshot(
  context: BrowserContext,
  page: Page,
  path: string,
  messageKeys: ReadonlySet<string>,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  const raw = textsWithRawKeys(await textOfPage(context, page), messageKeys);
  if (raw.length)
    throw new Error(
      `${path}: the page shows message keys instead of text:\n${raw
        .map(({ text, keys }) => `  ${keys.join(', ')}  in  ${JSON.stringify(text.slice(0, 200))}`)
        .join('\n')}`,
    );
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
