// Every problem code reads as a sentence in English and German, with its parameters in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_PARAMS, problem, type ProblemCode } from '../../core/problem.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { formatProblem, PROBLEM_TEXT, type Translate } from './problems.ts';

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

const dir = join(import.meta.dirname, '..', '..', '_locales');
const load = (lang: string): Messages =>
  Object.assign(
    {},
    ...readdirSync(join(dir, lang)).map(
      (f) => JSON.parse(readFileSync(join(dir, lang, f), 'utf8')) as Messages,
    ),
  ) as Messages;

/** What browser.i18n.getMessage does: $NAME$ -> the placeholder's content -> $n -> the nth substitution. */
function translator(messages: Messages): Translate {
  return (key: MessageKey, ...substitutions) => {
    const entry = messages[key];
    assert.ok(entry, `${key} exists`);
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      const n = Number(content.replace('$', ''));
      return String(substitutions[n - 1] ?? '');
    });
  };
}

const codes = Object.keys(PROBLEM_PARAMS) as ProblemCode[];

test('each code has a text whose placeholders are its parameters, in order', () => {
  const en = load('en');
  for (const code of codes) {
    const entry = en[PROBLEM_TEXT[code]];
    assert.ok(entry, `${code}: ${PROBLEM_TEXT[code]} is in the English locale`);
    const order = Object.entries(entry.placeholders ?? {})
      .sort(([, a], [, b]) => a.content.localeCompare(b.content))
      .map(([name]) => name);
    assert.deepEqual(order, [...PROBLEM_PARAMS[code]], code);
  }
});

test('every problem renders in English and German with its path and parameters', () => {
  for (const lang of ['en', 'de']) {
    const translate = translator(load(lang));
    for (const code of codes) {
      const params = Object.fromEntries(PROBLEM_PARAMS[code].map((name) => [name, `<${name}>`]));
      const text = formatProblem(problem('brands[0].color', code, params), translate);
      assert.ok(text.startsWith('brands[0].color: '), text);
      for (const name of PROBLEM_PARAMS[code]) assert.ok(text.includes(`<${name}>`), text);
      assert.doesNotMatch(text, /\$/, `${lang} ${code}: no placeholder left`);
    }
  }
});

test('problems read as a user would see them', () => {
  const en = translator(load('en'));
  const de = translator(load('de'));
  const bad = problem('brands[0].color', 'expected-color');
  assert.equal(formatProblem(bad, en), 'brands[0].color: expected a colour such as #ffcc00');
  assert.equal(formatProblem(bad, de), 'brands[0].color: Farbe wie #ffcc00 erwartet');
  const json = problem('', 'not-json-at', { line: 3, column: 16 });
  assert.equal(
    formatProblem(json, de),
    'Die Datei ist kein gültiges JSON: Der Fehler steht in Zeile 3, Spalte 16.',
  );
  // A code this page does not know (a newer worker) still gives a sentence.
  const unknown = { path: 'x', code: 'from-the-future', params: {} } as unknown as Parameters<
    typeof formatProblem
  >[0];
  assert.equal(formatProblem(unknown, en), 'x: not valid');
});
