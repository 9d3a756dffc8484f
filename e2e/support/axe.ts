/**
 * axe-core (a devDependency) over a page the tests opened: its source is run
 * in the page by the automation, never bundled into the extension. The
 * extension pages' CSP (script-src 'self') would refuse a <script> tag; a
 * script the automation evaluates is not subject to it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PageDriver } from './driver.ts';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

/** One rule broken, with where. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The impacts that fail a page (axe: minor, moderate, serious, critical). */
export const FAILING_IMPACTS = ['serious', 'critical'];

/** Runs axe on the whole document (WCAG 2.x A and AA rules, best practices) and returns its violations. */
export async function axeViolations(page: PageDriver): Promise<AxeFinding[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.runScript(await source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
  });
}

/** Waits until the page's app has rendered and its text has stopped changing (any page, no selectors of its own). */
export async function settled(page: PageDriver): Promise<void> {
  await page.evaluate(async () => {
    const text = () => document.body.innerText;
    const deadline = Date.now() + 10_000;
    let last = '';
    while (Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 250));
      const now = text();
      const app = document.getElementById('app');
      if (now === last && (!app || app.childElementCount > 0)) return;
      last = now;
    }
  });
}
