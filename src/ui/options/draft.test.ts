import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BRAND_PALETTE,
  defaultTerm,
  normalizeSettings,
  type Settings,
} from '../../core/profile.ts';
import {
  draftFromSettings,
  emptyBrand,
  hasIssues,
  invalidSites,
  isBlank,
  previewBrands,
  termDraft,
  termIssue,
  toSettingsDocument,
  validateDraft,
  type BrandDraft,
  type OptionsDraft,
} from './draft.ts';

const saved: Settings = normalizeSettings({
  version: 1,
  brands: [
    {
      id: 'acme',
      name: 'ACME',
      color: '#4fc3f7',
      terms: ['ACME', { text: 'SAP', caseSensitive: true, compounds: true }],
      exclude: ['ACME Looney'],
      sites: ['acme.de'],
    },
  ],
  highlightStyle: 'underline',
  paused: true,
  pausedSites: ['example.com', 'heise.de'],
}).settings;

/** A card as the user fills it in: an empty brand with these changes. */
function card(patch: Partial<BrandDraft>, others: BrandDraft[] = []): BrandDraft {
  return { ...emptyBrand(others), ...patch };
}

function draftOf(brands: BrandDraft[], pausedSitesText = ''): OptionsDraft {
  return {
    brands,
    highlightStyle: 'fill',
    paused: false,
    pausedSitesText,
    mode: 'full',
    retentionDays: 365,
    mentionRetentionDays: 0,
    exportedBy: '',
  };
}

test('saved settings come back unchanged through the draft', () => {
  const draft = draftFromSettings(saved);
  assert.equal(draft.brands[0]?.excludeText, 'ACME Looney');
  assert.equal(draft.pausedSitesText, 'example.com\nheise.de');
  const back = normalizeSettings({ ...saved, ...toSettingsDocument(draft) });
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.settings, saved);
});

test('every list and term gets its own key, so the form can tell rows apart', () => {
  const draft = draftFromSettings(saved);
  const keys = [...draft.brands.map((b) => b.key), ...draft.brands[0]!.terms.map((t) => t.key)];
  assert.equal(new Set(keys).size, keys.length);
  assert.notEqual(termDraft(defaultTerm('x')).key, termDraft(defaultTerm('x')).key);
});

test('a new brand card takes the first palette colour no other card has', () => {
  const first = emptyBrand([]);
  assert.equal(first.color, BRAND_PALETTE[0]);
  assert.equal(emptyBrand([first]).color, BRAND_PALETTE[1]);
  const all = BRAND_PALETTE.map((color) => card({ color }));
  assert.equal(emptyBrand(all).color, BRAND_PALETTE[all.length % BRAND_PALETTE.length]);
  assert.equal(isBlank(first), true);
  assert.equal(isBlank({ ...first, excludeText: ' x ' }), false);
});

test('term issues: the matcher’s rule, then duplicates of the terms before', () => {
  assert.equal(termIssue('   '), 'empty');
  assert.equal(termIssue('\u200b'), 'empty');
  assert.equal(termIssue('++'), 'no-letters');
  assert.equal(termIssue(' ACME ', ['ACME']), 'duplicate');
  assert.equal(termIssue('acme', ['ACME']), null, 'duplicates are exact: case may differ');
  assert.equal(termIssue('C++'), null);
});

test('validation marks what stops a save, brand by brand and term by term', () => {
  const named = card({
    name: 'ACME',
    terms: [
      termDraft(defaultTerm('ACME')),
      termDraft(defaultTerm('ACME')),
      termDraft(defaultTerm('--')),
    ],
    newTerm: '   ',
  });
  const nameless = card({ terms: [termDraft(defaultTerm('Otto'))], newTerm: '??' });
  const blank = card({});
  const issues = validateDraft(
    draftOf([named, nameless, blank], 'example.com\nkein host\n*.heise.de'),
  );
  assert.equal(hasIssues(issues), true);
  assert.deepEqual(
    [...issues.brands.keys()],
    [named.key, nameless.key],
    'the blank card is skipped',
  );
  const a = issues.brands.get(named.key)!;
  assert.equal(a.name, false);
  assert.deepEqual(
    [...a.terms.entries()],
    [
      [named.terms[1]!.key, 'duplicate'],
      [named.terms[2]!.key, 'no-letters'],
    ],
  );
  assert.equal(a.newTerm, null, 'a blank "New term" is no problem');
  const b = issues.brands.get(nameless.key)!;
  assert.equal(b.name, true);
  assert.equal(b.newTerm, 'no-letters');
  assert.deepEqual(issues.sites, ['kein host']);
  assert.equal(hasIssues(validateDraft(draftFromSettings(saved))), false);
});

test('the saved document: a new brand is looked for by its name, a pending term is kept', () => {
  const fresh = card({ name: ' Müller ', newTerm: 'Müller Werke', excludeText: 'a\n\n b \n' });
  const known = card({ id: 'otto', name: 'Otto', terms: [termDraft(defaultTerm('Ottos'))] });
  const doc = toSettingsDocument({
    ...draftOf([fresh, card({}), known], 'https://www.Example.com/page\n*.heise.de\n'),
    paused: true,
  });
  assert.deepEqual(doc, {
    brands: [
      {
        name: 'Müller',
        color: fresh.color,
        role: 'own',
        terms: [defaultTerm('Müller'), defaultTerm('Müller Werke')],
        exclude: ['a', 'b'],
        sites: [],
      },
      {
        id: 'otto',
        name: 'Otto',
        color: known.color,
        role: 'own',
        terms: [defaultTerm('Ottos')],
        exclude: [],
        sites: [],
      },
    ],
    highlightStyle: 'fill',
    paused: true,
    pausedSites: ['example.com', 'heise.de'],
    mode: 'full',
    retentionDays: 365,
    mentionRetentionDays: 0,
    exportedBy: '',
  });
  // The name is not added twice when a term already spells it (in any case).
  const spelled = card({ name: 'ACME', terms: [termDraft(defaultTerm('acme'))] });
  const [brand] = toSettingsDocument(draftOf([spelled])).brands as { terms: unknown[] }[];
  assert.deepEqual(brand?.terms, [defaultTerm('acme')]);
});

test('"Try it" sees the brands as they will be saved, without unusable terms', () => {
  const brands = previewBrands(
    draftOf([card({ name: 'ACME', terms: [termDraft(defaultTerm('++'))], sitesText: 'acme.de' })]),
  );
  assert.deepEqual(
    brands.map((b) => [b.id, b.name, b.terms.map((t) => t.text), b.sites]),
    [['acme', 'ACME', ['ACME'], ['acme.de']]],
  );
});

test('paused-site lines: host names and addresses pass, anything else is named', () => {
  assert.deepEqual(
    invalidSites(
      'example.com\n https://www.example.com/page \n*.example.org\nfoo bar\n\nä.de\nhttps://',
    ),
    ['foo bar', 'https://'],
  );
});
