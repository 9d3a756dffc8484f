/**
 * Every extension page passes axe-core with no serious or critical
 * violation, in the light and the dark colour scheme, in English and in
 * German; and every control on it is reached by the keyboard and shows
 * where the focus is.
 *
 * The pages are the built extension's own (each *.html in dist/<browser>),
 * so a page added later is checked too; none is looked up by its content.
 * Firefox ESR here has only its en-US language pack, so the German runs are
 * Chromium's (the look fixture skips them in Firefox).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, FAILING_IMPACTS, settled, type AxeFinding } from '../support/axe.ts';
import type { Sentiment } from '../../src/core/mention.ts';
import type { ExtensionDriver } from '../support/driver.ts';
import { mentionRecord, seedLog } from '../support/workspace.ts';
import { expect, test, type Look, type PageDriver } from '../support/story.ts';

const dist = resolve(fileURLToPath(import.meta.url), '../../../dist');

/** The addresses to check: each page of the build, and the states that show other parts of it. */
function pagesOf(driver: ExtensionDriver, tabId: number): string[] {
  const folder = driver.browserName === 'chromium' ? 'chrome' : 'firefox';
  const pages = readdirSync(resolve(dist, folder))
    .filter((file) => file.endsWith('.html'))
    .sort();
  return pages.flatMap((page) => {
    if (page === 'popup.html') return [`popup.html?tab=${tabId}`, 'popup.html'];
    if (page === 'options.html') return ['options.html', 'options.html?welcome=1'];
    return [page];
  });
}

/** A log with a mention of each sentiment, so that pills, tables and charts have something to show. */
async function seedSentiments(driver: ExtensionDriver): Promise<void> {
  const mention = (index: number, sentiment: Sentiment, title: string) =>
    mentionRecord(index, {
      sentiment,
      title,
      tags: ['press'],
      note: 'Checked by the sales team',
      snippet: 'Müller Werkzeugbau opens a plant',
    });
  await seedLog(driver, [
    mention(0, 'positive', 'A new plant for Müller Werkzeugbau'),
    mention(1, 'negative', 'Müller Werkzeugbau recalls a drill'),
    mention(2, 'neutral', 'Trade fair: who is there'),
  ]);
}

function report(findings: Record<string, AxeFinding[]>): string {
  return Object.entries(findings)
    .flatMap(([page, list]) =>
      list.map((f) => `${page}: [${f.impact}] ${f.rule} (${f.help}) at ${f.targets.join(' | ')}`),
    )
    .join('\n');
}

async function openSettled(driver: ExtensionDriver, path: string): Promise<PageDriver> {
  const page = await driver.openExtensionPage(path);
  await settled(page);
  return page;
}

const LOOKS: Look[] = [
  { scheme: 'light', lang: 'en' },
  { scheme: 'dark', lang: 'en' },
  { scheme: 'light', lang: 'de' },
  { scheme: 'dark', lang: 'de' },
];

for (const look of LOOKS) {
  test.describe(`${look.scheme}, ${look.lang}`, () => {
    test.use({ look });

    test('axe finds nothing serious or critical on any extension page', async ({ driver }) => {
      test.setTimeout(120_000);
      const { tabId } = await driver.openDemoTab();
      await seedSentiments(driver);
      const serious: Record<string, AxeFinding[]> = {};
      const checked: string[] = [];
      for (const path of pagesOf(driver, tabId)) {
        const page = await openSettled(driver, path);
        // The browser really shows the look under test (no silent fallback to light or English).
        const shown = await page.evaluate(() => ({
          dark: matchMedia('(prefers-color-scheme: dark)').matches,
          lang: document.documentElement.lang,
        }));
        expect(shown.dark, `${path} in the dark scheme`).toBe(look.scheme === 'dark');
        expect(shown.lang.slice(0, 2), `${path} in ${look.lang}`).toBe(look.lang);
        const findings = await axeViolations(page);
        const failing = findings.filter((f) => FAILING_IMPACTS.includes(f.impact));
        if (failing.length) serious[path] = failing;
        checked.push(
          `${path}: ${findings.length} violation(s), ${failing.length} serious/critical`,
        );
        await page.close();
      }
      test.info().annotations.push({ type: 'axe', description: checked.join('; ') });
      expect(report(serious)).toBe('');
    });
  });
}

test('every control on every page is reached with Tab and shows a focus ring', async ({
  driver,
}) => {
  test.setTimeout(120_000);
  const { tabId } = await driver.openDemoTab();
  await seedSentiments(driver);
  const problems: string[] = [];
  for (const path of pagesOf(driver, tabId)) {
    const page = await openSettled(driver, path);
    // Name every control a user could operate (visible, enabled, not taken out of the tab order).
    const controls = await page.evaluate(() => {
      const selector =
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
      const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (el) =>
          !(el as HTMLButtonElement).disabled &&
          el.tabIndex >= 0 &&
          el.checkVisibility({ visibilityProperty: true }) &&
          el.getClientRects().length > 0,
      );
      all.forEach((el, i) => (el.dataset.a11yControl = String(i)));
      return all.length;
    });
    const reached = new Set<string>();
    // Twice the controls: radio groups take one stop, so this is more than enough.
    for (let step = 0; step < controls * 2 + 2 && reached.size < controls; step++) {
      await page.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const hasRing = (node: Element) => {
          const style = getComputedStyle(node);
          return (
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
            style.boxShadow !== 'none'
          );
        };
        // A visually hidden file input shows its focus on the label drawn as its button (:focus-within).
        const label = el.closest('label');
        const ring = hasRing(el) || (label !== null && hasRing(label));
        const id = el.dataset.a11yControl;
        // A radio group is one tab stop: its other radios count as reached with it.
        const group =
          el instanceof HTMLInputElement && el.type === 'radio' && el.name
            ? [...document.querySelectorAll<HTMLElement>(`input[type=radio][name="${el.name}"]`)]
                .map((r) => r.dataset.a11yControl)
                .filter((x): x is string => x !== undefined)
            : [];
        return {
          id,
          ring,
          what: `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}.${el.className}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
          group,
        };
      });
      if (!focus?.id) continue;
      reached.add(focus.id);
      for (const id of focus.group) reached.add(id);
      if (!focus.ring) problems.push(`${path}: ${focus.what} has no visible focus ring`);
    }
    if (reached.size < controls) {
      const missed = await page.evaluate(
        (seen) =>
          [...document.querySelectorAll<HTMLElement>('[data-a11y-control]')]
            .filter((el) => !seen.includes(el.dataset.a11yControl ?? ''))
            .map(
              (el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
            ),
        [...reached],
      );
      problems.push(`${path}: not reached with Tab: ${missed.join(', ')}`);
    }
    await page.close();
  }
  expect([...new Set(problems)]).toEqual([]);
});
