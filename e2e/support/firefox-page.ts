/**
 * A tab in Firefox, driven through puppeteer-core over WebDriver BiDi: the
 * PageDriver of the Firefox driver. Elements are found with puppeteer's
 * `::-p-aria(...)` (accessible role and name) and `::-p-text(...)` selectors,
 * with the same rules as the Chromium page: names exact, text in part, one
 * element for an action.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Frame, KeyInput, Page } from 'puppeteer-core';
import {
  describeTarget,
  pollFor,
  type Box,
  type Download,
  type Evaluator,
  type PageDriver,
  type Served,
  type Target,
} from './driver.ts';

/** Puppeteer fails a missing control after this, within the test's budget (its default is 30 s). */
const ACTION_TIMEOUT = 10_000;

/** A string in double quotes, for an attribute value in a P-selector. */
const quoted = (text: string): string => JSON.stringify(text);

/** The selector of a target, before `hasText` narrows it. */
function selectorOf(target: Target): string {
  if ('role' in target) {
    const name = target.name === undefined ? '' : `[name=${quoted(target.name)}]`;
    return `::-p-aria(${name}[role=${quoted(target.role)}])`;
  }
  if ('label' in target) return `::-p-aria([name=${quoted(target.label)}])`;
  if ('text' in target) return `::-p-text(${quoted(target.text)})`;
  if ('testId' in target) return `[data-testid=${quoted(target.testId)}]`;
  return target.css;
}

/** evaluate() over a puppeteer page or frame. */
class PuppeteerEvaluator implements Evaluator {
  constructor(private readonly document: Page | Frame) {}

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  async evaluate<R, A>(fn: (arg?: A) => R | Promise<R>, arg?: A): Promise<R> {
    return (await this.document.evaluate(fn as (arg: unknown) => unknown, arg)) as R;
  }

  async runScript(source: string): Promise<void> {
    // A string goes to BiDi's script.evaluate as it is (not subject to the page's CSP).
    await this.document.evaluate(`${source}\n;undefined`);
  }
}

export class FirefoxPage extends PuppeteerEvaluator implements PageDriver {
  readonly errors: string[] = [];
  readonly consoleErrors: string[] = [];
  served: Served | null = null;
  private readonly closeEvent: Promise<void>;
  private closedPage: Promise<void> | undefined;

  /** `downloads`: the folder this Firefox saves downloads in. */
  constructor(
    readonly page: Page,
    private readonly downloads: string,
  ) {
    super(page);
    page.setDefaultTimeout(ACTION_TIMEOUT);
    page.on('pageerror', (error) =>
      this.errors.push(error instanceof Error ? error.message : String(error)),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    this.closeEvent = new Promise((done) => page.once('close', () => done()));
  }

  /**
   * Firefox (153 ESR) sends no contextDestroyed for a tab the extension
   * opened, so puppeteer's "close" never comes for extension pages: a page
   * that no longer answers has closed too.
   */
  get closed(): Promise<void> {
    this.closedPage ??= Promise.race([
      this.closeEvent,
      pollFor(
        'the page to close',
        async () => ((await this.page.evaluate(() => true).catch(() => false)) ? undefined : true),
        60_000,
      ).then(() => undefined),
    ]);
    return this.closedPage;
  }

  async url(): Promise<string> {
    // Puppeteer does not follow every navigation over BiDi: ask the document.
    return this.page.evaluate(() => location.href);
  }

  async goto(
    url: string,
    options: { waitUntil?: 'load' | 'domcontentloaded' } = {},
  ): Promise<Served> {
    const response = await this.page.goto(url, { waitUntil: options.waitUntil ?? 'load' });
    this.served = { status: response?.status() ?? 0, headers: response?.headers() ?? {} };
    return this.served;
  }

  frame(url: RegExp): Evaluator | null {
    const frame = this.page.frames().find((f) => url.test(f.url()));
    return frame ? new PuppeteerEvaluator(frame) : null;
  }

  async click(target: Target, options: { closesPage?: boolean } = {}): Promise<void> {
    const element = await this.one(target);
    // A page closing under an evaluate leaves it unanswered: click once the evaluate has returned.
    if (options.closesPage)
      await element.evaluate((el) => void setTimeout(() => (el as HTMLElement).click()));
    else await element.asLocator().click();
  }

  async press(key: string): Promise<void> {
    // Puppeteer presses one key at a time: "Shift+Tab" is Shift held around Tab.
    const keys = key.split('+') as KeyInput[];
    const last = keys.pop();
    if (!last) return;
    for (const held of keys) await this.page.keyboard.down(held);
    await this.page.keyboard.press(last);
    for (const held of keys.reverse()) await this.page.keyboard.up(held);
  }

  async fill(target: Target, value: string): Promise<void> {
    const element = await this.one(target);
    if (value !== '') {
      await element.asLocator().fill(value);
      return;
    }
    // Puppeteer's fill('') empties the value without an input event (puppeteer-core 25.16):
    // delete the text as a user does, so the page hears it.
    await element.focus();
    await element.evaluate((el) => (el as HTMLInputElement).select());
    await this.page.keyboard.press('Backspace');
  }

  async check(target: Target): Promise<void> {
    const element = await this.one(target);
    const checked = () => element.evaluate((el) => (el as HTMLInputElement).checked);
    if (!(await checked())) await element.asLocator().click();
    if (!(await checked())) throw new Error(`${describeTarget(target)} did not become checked`);
  }

  async waitFor(target: Target): Promise<void> {
    await pollFor(
      `${describeTarget(target)} to be visible`,
      async () => {
        for (const element of await this.all(target)) if (await element.isVisible()) return true;
        return undefined;
      },
      ACTION_TIMEOUT,
    );
  }

  async text(target: Target): Promise<string | null> {
    const [first] = await this.all(target);
    if (!first) return null;
    return first.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  async value(target: Target): Promise<string | null> {
    const [first] = await this.all(target);
    if (!first) return null;
    return first.evaluate((el) => (el as HTMLInputElement).value);
  }

  async select(target: Target, value: string): Promise<void> {
    const element = await this.one(target);
    await element.select(value);
  }

  async chooseFile(target: Target, file: { name: string; text: string }): Promise<void> {
    const element = (await this.one(target)) as ElementHandle<HTMLInputElement>;
    const dir = await mkdtemp(join(tmpdir(), 'markenlotse-upload-'));
    // The page reads the file after the change event: keep it until the process ends.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, file.name);
    await writeFile(path, file.text);
    await element.uploadFile(path);
  }

  async controlState(target: Target): Promise<{ checked: boolean; disabled: boolean } | null> {
    const [first] = await this.all(target);
    if (!first) return null;
    return first.evaluate((el) => ({
      checked: (el as HTMLInputElement).checked,
      disabled: (el as HTMLInputElement).disabled,
    }));
  }

  /** Clicks, then waits for a new file in the download folder that Firefox has finished writing. */
  async download(target: Target): Promise<Download> {
    const before = new Set(await readdir(this.downloads));
    await this.click(target);
    const fileName = await pollFor(
      `a download after clicking ${describeTarget(target)}`,
      async () => {
        const fresh = (await readdir(this.downloads)).filter((f) => !before.has(f));
        // Firefox writes "<name>.part" and renames it when done.
        if (fresh.some((f) => f.endsWith('.part'))) return undefined;
        return fresh[0];
      },
    );
    const path = join(this.downloads, fileName);
    // The rename may come before the last write is visible to us: wait for a stable size.
    await pollFor(`${fileName} to be complete`, async () => {
      const first = (await stat(path)).size;
      await new Promise((done) => setTimeout(done, 50));
      return first > 0 && (await stat(path)).size === first ? true : undefined;
    });
    const text = await readFile(path, 'utf8');
    // The session's download folder outlives a test: a file left there makes
    // Firefox name the next one of that name "<name>(1).json" (seen 2026-12-02).
    await rm(path);
    return { fileName, text };
  }

  async screenshot(clip: Box): Promise<Buffer> {
    return Buffer.from(await this.page.screenshot({ clip }));
  }

  setViewport(size: { width: number; height: number }): Promise<void> {
    return this.page.setViewport(size);
  }

  close(): Promise<void> {
    return this.page.close();
  }

  /** Every element the target matches now. */
  private async all(target: Target): Promise<ElementHandle[]> {
    let elements = await this.page.$$(selectorOf(target));
    // An accessible name also names the <label> around a control: keep the control.
    if ('label' in target)
      elements = await keep(elements, (el) => el.matches('input, textarea, select, button'));
    const hasText = 'hasText' in target ? target.hasText : undefined;
    if (hasText !== undefined) {
      // As Playwright's hasText: in part, ignoring case and runs of white space.
      const wanted = hasText.replace(/\s+/g, ' ').toLowerCase();
      const matches: ElementHandle[] = [];
      for (const element of elements) {
        const text = await element.evaluate((el) =>
          (el.textContent ?? '').replace(/\s+/g, ' ').toLowerCase(),
        );
        if (text.includes(wanted)) matches.push(element);
      }
      elements = matches;
    }
    return elements;
  }

  /** The one element the target matches, once there is one; more than one is an error. */
  private async one(target: Target): Promise<ElementHandle> {
    const elements = await pollFor(
      describeTarget(target),
      async () => {
        const found = await this.all(target);
        return found.length > 0 ? found : undefined;
      },
      ACTION_TIMEOUT,
    );
    const [first] = elements;
    if (!first || elements.length > 1)
      throw new Error(`${describeTarget(target)} matches ${elements.length} elements`);
    return first;
  }
}

async function keep(
  elements: ElementHandle[],
  test: (element: Element) => boolean,
): Promise<ElementHandle[]> {
  const kept: ElementHandle[] = [];
  for (const element of elements) if (await element.evaluate(test)) kept.push(element);
  return kept;
}
