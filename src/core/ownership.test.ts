import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostSpellings, isOwnSite } from './ownership.ts';
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
