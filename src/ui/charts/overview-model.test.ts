import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogOverview } from '../../core/messages.ts';
import { overviewModel, overviewTotals } from './overview-model.ts';

const overview: LogOverview = {
  mentionsPerWeek: [
    { week: '2026-11-09', positive: 2, neutral: 1, negative: 0 },
    { week: '2026-11-23', positive: 0, neutral: 0, negative: 3 },
  ],
  shareOfVoice: [
    {
      engine: 'google',
      query: 'robodrill',
      visits: 3,
      weeks: [
        {
          week: '2026-11-16',
          visits: 2,
          brands: [
            { brand: 'Müller', role: 'own', results: 2, ads: 1, hits: 9 },
            { brand: 'ACME', role: 'competitor', results: 1, ads: 0, hits: 2 },
          ],
        },
        {
          week: '2026-11-30',
          visits: 1,
          brands: [{ brand: 'ACME', role: 'competitor', results: 4, ads: 1, hits: 5 }],
        },
      ],
    },
    { engine: 'bing', query: 'bohrer', visits: 1, weeks: [] },
  ],
  ranks: [
    {
      engine: 'google',
      query: 'robodrill',
      points: [
        { day: '2026-11-17', rank: 7, url: 'https://a' },
        { day: '2026-11-18', rank: 5, url: 'https://a' },
        { day: '2026-12-01', rank: 3, url: 'https://a' },
      ],
    },
  ],
  topSites: [
    { site: 'b.de', mentions: 1, sightings: 10, hits: 20 },
    { site: 'a.de', mentions: 4, sightings: 2, hits: 3 },
  ],
};

const model = overviewModel(overview, { engineName: (id) => id.toUpperCase() });

test('mentions per week, quiet weeks in between as zero', () => {
  assert.deepEqual(model.mentionWeeks, ['2026-11-09', '2026-11-16', '2026-11-23']);
  assert.deepEqual(model.bySentiment, {
    positive: [2, 0, 0],
    neutral: [1, 0, 0],
    negative: [0, 0, 3],
  });
});

test('share of voice counts results and ads of own brands against competitors, per week', () => {
  assert.deepEqual(model.shareWeeks, ['2026-11-16', '2026-11-23', '2026-11-30']);
  assert.deepEqual(model.shares[0], {
    query: 'robodrill',
    engine: 'GOOGLE',
    own: [3, 0, 0],
    competitors: [1, 0, 5],
  });
  assert.equal(model.shares.length, 2, 'the most searched query first');
});

test('the best own rank of each week, weeks without a search left empty', () => {
  assert.deepEqual(model.rankWeeks, ['2026-11-16', '2026-11-23', '2026-11-30']);
  assert.deepEqual(model.ranks[0]?.ranks, [5, undefined, 3]);
  assert.equal(model.ranks[0]?.first, 7, 'the first rank seen, not the best of its week');
});

test('top sites by mentions', () => {
  assert.deepEqual(
    model.topSites.map((s) => s.site),
    ['a.de', 'b.de'],
  );
});

test('the summary: mentions by sentiment, the own share, rank movement', () => {
  const totals = overviewTotals(model);
  assert.deepEqual(totals.sentiments, { positive: 2, neutral: 1, negative: 3 });
  assert.equal(totals.own, 3);
  assert.equal(totals.competitors, 6);
  assert.deepEqual(totals.movements, [{ query: 'robodrill', engine: 'GOOGLE', first: 7, last: 3 }]);
});

test('an empty overview has no weeks and no division by zero', () => {
  const empty = overviewModel(
    { mentionsPerWeek: [], shareOfVoice: [], ranks: [], topSites: [] },
    { engineName: (id) => id },
  );
  assert.deepEqual(empty.mentionWeeks, []);
  assert.deepEqual(overviewTotals(empty).movements, []);
});
