/**
 * The scanner's parts (scanner-parts-entry.ts) bundled into a page, as a
 * handle: `parts.evaluate((api) => …)` runs a test's steps in the page with
 * them.
 */
import { test, type JSHandle, type Page } from '@playwright/test';
import { pageBundle } from './page-bundle.ts';
import type * as Api from './scanner-parts-entry.ts';

const GLOBAL = '__markenlotseScannerParts';

export async function scannerParts(page: Page): Promise<JSHandle<typeof Api>> {
  await page.evaluate(await pageBundle('e2e/support/scanner-parts-entry.ts', GLOBAL));
  return page.evaluateHandle((name) => {
    const api = (globalThis as unknown as Record<string, typeof Api | undefined>)[name];
    if (!api) throw new Error('the scanner parts are not loaded');
    return api;
  }, GLOBAL);
}

/** Tests on the page `html`, with the scanner's parts in it as the fixture `parts`. */
export function testOnPage(html: string) {
  return test.extend<{ parts: JSHandle<typeof Api> }>({
    parts: async ({ page }, use) => {
      await page.setContent(html);
      await use(await scannerParts(page));
    },
  });
}
