/**
 * Sightings have an identity and a cap (issue 10, item 5): a page and its
 * frames that rewrite their address and title every 200 ms used to add a
 * sighting for nearly every report (50 frames: 495 in 10 s). Now a document
 * adds at most 3 and a tab at most 10 new ones a minute (core/sighting-caps.ts).
 */
import { DEMO_SETTINGS, expect, test } from '../support/story.ts';

test('a page rewriting its address in eleven frames adds a handful of sightings, not hundreds', async ({
  driver,
  server,
}) => {
  test.slow();
  await driver.writeSettings(DEMO_SETTINGS);
  const page = await driver.openWebPage(server.url('rewriting.html'));
  const pages = async () => (await driver.log()).sightings.filter((s) => s.kind === 'page');
  await expect.poll(async () => (await pages()).length).toBeGreaterThan(0);
  // The slideshow runs 8 s; each document reports about once a second meanwhile.
  await new Promise((done) => setTimeout(done, 9_000));
  const seen = await pages();
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.length).toBeLessThanOrEqual(10);
  // Each is one of the frames' addresses, with its hits.
  for (const s of seen) {
    expect(s.url).toMatch(/rewriting\.html/);
    expect(s.hits).toBeGreaterThan(0);
  }
  expect(page.errors).toEqual([]);
});
