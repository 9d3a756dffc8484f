import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isSitePaused,
  migrate,
  normalizeSettings,
  normalizeSite,
  SETTINGS_VERSION,
  validateTermText,
} from './profile.ts';

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
});

test('migration from version 0 (no version field) keeps the document and stamps version 1', () => {
  const old = { brands: [{ name: 'Otto' }] };
  assert.deepEqual(migrate(old), { brands: [{ name: 'Otto' }], version: 1 });
  assert.deepEqual(old, { brands: [{ name: 'Otto' }] }, 'the input is not changed');
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
    problems.map((p) => p.path),
    [
      'brands[0].terms[1]',
      'brands[0].terms[2]',
      'brands[0].color',
      'brands[1]',
      'brands[2]',
      'highlightStyle',
    ],
  );
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

test('terms without letters or digits are refused with a reason', () => {
  assert.equal(validateTermText('  '), 'empty');
  assert.equal(validateTermText('++'), 'no-letters');
  assert.equal(validateTermText('C++'), null);
});
