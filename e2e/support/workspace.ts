/**
 * What the workspace stories need beyond the driver (driver.ts): a seeded log,
 * choosing an option, choosing a file, a shift-click, a saved file's bytes
 * and the clipboard. Each works through the page's own DOM (`evaluate`), the
 * same in Chromium and Firefox, so a story stays one story.
 *
 * Downloads: the workspace saves a file as a Blob behind an `<a download>`
 * that it clicks. `savedFile` wraps that click in the page, keeps the Blob's
 * URL and name, and reads the bytes back from the page, so a binary file
 * (.xlsx) arrives whole in either browser and nothing depends on where a
 * browser puts its downloads.
 */
import type { Mention, Sighting } from '../../src/core/mention.ts';
import { pollFor, type ExtensionDriver, type PageDriver } from './driver.ts';
import { importRecords } from './log-file.ts';

/** Own and competitor brands, the roles the charts and the filter by role need. */
export const ROLE_SETTINGS = {
  brands: [
    {
      name: 'Müller Werkzeugbau',
      color: '#ffd54f',
      terms: ['Müller Werkzeugbau', 'RoboDrill 3000'],
      role: 'own',
      sites: ['mueller-werkzeugbau.de'],
    },
    { name: 'ACME', color: '#4fc3f7', terms: ['ACME'], role: 'competitor' },
  ],
};

/** A mention as the log keeps it; `overrides` change what a story looks at. */
export function mentionRecord(index: number, overrides: Partial<Mention> = {}): Mention {
  const created = new Date(Date.UTC(2026, 10, 30, 12) - index * 86_400_000).toISOString();
  return {
    id: `m-${String(index).padStart(3, '0')}`,
    url: `https://www.example.de/artikel/${index}`,
    title: `Artikel ${index} über Müller Werkzeugbau`,
    brands: ['Müller Werkzeugbau'],
    terms: ['Müller Werkzeugbau'],
    sentiment: 'neutral',
    status: 'new',
    tags: [],
    note: '',
    snippet: '… Müller Werkzeugbau …',
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
}

export function sightingRecord(index: number, overrides: Partial<Sighting> = {}): Sighting {
  const url = `https://www.example.org/seite/${index}`;
  const seen = new Date(Date.UTC(2026, 10, 30, 12) - index * 3_600_000).toISOString();
  return {
    key: `page ${url}`,
    kind: 'page',
    url,
    title: `Seite ${index}`,
    terms: [{ brand: 'Müller Werkzeugbau', term: 'Müller Werkzeugbau', count: 2 }],
    hits: 2,
    firstSeen: seen,
    lastSeen: seen,
    visits: 1,
    ...overrides,
  };
}

/** A JSON export of these records, as a colleague's file would be. */
export function exportText(mentions: Mention[], sightings: Sighting[] = []): string {
  return JSON.stringify(
    {
      format: 'markenlotse-log',
      version: 2,
      exportedAt: '2026-12-01T12:00:00.000Z',
      mentions,
      sightings,
    },
    null,
    2,
  );
}

/** Fills the log through the worker's staged import, as a large import does. */
export async function seedLog(
  driver: ExtensionDriver,
  mentions: Mention[],
  sightings: Sighting[] = [],
): Promise<void> {
  await importRecords(driver, { format: 'markenlotse-log', version: 2, mentions, sightings });
}

/** Chooses an option of the select with this accessible name (aria-label, or its label's text). */
export async function chooseOption(page: PageDriver, label: string, value: string): Promise<void> {
  const found = await page.evaluate(
    ({ label, value }) => {
      const named = (el: Element) =>
        el.getAttribute('aria-label') === label ||
        (el.closest('label')?.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith(label);
      const select = [...document.querySelectorAll('select')].find(named);
      if (!select) return 'no select';
      if (![...select.options].some((o) => o.value === value)) return 'no option';
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return 'ok';
    },
    { label, value },
  );
  if (found !== 'ok') throw new Error(`chooseOption(${label}, ${value}): ${found}`);
}

/** Puts a file into the file input with this label, as choosing it in the file dialog does. */
export async function chooseFile(
  page: PageDriver,
  label: string,
  file: { name: string; text: string },
): Promise<void> {
  const found = await page.evaluate(
    ({ label, name, text }) => {
      const input = [...document.querySelectorAll<HTMLInputElement>('input[type="file"]')].find(
        (el) => (el.closest('label')?.textContent ?? '').trim() === label,
      );
      if (!input) return false;
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    { label, name: file.name, text: file.text },
  );
  if (!found) throw new Error(`no file input labelled ${label}`);
}

/** A click with Shift held on the element with this accessible name (aria-label). */
export async function shiftClick(page: PageDriver, label: string): Promise<void> {
  const found = await page.evaluate((name) => {
    const element = [...document.querySelectorAll('[aria-label]')].find(
      (el) => el.getAttribute('aria-label') === name,
    );
    element?.dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: true }),
    );
    return element !== undefined;
  }, label);
  if (!found) throw new Error(`nothing labelled ${label}`);
}

/** The titles of the mention rows in the grid, top to bottom. */
export function rowTitles(page: PageDriver): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.grid-body [role="row"]')]
      .map((row) => ({
        index: Number(row.getAttribute('aria-rowindex')),
        title: row.querySelector('.page-link')?.textContent ?? '',
      }))
      .filter((r) => r.title)
      .sort((a, b) => a.index - b.index)
      .map((r) => r.title),
  );
}

export interface SavedFile {
  fileName: string;
  bytes: Buffer;
  /** The bytes as UTF-8, a byte order mark kept. */
  text: string;
}

/**
 * Runs `action` (a click on an export button) and returns the file the page
 * saved. The Blob is kept as the page makes its URL (URL.createObjectURL) and
 * read from there: Firefox refuses fetch() of a blob: URL under the
 * extension pages' `connect-src 'none'` (Firefox ESR 140, 2026-12-01).
 */
export async function savedFile(page: PageDriver, action: () => Promise<void>): Promise<SavedFile> {
  await page.evaluate(() => {
    type Saved = { name: string; blob: Blob };
    const w = window as unknown as { savedFiles?: Saved[]; blobs?: Map<string, Blob> };
    if (w.savedFiles) {
      w.savedFiles.length = 0;
      return;
    }
    w.savedFiles = [];
    const blobs = new Map<string, Blob>();
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = createObjectURL(object);
      if (object instanceof Blob) blobs.set(url, object);
      return url;
    };
    const click = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'click')?.value as
      ((this: HTMLElement) => void) | undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = this.download ? blobs.get(this.href) : undefined;
      if (blob) w.savedFiles?.push({ name: this.download, blob });
      else click?.call(this);
    };
  });
  await action();
  const saved = await pollFor(
    'a file saved by the page',
    () =>
      page.evaluate(async () => {
        const w = window as unknown as { savedFiles?: { name: string; blob: Blob }[] };
        const file = w.savedFiles?.[0];
        if (!file) return undefined;
        const bytes = new Uint8Array(await file.blob.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return { fileName: file.name, base64: btoa(binary) };
      }),
    30_000,
  );
  const bytes = Buffer.from(saved.base64, 'base64');
  return { fileName: saved.fileName, bytes, text: bytes.toString('utf8') };
}

/** Catches what the page puts on the clipboard (navigator.clipboard.writeText). */
export async function catchClipboard(page: PageDriver): Promise<() => Promise<string | undefined>> {
  await page.evaluate(() => {
    const w = window as unknown as { copied?: string };
    navigator.clipboard.writeText = (text: string) => {
      w.copied = text;
      return Promise.resolve();
    };
  });
  return () => page.evaluate(() => (window as unknown as { copied?: string }).copied);
}

/**
 * A strict RFC 4180 reader with the separator of the dialect: every row ends
 * with CRLF, a quote only opens a field or closes it, and a bare CR or LF
 * outside quotes is an error. Throws where a lenient reader would guess.
 */
export function strictCsv(text: string, separator: ',' | ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        const next = text[i + 1];
        if (next !== separator && next !== '\r')
          throw new Error(`text after a closing quote at ${i}`);
      } else field += c;
      continue;
    }
    if (c === '"') {
      if (!fieldStart) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStart = false;
    } else if (c === separator) {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
      i++;
    } else if (c === '\n') throw new Error(`a bare LF at ${i}`);
    else {
      field += c;
      fieldStart = false;
    }
  }
  if (quoted) throw new Error('the file ends inside quotes');
  if (field !== '' || row.length > 0) throw new Error('the last row has no CRLF');
  return rows;
}
