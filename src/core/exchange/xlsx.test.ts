import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { ENGLISH_LABELS, MENTION_COLUMNS, SIGHTING_COLUMNS } from './labels.ts';
import { columnName, MAX_CELL_TEXT, sheetNames } from './spreadsheetml.ts';
import { mention, sighting } from './test-records.test-support.ts';
import { defaultXlsxDateFormat, logToXlsx } from './xlsx.ts';
import { escapeXml } from './xml.ts';

/** The letter of a mention column in the sheet. */
const col = (column: (typeof MENTION_COLUMNS)[number]) =>
  columnName(MENTION_COLUMNS.indexOf(column));

const mentions = [
  mention({
    title: 'ACME & Söhne <GmbH> "neu"\u0000\u0008\uFFFE',
    note: '  leading blanks\r\nand a second line',
    snippet: 'literal _x0041_ stays',
    search: { engine: 'google', query: 'acme robodrill', rank: 3, page: 1 },
  }),
  mention({
    id: 'm-2',
    title: '=HYPERLINK("http://x","y")',
    sentiment: 'negative',
    note: 'x'.repeat(40_000),
  }),
];
const sightings = [sighting({ kind: 'competitor-ad', visits: 4, hits: 7 })];
const file = logToXlsx(
  { mentions, sightings },
  { timeZone: 'Europe/Berlin', dateFormat: 'dd.mm.yyyy hh:mm', now: new Date(2026, 10, 27) },
);

/** Parses XML strictly: a part that is not well-formed fails the test. */
function xml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
}

const parts = unzipSync(file);
const part = (path: string) => {
  const bytes = parts[path];
  assert.ok(bytes, `${path} is in the package`);
  return xml(strFromU8(bytes));
};
const elements = (doc: Document | Element, name: string) => [...doc.getElementsByTagName(name)];
const only = (doc: Document | Element, name: string) => {
  const [first, ...rest] = elements(doc, name);
  assert.ok(first && rest.length === 0, `exactly one <${name}>`);
  return first;
};

/** The cells of a sheet as [ref, type, style, value] with shared strings resolved. */
function cells(sheet: Document): Map<string, { style: string; value: string; type: string }> {
  const strings = elements(part('xl/sharedStrings.xml'), 'si').map((si) => si.textContent ?? '');
  const map = new Map<string, { style: string; value: string; type: string }>();
  for (const c of elements(sheet, 'c')) {
    const type = c.getAttribute('t') ?? 'n';
    // Mostly unique text is inline (<is><t>), repeated text a shared string's index (<v>).
    const v = (type === 'inlineStr' ? only(c, 'is') : only(c, 'v')).textContent ?? '';
    map.set(c.getAttribute('r') ?? '', {
      type,
      style: c.getAttribute('s') ?? '0',
      value: type === 's' ? (strings[Number(v)] ?? '(missing)') : v,
    });
  }
  return map;
}

void test('the package holds every part, [Content_Types].xml first, each well-formed XML', () => {
  const paths = Object.keys(parts);
  assert.equal(paths[0], '[Content_Types].xml');
  for (const path of [
    '_rels/.rels',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/sharedStrings.xml',
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
  ])
    part(path);
  const types = elements(part('[Content_Types].xml'), 'Override').map((o) =>
    o.getAttribute('PartName'),
  );
  for (const path of paths.filter((p) => !p.endsWith('.rels') && p !== '[Content_Types].xml'))
    assert.ok(types.includes(`/${path}`), `${path} has a content type`);
});

void test('each sheet has a frozen header row and an autofilter over all its rows', () => {
  for (const [path, width, rows] of [
    ['xl/worksheets/sheet1.xml', MENTION_COLUMNS.length, mentions.length],
    ['xl/worksheets/sheet2.xml', SIGHTING_COLUMNS.length, sightings.length],
  ] as const) {
    const sheet = part(path);
    const pane = only(sheet, 'pane');
    assert.equal(pane.getAttribute('state'), 'frozen');
    assert.equal(pane.getAttribute('ySplit'), '1');
    assert.equal(pane.getAttribute('topLeftCell'), 'A2');
    const range = `A1:${columnName(width - 1)}${rows + 1}`;
    assert.equal(only(sheet, 'autoFilter').getAttribute('ref'), range);
    assert.equal(only(sheet, 'dimension').getAttribute('ref'), range);
    assert.equal(elements(sheet, 'row').length, rows + 1);
  }
  const names = elements(part('xl/workbook.xml'), 'definedName').map((d) => d.textContent);
  assert.deepEqual(names, ["'Mentions'!$A$1:$P$3", "'Sightings'!$A$1:$N$2"]);
});

void test('times are date cells in local time with the date format; numbers are numbers', () => {
  const styles = part('xl/styles.xml');
  const format = only(styles, 'numFmt');
  assert.equal(format.getAttribute('formatCode'), 'dd.mm.yyyy hh:mm');
  const xfs = elements(only(styles, 'cellXfs'), 'xf');
  const sheet = cells(part('xl/worksheets/sheet1.xml'));
  const created = sheet.get('B2');
  assert.ok(created);
  assert.equal(created.type, 'n');
  assert.equal(
    xfs[Number(created.style)]?.getAttribute('numFmtId'),
    format.getAttribute('numFmtId'),
  );
  // 2026-11-27 10:30 in Berlin: day 46353 since 1899-12-30, and 10.5 hours.
  assert.ok(Math.abs(Number(created.value) - (46353 + 10.5 / 24)) < 1e-9, created.value);
  assert.deepEqual(sheet.get(`${col('rank')}2`), { type: 'n', style: '0', value: '3' }, 'rank');
  assert.equal(sheet.get(`${col('rank')}3`), undefined, 'no rank: no cell');
  const header = sheet.get('A1');
  assert.equal(header?.value, 'ID');
  assert.equal(xfs[Number(header?.style)]?.getAttribute('applyFont'), '1', 'the header is bold');
});

void test('text is escaped, stripped of what XML forbids, and otherwise kept as it is', () => {
  const sheet = cells(part('xl/worksheets/sheet1.xml'));
  assert.equal(sheet.get(`${col('title')}2`)?.value, 'ACME & Söhne <GmbH> "neu"');
  assert.equal(sheet.get(`${col('note')}2`)?.value, '  leading blanks\nand a second line');
  assert.equal(
    sheet.get(`${col('title')}3`)?.value,
    '=HYPERLINK("http://x","y")',
    'a string cell is never a formula',
  );
  assert.equal(
    sheet.get(`${col('note')}3`)?.value.length,
    MAX_CELL_TEXT,
    'cut to what Excel holds',
  );
  // The snippet is mostly unique text: written inline in the sheet.
  const raw = strFromU8(parts['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
  assert.ok(raw.includes('literal _x005F_x0041_ stays'), 'a literal _xHHHH_ is escaped');
  assert.equal(elements(part('xl/worksheets/sheet1.xml'), 'f').length, 0, 'no formulas');
});

void test('repeated values are shared strings, each once; mostly unique text is inline', () => {
  const sheet = part('xl/worksheets/sheet1.xml');
  const types = new Map<string, string>();
  for (const c of elements(sheet, 'c'))
    types.set((c.getAttribute('r') ?? '').replace(/\d+$/, ''), c.getAttribute('t') ?? 'n');
  for (const column of ['sentiment', 'status', 'brands', 'terms'] as const)
    assert.equal(types.get(col(column)), 's', column);
  for (const column of ['id', 'title', 'url', 'snippet'] as const)
    assert.equal(types.get(col(column)), 'inlineStr', column);
  const shared = elements(part('xl/sharedStrings.xml'), 'si').map((si) => si.textContent);
  assert.equal(new Set(shared).size, shared.length, 'each shared string once');
  assert.ok(shared.includes('Positive') && !shared.includes(mentions[0]?.title ?? ''));
});

void test('an independent reader (read-excel-file) reads the rows, the dates and the labels back', async () => {
  const [first, second] = await readXlsxFile(Buffer.from(file), { trim: false });
  assert.ok(first && second);
  assert.equal(first.sheet, 'Mentions');
  assert.equal(second.sheet, 'Sightings');
  const [header, row, row2] = first.data;
  assert.deepEqual(
    header,
    MENTION_COLUMNS.map((c) => ENGLISH_LABELS.mentionColumns[c]),
  );
  assert.equal(first.data.length, 3);
  // The reader gives the wall-clock time of the cell as a UTC date.
  assert.deepEqual(row?.[1], new Date('2026-11-27T10:30:00.000Z'));
  assert.equal(row?.[3], 'Positive');
  assert.equal(row2?.[3], 'Negative');
  assert.equal(row?.[MENTION_COLUMNS.indexOf('status')], 'New');
  assert.equal(row?.[MENTION_COLUMNS.indexOf('terms')], 'ACME, RoboDrill 3000');
  assert.equal(row?.[MENTION_COLUMNS.indexOf('note')], '  leading blanks\nand a second line');
  assert.equal(row?.[MENTION_COLUMNS.indexOf('rank')], 3);
  assert.equal(row?.[MENTION_COLUMNS.indexOf('snippet')], 'literal _x0041_ stays');
  const [, sightingRow] = second.data;
  assert.equal(sightingRow?.[1], 'Competitor ad');
  assert.equal(sightingRow?.[6], 7);
  assert.deepEqual(sightingRow?.[7], new Date('2026-11-20T09:00:00.000Z'));
});

void test('a time before 1900-03-01, which Excel cannot show as a date, is written as text', async () => {
  const old = logToXlsx(
    { mentions: [mention({ createdAt: '1899-01-01T00:00:00.000Z' })] },
    { timeZone: 'UTC' },
  );
  const [sheet] = await readXlsxFile(Buffer.from(old));
  assert.equal(sheet?.data[1]?.[1], '1899-01-01T00:00:00+00:00');
});

void test('an export of nothing is still a workbook with the header row', async () => {
  const [sheet] = await readXlsxFile(Buffer.from(logToXlsx({})));
  assert.equal(sheet?.data.length, 1);
});

void test('the date format follows the UI language', () => {
  assert.equal(defaultXlsxDateFormat('de-DE'), 'dd.mm.yyyy hh:mm');
  assert.equal(defaultXlsxDateFormat('en'), 'yyyy-mm-dd hh:mm');
});

void test('column names: A … Z, AA …', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName), [
    'A',
    'B',
    'Z',
    'AA',
    'AB',
    'AZ',
    'BA',
    'ZZ',
    'AAA',
  ]);
});

void test('sheet names are what Excel accepts, and unique', () => {
  assert.deepEqual(
    sheetNames(['Erwähnungen', 'a/b:c?', "'quoted'", '', 'x'.repeat(40), 'Mentions', 'mentions']),
    ['Erwähnungen', 'a b c', 'quoted', 'Sheet4', 'x'.repeat(31), 'Mentions', 'mentions 2'],
  );
});

void test('XML escaping: markup characters escaped, forbidden characters dropped, the rest kept', () => {
  assert.equal(escapeXml('a & b < c > d "e"'), 'a &amp; b &lt; c &gt; d &quot;e&quot;');
  assert.equal(escapeXml('nul\u0000 bell\u0007 vt\u000B ff\u000C us\u001F'), 'nul bell vt ff us');
  assert.equal(escapeXml('tab\t lf\n cr\r'), 'tab\t lf\n cr\r', 'the three allowed controls stay');
  assert.equal(escapeXml('lone \uD800 and \uDC00, \uFFFE \uFFFF'), 'lone  and ,  ');
  assert.equal(escapeXml('emoji 😀, ß, €'), 'emoji 😀, ß, €');
});
