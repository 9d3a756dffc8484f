/// <reference types="chrome" />
/**
 * On a results page: each result that mentions the brand gets a badge, "new"
 * only the first time its address shows up; ads by others on the brand's name
 * are flagged; one click logs a result with its query and rank.
 *
 * The page is served at a real Google address (routed to a local fixture), so
 * the content script sees a real results URL.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import {
  DEMO_SETTINGS,
  expect,
  test,
  type ChromiumDriver,
  type ChromiumPage,
} from './support/chromium.ts';
import { BadgeInspector } from './support/closed-shadow.ts';
import { csvRecords } from './support/csv.ts';

const SEARCH_URL = 'https://www.google.de/search?q=M%C3%BCller+Werkzeugbau&hl=de';

interface FixtureResult {
  url: string;
  title: string;
  snippet: string;
}

const OWN = {
  url: 'https://www.mueller-werkzeugbau.example/',
  title: 'Müller Werkzeugbau GmbH – Präzisionswerkzeuge',
  snippet: 'Die Müller Werkzeugbau GmbH fertigt seit 1952.',
};
const TEST = {
  url: 'https://www.werkstatt-magazin.example/robodrill',
  title: 'Im Test: der RoboDrill 3000',
  snippet: 'Solide, aber laut.',
};
const OTHER = { url: 'https://www.wetter.example/', title: 'Wetter Stuttgart', snippet: 'Sonnig.' };
const FORUM = {
  url: 'https://forum.maschinenbau.example/thread/4711',
  title: 'Erfahrungen mit Müller-Werkzeugbau?',
  snippet: 'Lieferzeiten und Service.',
};
const NEWS = {
  url: 'https://www.zeitung.example/wirtschaft/mueller',
  title: 'Müller Werkzeugbau eröffnet Werk in Ulm',
  snippet: '200 neue Arbeitsplätze.',
};

/** A page in the structure of Google's desktop layout (#center_col, #tads, #rso, a > h3). */
function googlePage(results: FixtureResult[], ads: FixtureResult[]): string {
  const ad = (r: FixtureResult) =>
    `<div data-text-ad="1"><a href="${r.url}"><div role="heading">${r.title}</div></a><span>Gesponsert</span><div class="VwiC3b">${r.snippet}</div></div>`;
  const organic = (r: FixtureResult) =>
    `<div class="g"><a href="/url?q=${encodeURIComponent(r.url)}&amp;sa=U"><h3>${r.title}</h3></a><cite>${r.url}</cite><div class="VwiC3b">${r.snippet}</div></div>`;
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Müller Werkzeugbau - Google Suche</title></head>
<body><form><textarea name="q">Müller Werkzeugbau</textarea></form>
<div id="center_col"><div id="tads">${ads.map(ad).join('')}</div><div id="rso">${results.map(organic).join('')}</div></div></body></html>`;
}

/** Serves the given pages, one per request of the results URL; no request leaves the machine. */
async function serveResults(context: BrowserContext, bodies: string[]): Promise<void> {
  let visit = 0;
  await context.route('**/*', async (route) => {
    if (route.request().url().startsWith('https://www.google.de/search')) {
      const body = bodies[Math.min(visit++, bodies.length - 1)] ?? '';
      await route.fulfill({ body, contentType: 'text/html; charset=utf-8' });
    } else if (route.request().url().startsWith('chrome-extension://')) await route.continue();
    else await route.abort();
  });
}

/**
 * Clicks a result badge's "Log" button. The badge lives in a closed shadow
 * root, so the click goes where the button is drawn, at the badge's right end,
 * once the worker's answer has added the "new" pill in front of it (before
 * that the badge is narrower and the button elsewhere).
 */
async function clickLog(badge: Locator): Promise<void> {
  await expect.poll(async () => (await badge.boundingBox())?.width ?? 0).toBeGreaterThan(60);
  const box = await badge.boundingBox();
  if (!box) throw new Error('badge has no box');
  await badge.click({ position: { x: box.width - 12, y: box.height / 2 } });
}

type Listed = {
  rank: number;
  kind: string;
  url: string;
  firstSeen?: string;
  previousRank?: number;
};

async function listedResults(driver: ChromiumDriver, page: ChromiumPage | Page): Promise<Listed[]> {
  const state = await driver.contentState(await driver.tabIdOf(page));
  return state.results?.results ?? [];
}

test('marks only never-seen results as new, shows rank moves and flags ads by others', async ({
  driver,
  context,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const competitor = {
    url: 'https://www.billig-werkzeug.example/',
    title: 'Werkzeug zum halben Preis',
    snippet: 'Statt Markenware.',
  };
  await serveResults(context, [
    googlePage([OWN, TEST, OTHER, FORUM], [competitor, OWN]),
    googlePage([OWN, NEWS, TEST, OTHER, FORUM], [competitor]),
  ]);

  const results = await driver.openWebPage(SEARCH_URL);
  const page = results.page;
  await expect
    .poll(() =>
      listedResults(driver, results).then((r) =>
        r.map((x) => [x.kind, x.rank, x.url, x.firstSeen === undefined]),
      ),
    )
    .toEqual([
      ['organic', 1, OWN.url, true],
      ['organic', 2, TEST.url, true],
      ['organic', 4, FORUM.url, true],
      ['competitor-ad', 1, competitor.url, true],
      ['ad', 2, OWN.url, true],
    ]);
  // One badge per listed result, next to its title.
  await expect(page.locator('markenlotse-result')).toHaveCount(5);

  await page.goto(SEARCH_URL);
  await expect
    .poll(() =>
      listedResults(driver, results).then((r) =>
        r.map((x) => [x.rank, x.url, x.firstSeen === undefined, x.previousRank]),
      ),
    )
    .toEqual([
      [1, OWN.url, false, 1],
      [2, NEWS.url, true, undefined],
      [3, TEST.url, false, 2],
      [5, FORUM.url, false, 4],
      [1, competitor.url, false, 1],
    ]);

  // The popup lists them in rank order with their state and movement, the
  // ads folded into one line that says how many are by someone else.
  const { page: popup } = await driver.openExtensionPage(
    `popup.html?tab=${await driver.tabIdOf(results)}`,
  );
  await expect(
    popup.getByRole('heading', { name: 'Google results for “Müller Werkzeugbau”' }),
  ).toBeVisible();
  const list = popup.getByRole('list', { name: 'Results that mention your names' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(list.getByRole('listitem').nth(1)).toContainText('new');
  await expect(list.getByRole('listitem').nth(2)).toContainText('#2 → #3');
  const ads = popup.getByRole('list', { name: 'Ads', exact: true });
  await expect(ads).toBeHidden();
  await popup.getByText('Ads: 1').click();
  await expect(ads.getByRole('listitem')).toHaveCount(1);
  await expect(ads.getByRole('listitem')).toContainText('by someone else');
  // Which reader ran is the extension's business, not the user's.
  await expect(popup.getByText('adapter')).toHaveCount(0);

  // The competitor's ad is a sighting of its own kind, with the search it was bid on.
  await expect
    .poll(async () =>
      (await driver.log()).sightings
        .filter((s) => s.kind === 'competitor-ad')
        .map((s) => [s.url, s.search]),
    )
    .toEqual([
      [competitor.url, { engine: 'google', query: 'Müller Werkzeugbau', rank: 1, page: 1 }],
    ]);
});

test('logs a result in one click, with its query and rank, into the popup and the export', async ({
  driver,
  context,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  await serveResults(context, [googlePage([OTHER, TEST, OWN], [])]);
  const results = await driver.openWebPage(SEARCH_URL);
  const page = results.page;
  await clickLog(page.locator('markenlotse-result').first());
  await expect.poll(async () => (await driver.log()).mentions.length).toBe(1);
  const [mention] = (await driver.log()).mentions;
  expect(mention).toMatchObject({
    url: TEST.url,
    title: TEST.title,
    brands: ['Müller Werkzeugbau'],
    terms: ['RoboDrill 3000'],
    snippet: TEST.snippet,
    search: { engine: 'google', query: 'Müller Werkzeugbau', rank: 2, page: 1 },
  });

  const popupTab = await driver.openExtensionPage(
    `popup.html?tab=${await driver.tabIdOf(results)}`,
  );
  const popup = popupTab.page;
  await expect(
    popup.getByRole('region', { name: 'Recently logged' }).getByRole('link', { name: TEST.title }),
  ).toBeVisible();
  const csv = await popupTab.download({ role: 'button', name: 'Export CSV' });
  expect(csvRecords(csv.text)).toEqual([
    expect.objectContaining({
      url: TEST.url,
      engine: 'google',
      query: 'Müller Werkzeugbau',
      rank: '2',
      snippet: TEST.snippet,
    }),
  ]);
});

test('a result logged from its badge or from the popup shows as logged on the next visit', async ({
  driver,
  context,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  await serveResults(context, [googlePage([TEST, OWN, FORUM], [])]);
  const results = await driver.openWebPage(SEARCH_URL);
  const page = results.page;
  await clickLog(page.locator('markenlotse-result').first());
  await expect.poll(async () => (await driver.log()).mentions.length).toBe(1);

  // The popup marks it, and logs another result in one click.
  const { page: popup } = await driver.openExtensionPage(
    `popup.html?tab=${await driver.tabIdOf(results)}`,
  );
  const list = popup.getByRole('list', { name: 'Results that mention your names' });
  await expect(list.getByRole('listitem').nth(0)).toContainText('✓ logged');
  await list.getByRole('button', { name: `Log “${FORUM.title}” as a mention` }).click();
  await expect(list.getByRole('listitem').nth(2)).toContainText('✓ logged');
  await expect
    .poll(async () => (await driver.log()).mentions.map((m) => m.url).sort())
    .toEqual([FORUM.url, TEST.url].sort());

  // Back on the page: both badges say so and offer no second log; the other one still does.
  await page.reload();
  const badges = await BadgeInspector.of(page);
  await expect
    .poll(() => badges.texts())
    .toEqual([
      expect.stringContaining('✓ Logged'),
      expect.stringContaining('Log'),
      expect.stringContaining('✓ Logged'),
    ]);
  expect(await badges.has(0, 'button[data-role="log"]')).toBe(false);
  expect(await badges.has(1, 'button[data-role="log"]')).toBe(true);
  expect(await badges.has(2, 'button[data-role="log"]')).toBe(false);
});

test('results that arrive after the page loaded (continuous scrolling) get their badge too', async ({
  driver,
  context,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  await serveResults(context, [googlePage([OWN, OTHER], [])]);
  const results = await driver.openWebPage(SEARCH_URL);
  const page = results.page;
  await expect(page.locator('markenlotse-result')).toHaveCount(1);
  await page.evaluate((r) => {
    const div = document.createElement('div');
    div.className = 'g';
    div.innerHTML = `<a href="${r.url}"><h3>${r.title}</h3></a><div class="VwiC3b">${r.snippet}</div>`;
    document.getElementById('rso')?.append(div);
  }, FORUM);
  await expect(page.locator('markenlotse-result')).toHaveCount(2);
  await expect
    .poll(() => listedResults(driver, results).then((r) => r.map((x) => [x.rank, x.url])))
    .toEqual([
      [1, OWN.url],
      [3, FORUM.url],
    ]);
});

test('after a one-click log the badge takes sentiment, tags and a note, and can undo', async ({
  driver,
  context,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  await serveResults(context, [googlePage([TEST], [])]);
  const results = await driver.openWebPage(SEARCH_URL);
  const page = results.page;
  await clickLog(page.locator('markenlotse-result'));
  await expect.poll(async () => (await driver.log()).mentions.length).toBe(1);

  // The controls live in a closed shadow root: go on the way a keyboard user
  // does. After "Log", focus is on the sentiment.
  await page.keyboard.press('End'); // the last option: negative
  await page.keyboard.press('Tab'); // tags
  await page.keyboard.type('Presse, Test');
  await page.keyboard.press('Tab'); // note
  await page.keyboard.type('laut');
  await page.keyboard.press('Tab'); // Save
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await driver.log()).mentions.map((m) => [m.sentiment, m.tags, m.note]))
    .toEqual([['negative', ['Presse', 'Test'], 'laut']]);
  // Save says that it saved (the badge's closed shadow root, read as a user's eyes do).
  const badge = await BadgeInspector.of(page);
  await expect.poll(() => badge.text(0)).toContain('✓ Saved');

  await page.keyboard.press('Tab'); // Undo
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await driver.log()).mentions.length).toBe(0);
});

test('a late ad by someone else, which adds no hit, still gets its badge and is recorded', async ({
  driver,
  context,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await serveResults(context, [googlePage([OWN, TEST], [])]);
  await page.goto(SEARCH_URL);
  await expect(page.locator('markenlotse-result')).toHaveCount(2);
  const hitsBefore = (await driver.contentState(await driver.tabIdOf(page))).total;
  const competitor = {
    url: 'https://www.billig-werkzeug.example/',
    title: 'Werkzeug zum halben Preis',
    snippet: 'Statt Markenware.',
  };
  // The ad names no brand: the page's hit count stays as it was.
  await page.evaluate((r) => {
    const ad = document.createElement('div');
    ad.dataset.textAd = '1';
    ad.innerHTML = `<a href="${r.url}"><div role="heading">${r.title}</div></a><span>Gesponsert</span><div class="VwiC3b">${r.snippet}</div>`;
    document.getElementById('tads')?.append(ad);
  }, competitor);
  await expect(page.locator('markenlotse-result')).toHaveCount(3);
  await expect
    .poll(() => listedResults(driver, page).then((r) => r.map((x) => [x.kind, x.rank, x.url])))
    .toEqual([
      ['organic', 1, OWN.url],
      ['organic', 2, TEST.url],
      ['competitor-ad', 1, competitor.url],
    ]);
  expect((await driver.contentState(await driver.tabIdOf(page))).total).toBe(hitsBefore);
  await expect
    .poll(async () =>
      (await driver.log()).sightings.filter((s) => s.kind === 'competitor-ad').map((s) => s.url),
    )
    .toEqual([competitor.url]);
});

test('a result the page renders again, with the same hits, gets its badge back', async ({
  driver,
  context,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  const page = await context.newPage();
  await serveResults(context, [googlePage([OWN, OTHER, TEST], [])]);
  await page.goto(SEARCH_URL);
  await expect(page.locator('markenlotse-result')).toHaveCount(2);
  // A framework replaces the result's element with a fresh copy (our badge went with the old one).
  await page.evaluate((r) => {
    const old = document
      .querySelector(`#rso a[href*="${encodeURIComponent(r.url)}"]`)
      ?.closest('.g');
    if (!old) throw new Error('no such result');
    const fresh = document.createElement('div');
    fresh.className = 'g';
    fresh.innerHTML = `<a href="/url?q=${encodeURIComponent(r.url)}&amp;sa=U"><h3>${r.title}</h3></a><cite>${r.url}</cite><div class="VwiC3b">${r.snippet}</div>`;
    old.replaceWith(fresh);
  }, TEST);
  await expect(
    page.locator('#rso .g').filter({ hasText: TEST.title }).locator('markenlotse-result'),
  ).toHaveCount(1);
  await expect(page.locator('markenlotse-result')).toHaveCount(2);
});

test('the popup’s edit of a result it logged meets the workspace’s note: told, and the user chooses', async ({
  driver,
  context,
}) => {
  await driver.writeSettings(DEMO_SETTINGS);
  await serveResults(context, [googlePage([TEST, OWN, FORUM], [])]);
  const results = await driver.openWebPage(SEARCH_URL);
  const { page: popup } = await driver.openExtensionPage(
    `popup.html?tab=${await driver.tabIdOf(results)}`,
  );
  const list = popup.getByRole('list', { name: 'Results that mention your names' });
  await list.getByRole('button', { name: `Log “${FORUM.title}” as a mention` }).click();
  const editor = popup.getByRole('group', { name: 'Sentiment, tags and note' });
  await expect(editor).toBeVisible();
  const [logged] = (await driver.log()).mentions;
  if (!logged) throw new Error('not logged');

  // Meanwhile the workspace (another page) saves a note and a tag on it.
  await driver.askWorker('mention/update', {
    id: logged.id,
    note: 'aus dem Arbeitsbereich',
    tags: ['Forum'],
    before: { note: '', tags: [] },
  });
  await editor.getByRole('textbox', { name: 'Note' }).fill('aus dem Popup');
  await editor.getByRole('button', { name: 'Save' }).click();
  const conflict = popup.getByRole('alert').filter({ hasText: 'was changed in another tab' });
  await expect(conflict).toContainText('aus dem Arbeitsbereich');
  await expect(conflict).toContainText('aus dem Popup');
  // Nothing changed, and the user's text is still in the form.
  expect((await driver.log()).mentions[0]).toMatchObject({ note: 'aus dem Arbeitsbereich' });
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('aus dem Popup');

  await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(conflict).toBeHidden();
  await expect
    .poll(async () => (await driver.log()).mentions.map((m) => [m.note, m.tags]))
    // The tag the workspace added stays: the popup's form never changed the tags.
    .toEqual([['aus dem Popup', ['Forum']]]);
  await expect(editor.getByRole('textbox', { name: 'Tags' })).toHaveValue('Forum');
});
