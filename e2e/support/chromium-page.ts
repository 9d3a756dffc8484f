/** A tab in Chromium, driven through Playwright: the PageDriver of the Chromium driver. */
import { readFile } from 'node:fs/promises';
import type { Frame, Locator, Page } from '@playwright/test';
import type { Box, Download, Evaluator, PageDriver, Served, Target } from './driver.ts';

type AriaRole = Parameters<Page['getByRole']>[0];

/** evaluate() over a Playwright page or frame. */
class PlaywrightEvaluator implements Evaluator {
  constructor(private readonly document: Page | Frame) {}

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg?: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.document.evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
  }

  async runScript(source: string): Promise<void> {
    // A string is evaluated as an expression over DevTools (not subject to the page's CSP).
    await this.document.evaluate(`${source}\n;undefined`);
  }
}

export class ChromiumPage extends PlaywrightEvaluator implements PageDriver {
  readonly errors: string[] = [];
  readonly consoleErrors: string[] = [];
  served: Served | null = null;
  readonly closed: Promise<void>;

  constructor(readonly page: Page) {
    super(page);
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    this.closed = new Promise((done) => page.once('close', () => done()));
  }

  url(): Promise<string> {
    return Promise.resolve(this.page.url());
  }

  async goto(
    url: string,
    options: { waitUntil?: 'load' | 'domcontentloaded' } = {},
  ): Promise<Served> {
    const response = await this.page.goto(
      url,
      options.waitUntil ? { waitUntil: options.waitUntil } : {},
    );
    this.served = { status: response?.status() ?? 0, headers: response?.headers() ?? {} };
    return this.served;
  }

  frame(url: RegExp): Evaluator | null {
    const frame = this.page.frame({ url });
    return frame ? new PlaywrightEvaluator(frame) : null;
  }

  async click(target: Target, options: { closesPage?: boolean } = {}): Promise<void> {
    const locator = this.locate(target);
    // A page that closes under Playwright's click fails the click: dispatch it and go.
    if (options.closesPage) await locator.evaluate((element: HTMLElement) => element.click());
    else await locator.click();
  }

  async fill(target: Target, value: string): Promise<void> {
    await this.locate(target).fill(value);
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }

  async check(target: Target): Promise<void> {
    await this.locate(target).check();
  }

  async waitFor(target: Target): Promise<void> {
    await this.locate(target).first().waitFor({ state: 'visible' });
  }

  async text(target: Target): Promise<string | null> {
    const first = this.locate(target).first();
    if ((await first.count()) === 0) return null;
    return (await first.textContent())?.replace(/\s+/g, ' ').trim() ?? null;
  }

  async value(target: Target): Promise<string | null> {
    const first = this.locate(target).first();
    if ((await first.count()) === 0) return null;
    return first.inputValue();
  }

  async select(target: Target, value: string): Promise<void> {
    await this.locate(target).selectOption(value);
  }

  async chooseFile(target: Target, file: { name: string; text: string }): Promise<void> {
    await this.locate(target).setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: Buffer.from(file.text),
    });
  }

  async controlState(target: Target): Promise<{ checked: boolean; disabled: boolean } | null> {
    const first = this.locate(target).first();
    if ((await first.count()) === 0) return null;
    return first.evaluate((el: HTMLInputElement) => ({
      checked: el.checked,
      disabled: el.disabled,
    }));
  }

  async download(target: Target): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.locate(target).click(),
    ]);
    return {
      fileName: download.suggestedFilename(),
      text: await readFile(await download.path(), 'utf8'),
    };
  }

  screenshot(clip: Box): Promise<Buffer> {
    return this.page.screenshot({ clip });
  }

  setViewport(size: { width: number; height: number }): Promise<void> {
    return this.page.setViewportSize(size);
  }

  close(): Promise<void> {
    return this.page.close();
  }

  /** The Playwright locator of a target: role and label names match exactly, text in part. */
  locate(target: Target): Locator {
    const page = this.page;
    if ('role' in target) {
      const locator = page.getByRole(
        target.role as AriaRole,
        target.name === undefined ? {} : { name: target.name, exact: true },
      );
      return target.hasText === undefined ? locator : locator.filter({ hasText: target.hasText });
    }
    if ('label' in target) return page.getByLabel(target.label, { exact: true });
    if ('text' in target) return page.getByText(target.text);
    if ('testId' in target) return page.getByTestId(target.testId);
    const locator = page.locator(target.css);
    return target.hasText === undefined ? locator : locator.filter({ hasText: target.hasText });
  }
}
