/// <reference types="chrome" />
// `npm start`: builds the extension and opens Chromium with it loaded, a demo
// brand profile, and a bundled demo results page.
//
// On a machine without a display (or with --screenshots: `npm run screenshots`)
// the same demo runs headless and saves screenshots of the page and the popup
// to dist/screenshots/, which git ignores. `npm run screenshots:readme`
// (--readme) then copies them over the README's images in docs/screenshots/:
// only on purpose. A shot fails, and nothing is saved, when its page shows a
// message key instead of its text (harness/page-text.ts).
//
// The demo loads a build of its own, dist/demo/chrome, so that a `npm run
// build` or `npm test` meanwhile (both empty dist/chrome first) cannot take
// the files from under the running browser: Chromium reads an extension's
// messages from disk only when one of its pages first asks for them.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build, mergedLocales } from './build.ts';
import { DEMO_SETTINGS, launchChromiumWithExtension } from '../harness/launch.ts';
import { textOfPage, textsWithRawKeys } from '../harness/page-text.ts';
import { startServer } from '../harness/server.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const forReadme = process.argv.includes('--readme');
const wantScreenshots = forReadme || process.argv.includes('--screenshots');
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = wantScreenshots || !hasDisplay;

const extensionDir = await build('chrome', {
  minify: true,
  outdir: join(root, 'dist', 'demo', 'chrome'),
});
const server = await startServer();
const { context, worker, extensionId } = await launchChromiumWithExtension({
  headless,
  extensionDir,
});

// The demo profile goes in the way a team rollout would write it.
await worker.evaluate(async (settings) => {
  await chrome.storage.local.set({ settings });
}, DEMO_SETTINGS);

// Close the onboarding tab the first run opened (the demo brings its own
// profile), but only once it has rendered. Closed while it loads, its request
// for the extension's messages can be cut off, and Chromium keeps that empty
// answer for every extension page after it (SharedL10nMap caches the first
// answer per renderer): the popup then shows raw keys, as
// docs/screenshots/popup.png did until 2026-12-01. Here 4 of 36 launches
// that closed it at once went wrong, none of 24 that waited; the whole demo
// 2 of 55 runs before, none of 30 since.
async function closeOnboarding(): Promise<void> {
  const isOnboarding = (page: Page): boolean => page.url().includes('options.html?welcome=1');
  const until = Date.now() + 10_000;
  let onboarding = context.pages().find(isOnboarding);
  while (!onboarding && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 50));
    onboarding = context.pages().find(isOnboarding);
  }
  if (!onboarding) return;
  await onboarding.locator('#app *').first().waitFor();
  await onboarding.close();
}
await closeOnboarding();

// The demo results page is served at a search engine's address (answered
// locally by the route below: nothing leaves the machine), so that the
// results-page features (badges, one-click log) show as on a real search.
const demoUrl = 'https://www.google.de/search?q=M%C3%BCller+Werkzeugbau';
const demoPage = readFileSync(join(root, 'assets/demo/results.html'));
await context.route('https://www.google.de/search?*', (route) =>
  route.fulfill({ body: demoPage, contentType: 'text/html; charset=utf-8' }),
);
const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: 860 });
await page.goto(demoUrl);
await page.waitForFunction(() =>
  [...CSS.highlights.keys()].some((name) => name.startsWith('markenlotse')),
);
await page.waitForTimeout(500);

if (!headless) {
  console.log(`Markenlotse is running in Chromium with a demo profile.
  Demo results page: ${demoUrl} (served locally by this script)
  Click the Markenlotse icon in the toolbar (puzzle piece -> pin) to open the popup.
  Close the browser window to stop.`);
  await new Promise<void>((done) => context.on('close', () => done()));
} else {
  try {
    const out = join(root, 'dist', 'screenshots');
    mkdirSync(out, { recursive: true });
    const messageKeys = new Set(Object.values(mergedLocales()).flatMap(Object.keys));
    const shoot = async (shot: Page, file: string, fullPage = false): Promise<string> => {
      const raw = textsWithRawKeys(await textOfPage(context, shot), messageKeys);
      if (raw.length)
        throw new Error(
          `${file}: the page shows message keys instead of text:\n${raw
            .map(
              ({ text, keys }) => `  ${keys.join(', ')}  in  ${JSON.stringify(text.slice(0, 200))}`,
            )
            .join('\n')}`,
        );
      await shot.screenshot({ path: join(out, file), fullPage });
      return join(out, file);
    };
    const shots = [await shoot(page, 'results.png')];
    const tabId = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true });
      return tab?.id ?? -1;
    });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 760 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('hit-count').waitFor();
    shots.push(await shoot(popup, 'popup.png', true));
    if (forReadme) {
      const readme = join(root, 'docs', 'screenshots');
      for (const shot of shots) copyFileSync(shot, join(readme, basename(shot)));
      console.log(`README images refreshed in ${readme}: look at them before committing.`);
    } else {
      console.log(`${hasDisplay ? '' : 'No display here, so the demo ran headless (start with a display to use it interactively).\n'}Screenshots saved (git ignores them; \`npm run screenshots:readme\` refreshes the README's):
    ${shots[0]}  (the demo results page with highlights)
    ${shots[1]}  (the popup for that page)`);
    }
  } finally {
    await context.close();
  }
}
await server.close();
