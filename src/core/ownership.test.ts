import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostSpellings, isAdByOther, isOwnSite, siteOwners } from './ownership.ts';
import { defaultTerm } from './profile.ts';

const mueller = {
  sites: [],
  terms: [defaultTerm('Müller Werkzeugbau'), defaultTerm('RoboDrill 3000')],
};

test('host spellings follow the phone-book rule and the stripped one', () => {
  assert.deepEqual(hostSpellings('Müller Werkzeugbau'), [
    'muellerwerkzeugbau',
    'mullerwerkzeugbau',
  ]);
  assert.deepEqual(hostSpellings('Straße'), ['strasse']);
});

test('without a list of sites, a host that spells the name is the brand’s own', () => {
  assert.equal(isOwnSite('https://www.mueller-werkzeugbau.de/angebot', mueller), true);
  assert.equal(isOwnSite('https://shop.muellerwerkzeugbau.com/', mueller), true);
  assert.equal(isOwnSite('https://www.billig-werkzeug.de/mueller', mueller), false);
});

test('a list of sites decides, subdomains included', () => {
  const brand = { ...mueller, sites: ['mwb.de'] };
  assert.equal(isOwnSite('https://shop.mwb.de/', brand), true);
  assert.equal(isOwnSite('https://www.mueller-werkzeugbau.de/', brand), false);
  assert.equal(isOwnSite('not a url', brand), false);
});

test('host spellings fold like the matcher: case, diacritics, letters without a decomposition', () => {
  assert.deepEqual(hostSpellings('NESTLÉ'), ['nestle']);
  assert.deepEqual(hostSpellings('Søren Æbelø'), ['sorenaebelo']);
  assert.deepEqual(hostSpellings('Ölmühle Groß'), ['oelmuehlegross', 'olmuhlegross']);
  assert.deepEqual(hostSpellings('A&B'), []);
});

const brand = (
  name: string,
  role: 'own' | 'competitor',
  sites: string[] = [],
): Parameters<typeof isAdByOther>[1][number] => ({
  name,
  role,
  sites,
  terms: [defaultTerm(name)],
});

test('an ad is by someone else only on a search for an own brand, leading elsewhere', () => {
  const dell = brand('Dell', 'own', ['dell.com']);
  const hp = brand('HP', 'competitor', ['hp.com']);
  // A search for the own brand: a reseller's ad is flagged, the brand's own is not.
  assert.equal(isAdByOther('https://www.walmart.com/ip/dell-xps', [dell]), true);
  assert.equal(isAdByOther('https://www.dell.com/en-us/shop/xps', [dell]), false);
  // A competitor's search: none of its ads is flagged, the competitor's own or a reseller's.
  assert.equal(isAdByOther('https://www.walmart.com/ip/hp-envy', [hp]), false);
  assert.equal(isAdByOther('https://www.hp.com/envy', [hp]), false);
  // A search for no brand at all flags nothing.
  assert.equal(isAdByOther('https://www.walmart.com/', []), false);
  // "dell vs hp": the competitor bidding on the own name is flagged, the own ad is not.
  assert.equal(isAdByOther('https://www.hp.com/envy', [dell, hp]), true);
  assert.equal(isAdByOther('https://www.dell.com/xps', [dell, hp]), false);
});

test('an ad on a search for two own brands is theirs when it leads to either', () => {
  const mueller = brand('Müller Werkzeugbau', 'own');
  const robodrill = brand('RoboDrill', 'own', ['robodrill.example']);
  assert.equal(isAdByOther('https://www.mueller-werkzeugbau.de/', [mueller, robodrill]), false);
  assert.equal(isAdByOther('https://shop.robodrill.example/', [mueller, robodrill]), false);
  assert.equal(isAdByOther('https://www.billig-werkzeug.de/', [mueller, robodrill]), true);
});

test('site owners: the brands whose own sites an address is on', () => {
  const brands = [brand('Dell', 'own', ['dell.com']), brand('Lenovo', 'competitor')];
  assert.deepEqual(siteOwners('https://www.dell.com/xps', brands), ['Dell']);
  // Without a list of sites, by the name spelled in the host.
  assert.deepEqual(siteOwners('https://pcsupport.lenovo.com/', brands), ['Lenovo']);
  assert.deepEqual(siteOwners('https://www.walmart.com/', brands), []);
});
