// One German word for one thing: each thing the German pages name has one
// word, and the words we did not choose never come back in a later text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string }>;

const dir = join(import.meta.dirname, '..', '_locales', 'de');

/** Every German text, as "file: key" -> message. */
function germanTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const messages = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Messages;
    for (const [key, { message }] of Object.entries(messages))
      texts.set(`${file}: ${key}`, message);
  }
  return texts;
}

/** The chosen word, and the words for the same thing that were not chosen. */
const GLOSSARY: { thing: string; word: string; refused: RegExp }[] = [
  // "Eine Erwähnung erfassen", never "protokollieren" (nor "protokolliert", "Protokollierung").
  { thing: 'to log a mention', word: 'erfassen', refused: /protokollier/i },
  // "Rang 3", never "Platz 3" ("Speicherplatz" is another thing and another word).
  { thing: 'the rank of a result', word: 'Rang', refused: /\bPl(?:a|ä)tz(?:e|es)?\b/i },
  { thing: 'a sighting', word: 'Sichtung', refused: /Fundstelle/i },
  { thing: 'a competitor', word: 'Wettbewerber', refused: /Konkurrent/i },
];

test('German texts use one word for one thing', () => {
  const texts = germanTexts();
  assert.ok(texts.size > 100, 'the German texts were read');
  const wrong: string[] = [];
  for (const { thing, word, refused } of GLOSSARY)
    for (const [where, message] of texts)
      if (refused.test(message)) wrong.push(`${where}: "${message}" (${thing}: say "${word}")`);
  assert.deepEqual(wrong, []);
});

test('the refused words are recognised in every form', () => {
  const find = (text: string) =>
    GLOSSARY.filter(({ refused }) => refused.test(text)).map(({ word }) => word);
  assert.deepEqual(find('Erwähnung protokollieren'), ['erfassen']);
  assert.deepEqual(find('Protokolliert.'), ['erfassen']);
  assert.deepEqual(find('zuletzt Platz 3'), ['Rang']);
  assert.deepEqual(find('die ersten Plätze'), ['Rang']);
  assert.deepEqual(find('12 Fundstellen'), ['Sichtung']);
  assert.deepEqual(find('Anzeige eines Konkurrenten'), ['Wettbewerber']);
  // Words that only look alike.
  assert.deepEqual(find('Geben Sie Speicherplatz frei'), []);
  assert.deepEqual(find('Das Protokoll öffnen'), []);
  assert.deepEqual(find('Rang 3, Vorrang'), []);
});
