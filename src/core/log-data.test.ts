import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backupDue } from './backup-reminder.ts';
import { emptySite, mentionToV2, plainSighting, sightingToV2, updateSite } from './log-records.ts';
import { applyPatch } from './mention-patch.ts';
import type { Mention, Sighting } from './mention.ts';

const mention: Mention = {
  id: 'm',
  url: 'https://a.de/',
  title: 'T',
  brands: ['ACME'],
  terms: ['ACME'],
  sentiment: 'neutral',
  status: 'new',
  tags: ['Presse', 'Messe'],
  note: 'alt',
  snippet: '',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const NOW = '2026-12-01T10:00:00.000Z';

test('a patch changes only the fields it names, and the time of change', () => {
  const next = applyPatch(mention, { note: 'neu' }, NOW);
  assert.deepEqual(next, { ...mention, note: 'neu', updatedAt: NOW });
  assert.deepEqual(applyPatch(mention, { status: 'done', sentiment: 'negative' }, NOW), {
    ...mention,
    status: 'done',
    sentiment: 'negative',
    updatedAt: NOW,
  });
});

test('tags are added and removed as sets; two edits of different tags both stay', () => {
  const a = applyPatch(mention, { addTags: ['Kunde', 'Presse'] }, NOW);
  assert.deepEqual(a.tags, ['Presse', 'Messe', 'Kunde']);
  const b = applyPatch(a, { removeTags: ['Messe'], addTags: ['Lob'] }, NOW);
  assert.deepEqual(b.tags, ['Presse', 'Kunde', 'Lob']);
  assert.deepEqual(applyPatch(mention, { tags: [' x ', 'x', ''] }, NOW).tags, ['x']);
});

test('a patch that changes nothing gives back the same record (no new updatedAt)', () => {
  assert.equal(applyPatch(mention, {}, NOW), mention);
  assert.equal(applyPatch(mention, { note: 'alt', addTags: ['Presse'] }, NOW), mention);
  assert.equal(applyPatch(mention, { removeTags: ['nicht da'] }, NOW), mention);
});

test('upgrade step 2: a mention of version 1 is new; a valid status stays', () => {
  const v1: Omit<Mention, 'status'> & { status?: Mention['status'] } = { ...mention };
  delete v1.status;
  assert.deepEqual(mentionToV2(v1), mention);
  assert.equal(mentionToV2({ ...v1, status: 'done' }).status, 'done');
  assert.equal(mentionToV2({ ...v1, status: 'whatever' }).status, 'new');
});

const sighting = (over: Partial<Sighting>): Sighting => ({
  key: 'page https://www.a.de/x',
  kind: 'page',
  url: 'https://www.a.de/x',
  title: '',
  terms: [{ brand: 'ACME', term: 'ACME', count: 2 }],
  hits: 2,
  firstSeen: '2026-11-02T00:00:00.000Z',
  lastSeen: '2026-11-03T00:00:00.000Z',
  visits: 1,
  ...over,
});

test('upgrade step 2: a sighting gets its site, and the export sees it without', () => {
  const stored = sightingToV2(sighting({}));
  assert.equal(stored.site, 'a.de');
  assert.deepEqual(plainSighting(stored), sighting({}));
});

test('site totals follow each write: new, changed, and moved to another site', () => {
  const first = sightingToV2(sighting({}));
  let site = updateSite(emptySite('a.de'), undefined, first);
  assert.deepEqual(site, {
    site: 'a.de',
    sightings: 1,
    hits: 2,
    visits: 1,
    firstSeen: first.firstSeen,
    lastSeen: first.lastSeen,
    kinds: { page: 1, result: 0, ad: 0, 'competitor-ad': 0 },
    brands: { ACME: 1 },
  });
  const again = sightingToV2(
    sighting({
      hits: 5,
      visits: 2,
      lastSeen: '2026-11-09T00:00:00.000Z',
      terms: [{ brand: 'Müller', term: 'Müller', count: 5 }],
    }),
  );
  site = updateSite(site, first, again);
  assert.equal(site.sightings, 1);
  assert.equal(site.hits, 5);
  assert.equal(site.visits, 2);
  assert.equal(site.lastSeen, '2026-11-09T00:00:00.000Z');
  assert.deepEqual(site.brands, { Müller: 1 });
  site = updateSite(site, again, undefined);
  assert.equal(site.sightings, 0);
  assert.equal(site.hits, 0);
  assert.deepEqual(site.brands, {});
});

test('the backup reminder: over 20 mentions and 30 days since the last export, unless off', () => {
  const now = Date.parse(NOW);
  const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
  assert.equal(backupDue({}, 21, now), true);
  assert.equal(backupDue({}, 20, now), false);
  assert.equal(backupDue({ lastExportAt: daysAgo(29) }, 500, now), false);
  assert.equal(backupDue({ lastExportAt: daysAgo(31) }, 500, now), true);
  assert.equal(backupDue({ lastExportAt: daysAgo(31), reminder: false }, 500, now), false);
});
