// `npm run store:images`: the store's images, made in headless Chromium.
//
//   dist/store/promo-tile-<lang>.png   440 x 280, the small promo tile (from assets/icon.svg)
//   dist/store/<lang>/<n>-<page>.png   1280 x 800 screenshots, English and German
//
// dist/ is not tracked. `npm run store:images:refresh` (--refresh) then
// copies them over store/images/: only on purpose, after looking at them.
// Every screenshot is refused when its page shows a message key instead of
// its text (harness/checked-shot.ts), as the README's are. The images are
// 24-bit PNGs without alpha, as the Chrome Web Store asks.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { build, mergedLocales } from './build.ts';
import { CHROMIUM_ARGS, DEMO_SETTINGS, launchChromiumWithExtension } from '../harness/launch.ts';
import { checkedScreenshot } from '../harness/checked-shot.ts';
import { startServer } from '../harness/server.ts';
import { PROMO_TEXT, STORE_LANGS, type StoreLang } from './store-texts.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const out = join(root, 'dist', 'store');
const refresh = process.argv.includes('--refresh');
const SIZE = { width: 1280, height: 800 };

/** Rewrites a PNG as 8-bit RGB on white: no alpha channel. */
function withoutAlpha(path: string): void {
  const image = PNG.sync.read(readFileSync(path));
  const rgb = new PNG({ width: image.width, height: image.height, colorType: 2 });
  for (let i = 0; i < image.data.length; i += 4) {
    const a = (image.data[i + 3] ?? 255) / 255;
    for (let c = 0; c < 3; c++)
      rgb.data[i + c] = Math.round((image.data[i + c] ?? 0) * a + 255 * (1 - a));
    rgb.data[i + 3] = 255;
  }
  writeFileSync(path, PNG.sync.write(rgb, { colorType: 2 }));
}

async function promoTiles(): Promise<string[]> {
  const icon = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 440, height: 280 } });
    const files: string[] = [];
    for (const lang of STORE_LANGS) {
      const text = PROMO_TEXT[lang];
      await page.setContent(`<!doctype html><html lang="${lang}"><meta charset="utf-8"><style>
        body { margin: 0; width: 440px; height: 280px; display: flex; align-items: center; gap: 26px;
          padding: 0 34px; box-sizing: border-box; background: #f4f6f8; color: #1b1f24;
          font-family: 'DejaVu Sans', 'Liberation Sans', system-ui, sans-serif; }
        svg { width: 128px; height: 128px; flex: none; }
        h1 { margin: 0 0 10px; font-size: 32px; letter-spacing: -0.5px; color: #1f3a5f; }
        p { margin: 0; font-size: 17px; line-height: 1.35; }
        mark { background: #ffd54f; color: #000; padding: 0 3px; border-radius: 3px; }
      </style><body>${icon}<div><h1>Markenlotse</h1><p>${text}</p></div></body></html>`);
      const file = join(out, `promo-tile-${lang}.png`);
      await page.screenshot({ path: file });
      withoutAlpha(file);
      files.push(file);
    }
    return files;
  } finally {
    await browser.close();
  }
}

/** Per mention: days after 2 Nov 2026, sentiment, address, and title and tags in each language. */
const DEMO_MENTIONS: {
  day: number;
  sentiment: string;
  url: string;
  text: Record<StoreLang, { title: string; tags: string[] }>;
}[] = [
  {
    day: 25,
    sentiment: 'positive',
    url: 'https://www.swp.example/ulm/werk',
    text: {
      en: { title: 'Müller Werkzeugbau opens a second plant in Ulm', tags: ['press'] },
      de: { title: 'Müller Werkzeugbau eröffnet zweites Werk in Ulm', tags: ['Presse'] },
    },
  },
  {
    day: 21,
    sentiment: 'negative',
    url: 'https://www.werkzeug-test.example/robodrill',
    text: {
      en: {
        title: 'RoboDrill 3000: bearings wear out early, says a test',
        tags: ['product', 'test'],
      },
      de: { title: 'RoboDrill 3000 im Test: Lager verschleißen früh', tags: ['Produkt', 'Test'] },
    },
  },
  {
    day: 14,
    sentiment: 'neutral',
    url: 'https://www.messe.example/amb/aussteller',
    text: {
      en: { title: 'Trade fair AMB: who exhibits in hall 3', tags: ['fair'] },
      de: { title: 'Messe AMB: Wer in Halle 3 ausstellt', tags: ['Messe'] },
    },
  },
  {
    day: 9,
    sentiment: 'positive',
    url: 'https://www.kununu.example/mueller-werkzeugbau',
    text: {
      en: { title: 'Müller Werkzeugbau reviews on kununu', tags: ['employer'] },
      de: { title: 'Müller Werkzeugbau: Bewertungen auf kununu', tags: ['Arbeitgeber'] },
    },
  },
  {
    day: 3,
    sentiment: 'negative',
    url: 'https://forum.zerspanung.example/t/4711',
    text: {
      en: { title: 'Forum: delivery times of Müller Werkzeugbau', tags: ['service'] },
      de: { title: 'Forum: Lieferzeiten bei Müller Werkzeugbau', tags: ['Service'] },
    },
  },
];

/** A few mentions for the workspace and the report, as an import brings them. */
function demoLog(lang: StoreLang): string {
  const day = (n: number) => new Date(Date.UTC(2026, 10, 2 + n, 9, 30)).toISOString();
  return JSON.stringify({
    format: 'markenlotse-log',
    version: 1,
    exportedAt: day(27),
    mentions: DEMO_MENTIONS.map((m, i) => ({
      id: `m${i + 1}`,
      url: m.url,
      title: m.text[lang].title,
      brands: ['Müller Werkzeugbau'],
      terms: ['Müller Werkzeugbau'],
      sentiment: m.sentiment,
      tags: m.text[lang].tags,
      note: '',
      snippet: `${m.text[lang].title} …`,
      createdAt: day(m.day),
      updatedAt: day(m.day),
    })),
    sightings: [],
  });
}

/** Waits until the page's app has rendered and stopped changing. */
async function settle(page: Page): Promise<void> {
  await page.locator('#app *').first().waitFor();
  await page.waitForTimeout(600);
}

async function screenshots(lang: StoreLang, extensionDir: string): Promise<string[]> {
  const dir = join(out, lang);
  mkdirSync(dir, { recursive: true });
  const messageKeys = new Set(Object.values(mergedLocales()).flatMap(Object.keys));
  const { context, worker, extensionId } = await launchChromiumWithExtension({
    extensionDir,
    ...(lang === 'en' ? {} : { lang }),
  });
  const server = await startServer();
  const files: string[] = [];
  const shoot = (page: Page, name: string) =>
    checkedScreenshot(context, page, join(dir, name), messageKeys).then((file) => {
      withoutAlpha(file);
      files.push(file);
      return file;
    });
  const extensionPage = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    await settle(page);
    return page;
  };
  try {
    // 1. The first run, as a new user sees it.
    const welcome = await waitForWelcome(context);
    await welcome.setViewportSize(SIZE);
    await settle(welcome);
    // The company entered and saved: the banner then offers the search for it.
    await welcome
      .locator('.brand-name input')
      .first()
      .fill(DEMO_SETTINGS.brands[0]?.name ?? '');
    await welcome.locator('.save-bar button.primary').click();
    await welcome.locator('.welcome-next a').waitFor();
    await welcome.evaluate(() => window.scrollTo(0, 0));
    await shoot(welcome, '5-welcome.png');
    await worker.evaluate(async (settings) => {
      await chrome.storage.local.set({ settings });
    }, DEMO_SETTINGS);

    // 2. A results page with the names highlighted and the badges (routed locally, as `npm start` does).
    const demoPage = readFileSync(join(root, 'assets/demo/results.html'));
    await context.route('https://www.google.de/search?*', (route) =>
      route.fulfill({ body: demoPage, contentType: 'text/html; charset=utf-8' }),
    );
    const results = await context.newPage();
    await results.setViewportSize(SIZE);
    await results.goto('https://www.google.de/search?q=M%C3%BCller+Werkzeugbau');
    await results.waitForFunction(() =>
      [...CSS.highlights.keys()].some((name) => name.startsWith('markenlotse')),
    );
    await results.waitForTimeout(600);
    const resultsShot = await shoot(results, '1-results.png');

    // 3. The popup over that page.
    // The results page is the active tab now (tabs.query by url needs the tabs permission).
    await results.bringToFront();
    const tabId = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('hit-count').waitFor();
    await popup.waitForTimeout(400);
    const popupShot = join(dir, 'popup-alone.png');
    await checkedScreenshot(context, popup, popupShot, messageKeys);
    files.push(await composite(context, resultsShot, popupShot, join(dir, '2-popup.png')));
    rmSync(popupShot);

    // 4. The workspace and the report with a small log.
    // Staged and committed as the workspace imports a file (the demo log fits one chunk).
    const imported: unknown = await popup.evaluate(async (text): Promise<unknown> => {
      type Reply = { ok: boolean; value?: unknown; error?: string };
      const ask = async (type: string, args: unknown) => {
        const reply = await chrome.runtime.sendMessage<unknown, Reply>({ type, args });
        if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply)}`);
        return reply.value;
      };
      const file = JSON.parse(text) as Record<string, unknown>;
      const { importId } = (await ask('import/begin', {
        name: 'demo.json',
        size: text.length,
        format: file.format,
        version: file.version,
      })) as { importId: string };
      await ask('import/chunk', {
        importId,
        seq: 0,
        first: { mentions: 0, sightings: 0 },
        mentions: file.mentions ?? [],
        sightings: file.sightings ?? [],
      });
      return ask('import/commit', { importId, choices: {} });
    }, demoLog(lang));
    if (!(imported as { added?: number }).added)
      throw new Error(`the demo log was not imported: ${JSON.stringify(imported)}`);
    await shoot(await extensionPage('log.html'), '3-workspace.png');
    if (existsSync(join(extensionDir, 'report.html')))
      await shoot(await extensionPage('report.html'), '4-report.png');
    await shoot(await extensionPage('options.html'), '6-options.png');
  } finally {
    await context.close();
    await server.close();
  }
  return files;
}

async function waitForWelcome(context: BrowserContext): Promise<Page> {
  const isWelcome = (page: Page) => page.url().includes('options.html?welcome=1');
  return (
    context.pages().find(isWelcome) ??
    (await context.waitForEvent('page', { predicate: isWelcome }))
  );
}

/** The popup where Chrome shows it: under the toolbar, on the right, over the page. */
async function composite(
  context: BrowserContext,
  page: string,
  popup: string,
  file: string,
): Promise<string> {
  const data = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;
  const sheet = await context.newPage();
  await sheet.setViewportSize(SIZE);
  await sheet.setContent(`<!doctype html><style>
    body { margin: 0; width: 1280px; height: 800px; overflow: hidden; background: url(${data(page)}); }
    img { position: absolute; top: 8px; right: 16px; width: 400px; border-radius: 8px;
      box-shadow: 0 6px 24px rgb(0 0 0 / 0.35), 0 0 0 1px rgb(0 0 0 / 0.15); }
  </style><body><img src="${data(popup)}" alt=""></body>`);
  await sheet.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await sheet.screenshot({ path: file });
  withoutAlpha(file);
  await sheet.close();
  return file;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const extensionDir = await build('chrome', { minify: true, outdir: join(out, 'build', 'chrome') });
const made = [...(await promoTiles())];
for (const lang of STORE_LANGS) made.push(...(await screenshots(lang, extensionDir)));
rmSync(join(out, 'build'), { recursive: true, force: true });

if (refresh) {
  const target = join(root, 'store', 'images');
  for (const file of made) {
    const dest = join(target, relative(out, file));
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(file, dest);
  }
  console.log(`Store images refreshed in ${target}: look at each one before committing.`);
} else {
  console.log(
    `Store images written (git ignores them; \`npm run store:images:refresh\` copies them to store/images/):`,
  );
  for (const file of made) console.log(`  ${relative(root, file)}`);
}
