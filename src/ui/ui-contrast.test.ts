/**
 * The pages' colours (src/ui/ui.css), in the light and the dark theme, meet
 * WCAG 2 AA: every text colour 4.5:1 on each surface it is used on, control
 * borders and the focus ring 3:1 (WCAG 1.4.11). The colours are read from the
 * stylesheet itself, so a change there that drops below AA fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AA_LARGE_OR_UI, AA_TEXT, contrastRatio } from '../core/color.ts';

const css = readFileSync(new URL('./ui.css', import.meta.url), 'utf8');

function variables(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]),
  );
}

const light = variables(/:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '');
const dark = new Map([
  ...light,
  ...variables(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? ''),
]);

/** `color-mix(in srgb, <tint> <share>, transparent)` as painted over `under`. */
function tint(color: string, share: number, under: string): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2]
    .map((i) =>
      Math.round(channel(color, i) * share + channel(under, i) * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

for (const [name, theme] of [
  ['light', light],
  ['dark', dark],
] as const) {
  const v = (key: string): string => {
    const value = theme.get(key);
    assert.ok(value, `--${key} is missing in the ${name} theme`);
    return value;
  };
  const check = (pairs: [string, string, string][], minimum: number) => {
    const failing = pairs
      .map(([what, fg, bg]) => ({ what, ratio: contrastRatio(fg, bg) }))
      .filter(({ ratio }) => ratio < minimum)
      .map(({ what, ratio }) => `${what}: ${ratio.toFixed(2)}:1`);
    assert.deepEqual(failing, [], `${name} theme below ${minimum}:1`);
  };

  test(`${name} theme: text reaches 4.5:1 on every surface`, () => {
    const surfaces = {
      page: v('bg'),
      panel: v('panel'),
      'ad row': tint(v('error'), 0.08, v('bg')),
    };
    const pairs: [string, string, string][] = [];
    for (const text of ['fg', 'muted', 'accent', 'ok', 'error', 'positive', 'negative', 'neutral'])
      for (const [surface, bg] of Object.entries(surfaces))
        pairs.push([`--${text} on ${surface}`, v(text), bg]);
    pairs.push(
      ['error banner', v('error'), tint(v('error'), 0.14, v('bg'))],
      ['ok banner', v('ok'), tint(v('ok'), 0.14, v('bg'))],
      ['ok banner in the log form', v('ok'), tint(v('ok'), 0.14, v('panel'))],
      ['welcome banner', v('fg'), tint(v('accent'), 0.1, v('bg'))],
      ['pin hint in the welcome banner', v('muted'), tint(v('accent'), 0.1, v('bg'))],
      ['warning banner', v('fg'), tint('#e0a800', 0.14, v('bg'))],
      ['primary button', v('accent-fg'), v('accent')],
      ['competitor pill', v('error-fg'), v('error')],
    );
    check(pairs, AA_TEXT);
  });

  test(`${name} theme: control borders and the focus ring reach 3:1`, () => {
    check(
      [
        ['field border on page', v('control-border'), v('bg')],
        ['field border on panel', v('control-border'), v('panel')],
        ['focus ring on page', v('accent'), v('bg')],
        ['focus ring on panel', v('accent'), v('panel')],
      ],
      AA_LARGE_OR_UI,
    );
  });
}

test('the stylesheet has both themes', () => {
  assert.ok(light.size >= 10 && dark.get('bg') !== light.get('bg'));
});
