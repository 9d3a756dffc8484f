import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionOfPage, mentionOfResult, newMentionId } from './mention-draft.ts';

const hit = (brand: string, term: string, text: string, before = '', after = '') => ({
  brand,
  term,
  text,
  before,
  after,
});

test('a page is logged with its brands and terms once each, the first hit as its snippet', () => {
  const draft = mentionOfPage(
    {
      url: 'https://www.zeitung.example/wirtschaft',
      title: 'Werk in Ulm',
      hits: [
        hit(
          'Müller Werkzeugbau',
          'Müller Werkzeugbau',
          'MÜLLER WERKZEUGBAU',
          '… Die ',
          ' eröffnet …',
        ),
        hit('Müller Werkzeugbau', 'RoboDrill 3000', 'RoboDrill 3000'),
        hit('ACME', 'ACME', 'ACME'),
        hit('Müller Werkzeugbau', 'Müller Werkzeugbau', 'Müller Werkzeugbau'),
      ],
    },
    { sentiment: 'positive', tags: ['Presse', 'Ulm'], note: '  Gute Presse \n' },
  );
  assert.deepEqual(draft, {
    url: 'https://www.zeitung.example/wirtschaft',
    title: 'Werk in Ulm',
    brands: ['Müller Werkzeugbau', 'ACME'],
    terms: ['Müller Werkzeugbau', 'RoboDrill 3000', 'ACME'],
    sentiment: 'positive',
    tags: ['Presse', 'Ulm'],
    note: 'Gute Presse',
    snippet: '… Die MÜLLER WERKZEUGBAU eröffnet …',
  });
  assert.equal('search' in draft, false);
});

test('a page without hits is logged with an empty snippet', () => {
  const draft = mentionOfPage(
    { url: 'https://a.example/', title: '', hits: [] },
    { sentiment: 'neutral', tags: [], note: '' },
  );
  assert.deepEqual([draft.brands, draft.terms, draft.snippet], [[], [], '']);
});

test('a result is logged in one click with its search, neutral, untagged', () => {
  const terms = [
    { brand: 'Müller Werkzeugbau', term: 'RoboDrill 3000', count: 2 },
    { brand: 'Müller Werkzeugbau', term: 'Müller Werkzeugbau', count: 1 },
  ];
  const result = {
    url: 'https://www.werkstatt-magazin.example/robodrill',
    title: 'Im Test: der RoboDrill 3000',
    snippet: 'Solide, aber laut.',
    rank: 2,
  };
  const search = { engine: 'google', query: 'Müller Werkzeugbau', page: 1 };
  assert.deepEqual(mentionOfResult(result, search, terms, false), {
    url: result.url,
    title: result.title,
    brands: ['Müller Werkzeugbau'],
    terms: ['RoboDrill 3000', 'Müller Werkzeugbau'],
    sentiment: 'neutral',
    tags: [],
    note: '',
    snippet: 'Solide, aber laut.',
    search: { engine: 'google', query: 'Müller Werkzeugbau', rank: 2, page: 1 },
  });
});

test('an ad by someone else is logged tagged as a competitor ad, even without names in it', () => {
  const draft = mentionOfResult(
    { url: 'https://www.billig-werkzeug.example/', title: 'Werkzeug', snippet: '', rank: 1 },
    { engine: 'bing', query: 'Müller Werkzeugbau', page: 2 },
    [],
    true,
  );
  assert.deepEqual(draft.tags, ['competitor-ad']);
  assert.deepEqual([draft.brands, draft.terms], [[], []]);
  assert.deepEqual(draft.search, { engine: 'bing', query: 'Müller Werkzeugbau', rank: 1, page: 2 });
});

test('the id a page chooses for a mention is a version 4 UUID, new each time', () => {
  const ids = Array.from({ length: 1000 }, newMentionId);
  for (const id of ids)
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(new Set(ids).size, ids.length);
});
