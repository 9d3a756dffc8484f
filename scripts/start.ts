/// <reference types="chrome" />
// `npm start`: builds the extension and opens Chromium with it loaded, a demo
// brand profile, and a bundled demo results page.
//
// On a machine without a display (or with --screenshots) the same demo runs
// headless and saves screenshots of the page and the popup to docs/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.ts';
import { DEMO_SETTINGS, launchChromiumWithExtension } from '../harness/launch.ts';
import { startServer } from '../harness/server.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const wantScreenshots = process.argv.includes('--screenshots');
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = wantScreenshots || !hasDisplay;

await build('chrome', { minify: true });
const server = await startServer();
const { context, worker, extensionId } = await launchChromiumWithExtension({ headless });

// The demo profile goes in the way a team rollout would write it.
await worker.evaluate(async (settings) => {
  await chrome.storage.local.set({ settings });
}, DEMO_SETTINGS);

// Close the onboarding tab the first run opened: the demo brings its own profile.
for (const page of context.pages()) if (page.url().includes('options.html')) await page.close();

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
  const out = join(root, 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, 'results.png') });
  const tabId = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    return tab?.id ?? -1;
  });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('hit-count').waitFor();
  await popup.screenshot({ path: join(out, 'popup.png'), fullPage: true });
  console.log(`No display here, so the demo ran headless (start with a display to use it interactively).
  Screenshots saved:
    ${join(out, 'results.png')}  (the demo results page with highlights)
    ${join(out, 'popup.png')}  (the popup for that page)`);
  await context.close();
}
await server.close();
