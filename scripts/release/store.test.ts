// The store material (store/) agrees with the extension: the short
// descriptions fit the Chrome Web Store's 132 characters and are the
// manifest's own, every permission the manifest asks for is justified, and
// the committed images have the stores' sizes, without alpha.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { STORE_LANGS } from '../store-texts.ts';
import { mergedLocales } from '../build.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const store = join(root, 'store');
const read = (file: string) => readFileSync(join(store, file), 'utf8');

/** The text between <!-- name --> and <!-- /name -->. */
function marked(text: string, name: string): string {
  const match = new RegExp(`<!-- ${name} -->([\\s\\S]*?)<!-- /${name} -->`).exec(text);
  assert.ok(match, `<!-- ${name} --> is missing`);
  return (match[1] ?? '').trim();
}

for (const lang of STORE_LANGS) {
  test(`${lang}: the short description fits and is the manifest's`, () => {
    const short = marked(read(`listing-${lang}.md`), 'short');
    assert.ok(short.length <= 132, `${short.length} characters`);
    const messages = mergedLocales()[lang] as Record<string, { message: string }>;
    assert.equal(short, messages.extDescription?.message);
  });

  test(`${lang}: listing and privacy policy exist`, () => {
    assert.ok(read(`listing-${lang}.md`).length > 1000);
    assert.match(read(`privacy-${lang}.md`), /CSS\.highlights/);
  });
}

test('every permission and host pattern of the manifest is justified', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    optional_permissions?: string[];
    host_permissions?: string[];
    content_scripts?: { matches: string[] }[];
  };
  const asked = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches),
  ];
  const table = marked(read('permissions.md'), 'permissions');
  const justified = new Set(
    table
      .split('\n')
      .slice(2)
      .flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1])),
  );
  assert.deepEqual(
    asked.filter((p) => !justified.has(p)),
    [],
  );
});

test('the committed store images have the stores’ sizes and no alpha channel', () => {
  const dir = join(store, 'images');
  if (!existsSync(dir)) return;
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.png'))
    .map((f) => join(dir, f));
  assert.ok(files.length > 0);
  for (const file of files) {
    const png = PNG.sync.read(readFileSync(file));
    const name = relative(dir, file);
    const want = name.startsWith('promo-tile') ? [440, 280] : [1280, 800];
    assert.deepEqual([png.width, png.height], want, name);
    // Byte 25 of a PNG is its colour type: 2 is RGB, 6 would be RGBA.
    assert.equal(readFileSync(file)[25], 2, `${name} has an alpha channel`);
  }
});
