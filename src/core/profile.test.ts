import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSitePaused, normalizeSettings, normalizeSite, SETTINGS_VERSION } from './profile.ts';

test('the minimal document from the README is a complete profile', () => {
  const { settings, problems } = normalizeSettings({
    brands: [{ name: 'ACME', terms: ['ACME', 'RoboDrill 3000'], exclude: ['ACME Looney'] }],
  });
  assert.deepEqual(problems, []);
  assert.equal(settings.version, SETTINGS_VERSION);
  assert.equal(settings.highlightStyle, 'fill');
  assert.equal(settings.paused, false);
  const [brand] = settings.brands;
  assert.equal(brand?.id, 'acme');
  assert.match(brand?.color ?? '', /^#[0-9a-f]{6}$/);
  assert.deepEqual(
    brand?.terms.map((t) => [t.text, t.caseSensitive, t.compounds, t.stripUmlauts]),
    [
      ['ACME', 'auto', false, false],
      ['RoboDrill 3000', 'auto', false, false],
    ],
  );
  assert.deepEqual(brand?.exclude, ['ACME Looney']);
  assert.equal(brand?.role, 'own', 'a brand without a role is own');
});

test('a brand is own or a competitor; any other role falls back to own and is reported', () => {
  const { settings, problems } = normalizeSettings({
    brands: [
      { name: 'ACME', role: 'competitor' },
      { name: 'Müller', role: 'own' },
      { name: 'Otto', role: 'rival' },
    ],
  });
  assert.deepEqual(
    settings.brands.map((b) => b.role),
    ['competitor', 'own', 'own'],
  );
  assert.deepEqual(
    problems.map((p) => p.path),
    ['brands[2].role'],
  );
});

test('broken fields fall back one by one and are reported, never thrown', () => {
  const { settings, problems } = normalizeSettings({
    brands: [
      {
        name: 'Gut',
        color: 'gelb',
        terms: ['Gut', '   ', 42, { text: 'SAP', caseSensitive: true }],
      },
      'kaputt',
      { terms: [] },
    ],
    highlightStyle: 'blink',
    pausedSites: ['https://www.Example.com/x', 7],
  });
  assert.equal(settings.brands.length, 1);
  assert.deepEqual(
    settings.brands[0]?.terms.map((t) => [t.text, t.caseSensitive]),
    [
      ['Gut', 'auto'],
      ['SAP', true],
    ],
  );
  assert.equal(settings.highlightStyle, 'fill');
  assert.deepEqual(settings.pausedSites, ['example.com']);
  assert.deepEqual(
    problems.map((p) => [p.path, p.code]),
    [
      ['brands[0].terms[1]', 'empty'],
      ['brands[0].terms[2]', 'expected-term'],
      ['brands[0].color', 'expected-color'],
      ['brands[1]', 'expected-object'],
      ['brands[2]', 'brand-unnamed'],
      ['highlightStyle', 'expected-one-of'],
      ['pausedSites[1]', 'expected-string'],
    ],
  );
  assert.deepEqual(problems[5]?.params, { allowed: '"fill", "underline"', found: '"blink"' });
});

test('a wrong field falls back on its own: the term keeps its text, the brand its other fields', () => {
  const { settings, problems } = normalizeSettings({
    brands: [
      {
        name: 7,
        terms: [{ text: 'ACME', compounds: 'yes', caseSensitive: true }, { text: '++' }, {}],
        exclude: 'ACME Looney',
        sites: ['acme.de', 'https://', 3],
      },
    ],
    paused: 'no',
    pausedSites: 'example.com',
  });
  assert.deepEqual(settings.brands[0]?.terms, [
    { text: 'ACME', caseSensitive: true, compounds: false, stripUmlauts: false },
  ]);
  assert.equal(settings.brands[0]?.name, 'ACME', 'the first term stands in for a bad name');
  assert.deepEqual(settings.brands[0]?.exclude, []);
  assert.deepEqual(settings.brands[0]?.sites, ['acme.de']);
  assert.equal(settings.paused, false);
  assert.deepEqual(settings.pausedSites, []);
  assert.deepEqual(
    problems.map((p) => [p.path, p.code]),
    [
      ['brands[0].name', 'expected-string'],
      ['brands[0].terms[0].compounds', 'expected-boolean'],
      ['brands[0].terms[1].text', 'no-letters'],
      ['brands[0].terms[2].text', 'missing'],
      ['brands[0].exclude', 'expected-list'],
      ['brands[0].sites[1]', 'not-a-site'],
      ['brands[0].sites[2]', 'expected-string'],
      ['paused', 'expected-boolean'],
      ['pausedSites', 'expected-list'],
    ],
  );
});

test('a document of a newer version is read as far as it is understood, and marked read-only', () => {
  const result = normalizeSettings({ version: SETTINGS_VERSION + 1, brands: [{ name: 'ACME' }] });
  assert.equal(result.readOnly, true);
  assert.equal(result.migrated, false);
  assert.equal(result.settings.brands[0]?.name, 'ACME');
  assert.deepEqual(result.problems, [
    {
      path: 'version',
      code: 'too-new',
      params: { version: SETTINGS_VERSION + 1, supported: SETTINGS_VERSION },
    },
  ]);
});

test('an older document is migrated (and says so); a current one is not', () => {
  assert.equal(normalizeSettings({ brands: [] }).migrated, true);
  assert.equal(normalizeSettings({ version: SETTINGS_VERSION }).migrated, false);
  assert.equal(normalizeSettings(undefined).migrated, false);
});

test('a brand without terms is found by its name; ids stay unique', () => {
  const { settings } = normalizeSettings({ brands: [{ name: 'Müller' }, { name: 'Müller' }] });
  assert.deepEqual(
    settings.brands.map((b) => [b.id, b.terms[0]?.text]),
    [
      ['muller', 'Müller'],
      ['muller-2', 'Müller'],
    ],
  );
});

test('non-objects and missing settings give the defaults', () => {
  assert.deepEqual(normalizeSettings(undefined).settings.brands, []);
  assert.equal(normalizeSettings('nonsense').problems.length, 1);
  assert.equal(normalizeSettings([]).problems.length, 1);
});

test('paused sites cover subdomains', () => {
  const { settings } = normalizeSettings({ pausedSites: ['example.com'] });
  assert.equal(isSitePaused(settings, 'news.example.com'), true);
  assert.equal(isSitePaused(settings, 'www.example.com'), true);
  assert.equal(isSitePaused(settings, 'notexample.com'), false);
  assert.equal(normalizeSite('WWW.Heise.DE.'), 'heise.de');
});
