import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brandSearchUrl, firstOwnBrand } from './brand-search.ts';

test('the first own brand with a name, never a competitor', () => {
  const brands = [
    { name: 'Rival AG', role: 'competitor' as const },
    { name: '  ', role: 'own' as const },
    { name: 'Müller Werkzeugbau', role: 'own' as const },
    { name: 'RoboDrill', role: 'own' as const },
  ];
  assert.equal(firstOwnBrand(brands)?.name, 'Müller Werkzeugbau');
  assert.equal(firstOwnBrand([{ name: 'Rival AG', role: 'competitor' as const }]), undefined);
  assert.equal(firstOwnBrand([]), undefined);
});

test('a search for the name, umlauts and ampersands encoded, in the UI language', () => {
  const url = new URL(brandSearchUrl(' Müller & Söhne GmbH ', 'de-DE'));
  assert.equal(url.origin + url.pathname, 'https://www.google.com/search');
  assert.equal(url.searchParams.get('q'), 'Müller & Söhne GmbH');
  assert.equal(url.searchParams.get('hl'), 'de');
  assert.ok(!brandSearchUrl('A&B', 'en').includes('&B'), 'the & is escaped');
  assert.equal(new URL(brandSearchUrl('ACME', '')).searchParams.get('hl'), null);
});
