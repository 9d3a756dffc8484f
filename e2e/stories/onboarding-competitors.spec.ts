/**
 * Onboarding asks for the company and its products first, then, as a step
 * of its own, for the competitors; every brand card says whose names it holds.
 */
import { expect, test } from '../support/story.ts';

test('the first run asks for the company, then for the competitors, and saves each with its role', async ({
  driver,
}) => {
  const welcome = await driver.welcomePage();
  await welcome.waitFor({ text: 'Welcome to Markenlotse' });
  expect(await welcome.text({ css: 'ol.steps [aria-current="step"]' })).toBe(
    'Your company and its products',
  );
  await welcome.fill({ label: 'Company or product name' }, 'Müller Werkzeugbau');
  await welcome.click({ role: 'button', name: 'Next: competitors' });

  expect(await welcome.text({ css: 'ol.steps [aria-current="step"]' })).toBe('Competitors');
  await welcome.waitFor({ text: 'Now the competitors you want to keep an eye on' });
  await welcome.click({ role: 'button', name: 'Add competitor' });
  await welcome.fill({ label: 'Competitor’s name' }, 'ACME');
  await welcome.click({ role: 'button', name: 'Save' });
  await expect.poll(() => welcome.text({ role: 'status' })).toMatch(/Saved/);
  await welcome.waitFor({ text: 'All set.' });

  const stored = (await driver.readSettings()) as { brands: { name: string; role: string }[] };
  expect(stored.brands.map((b) => [b.name, b.role])).toEqual([
    ['Müller Werkzeugbau', 'own'],
    ['ACME', 'competitor'],
  ]);

  // In the settings, each card shows its role, and a brand can change sides.
  const options = await driver.openExtensionPage('options.html');
  await options.waitFor({ role: 'heading', name: 'Competitors' });
  const acmeCompetitor = { css: '#competitor-brands-heading ~ div input[value="competitor"]' };
  expect(await options.controlState(acmeCompetitor)).toEqual({ checked: true, disabled: false });
  // (A click, not check(): the card moves to the competitors at once, so the radio it checked is gone.)
  await options.click({ css: '#own-brands-heading ~ div input[value="competitor"]' });
  await options.click({ role: 'button', name: 'Save' });
  await expect
    .poll(async () =>
      ((await driver.readSettings()) as { brands: { role: string }[] }).brands.map((b) => b.role),
    )
    .toEqual(['competitor', 'competitor']);
});
