// Every text a user sees exists in English and German, with the same placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;

const dir = join(import.meta.dirname, '..', '_locales');
const load = (lang: string): Messages =>
  Object.assign(
    {},
    ...readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, lang, f), 'utf8')) as Messages),
  ) as Messages;

test('German has every English message, with the same placeholders', () => {
  const en = load('en');
  const de = load('de');
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  for (const [key, english] of Object.entries(en)) {
    const german = de[key];
    if (!german?.message.trim()) assert.fail(`${key} has no German text`);
    assert.deepEqual(
      Object.keys(german.placeholders ?? {}).sort(),
      Object.keys(english.placeholders ?? {}).sort(),
      key,
    );
    for (const name of Object.keys(english.placeholders ?? {})) {
      assert.ok(
        german.message.includes(`$${name.toUpperCase()}$`),
        `${key}: German text uses $${name.toUpperCase()}$`,
      );
    }
  }
});

test('German texts are translated, not copied', () => {
  const en = load('en');
  const de = load('de');
  const same = Object.keys(en).filter(
    (key) => en[key]?.message === de[key]?.message && (en[key]?.message.length ?? 0) > 12,
  );
  assert.deepEqual(same, []);
});
