/** Records and a strict CSV reader for the exchange tests (imported by *.test.ts only). */
import assert from 'node:assert/strict';
import { type Mention, type Sighting } from '../mention.ts';

export function mention(overrides: Partial<Mention> = {}): Mention {
  return {
    id: 'm-1',
    url: 'https://www.example.de/artikel',
    title: 'ACME übernimmt Müller GmbH',
    brands: ['ACME'],
    terms: ['ACME', 'RoboDrill 3000'],
    sentiment: 'positive',
    status: 'new',
    tags: ['Presse', 'Übernahme'],
    note: '',
    snippet: '… die ACME AG gab bekannt …',
    createdAt: '2026-11-27T09:30:00.000Z',
    updatedAt: '2026-11-27T09:30:00.000Z',
    ...overrides,
  };
}

export function sighting(overrides: Partial<Sighting> = {}): Sighting {
  return {
    key: 'page https://www.example.de/artikel',
    kind: 'page',
    url: 'https://www.example.de/artikel',
    title: 'ACME übernimmt Müller GmbH',
    terms: [{ brand: 'ACME', term: 'ACME', count: 3 }],
    hits: 3,
    firstSeen: '2026-11-20T08:00:00.000Z',
    lastSeen: '2026-11-20T08:00:00.000Z',
    visits: 1,
    ...overrides,
  };
}

/**
 * Reads CSV text strictly (RFC 4180): a BOM first, every row ended by CRLF,
 * quotes only around whole fields, and every row as wide as the header.
 * Fails the test on anything else.
 */
export function readCsv(text: string, separator: string): string[][] {
  assert.ok(text.startsWith('\uFEFF'), 'starts with a byte order mark');
  const body = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < body.length) {
    if (body[i] === '"' && cell === '') {
      // A quoted field: up to the quote that is not doubled.
      i++;
      for (;;) {
        assert.ok(i < body.length, 'a quoted field is closed');
        if (body[i] === '"' && body[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (body[i] === '"') {
          i++;
          break;
        } else cell += body[i++];
      }
      assert.ok(
        body.startsWith(separator, i) || body.startsWith('\r\n', i),
        `a quoted field ends at a separator or a line end (at ${i})`,
      );
      continue;
    }
    if (body.startsWith(separator, i)) {
      row.push(cell);
      cell = '';
      i += separator.length;
    } else if (body.startsWith('\r\n', i)) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      assert.notEqual(body[i], '"', `a bare quote inside an unquoted field (at ${i})`);
      assert.ok(body[i] !== '\r' && body[i] !== '\n', `a bare line break (at ${i})`);
      cell += body[i++];
    }
  }
  assert.equal(row.length + cell.length, 0, 'the last row ends with CRLF');
  const width = rows[0]?.length ?? 0;
  for (const [n, r] of rows.entries())
    assert.equal(r.length, width, `row ${n} is as wide as the header`);
  return rows;
}
