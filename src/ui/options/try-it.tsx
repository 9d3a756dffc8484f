import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { readableTextColor } from '../../core/color.ts';
import {
  compileMatcher,
  type Explanation,
  type MatchHow,
  type Verdict,
} from '../../core/matcher.ts';
import type { Brand, HighlightStyle } from '../../core/profile.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';

const VERDICT: Record<Verdict, MessageKey> = {
  hit: 'optionsVerdictHit',
  excluded: 'optionsVerdictExcluded',
  'not-whole-word': 'optionsVerdictNotWholeWord',
  'case-mismatch': 'optionsVerdictCaseMismatch',
  overlapped: 'optionsVerdictOverlapped',
};

const HOW: Record<MatchHow, MessageKey> = {
  exact: 'optionsHowExact',
  folded: 'optionsHowFolded',
  stripped: 'optionsHowStripped',
  joined: 'optionsHowJoined',
  genitive: 'optionsHowGenitive',
  'legal-form': 'optionsHowLegalForm',
  compound: 'optionsHowCompound',
};

type Outcome = { ok: true; explanations: Explanation[] } | { ok: false; message: string };

/**
 * Paste text, see what the profile being edited (saved or not) finds in it
 * and why: every candidate with its verdict, the hits painted in their
 * brand's colour.
 */
export function TryIt({
  brands,
  highlightStyle,
}: {
  brands: Brand[];
  highlightStyle: HighlightStyle;
}) {
  const [text, setText] = useState('');
  const matcher = useMemo(() => {
    try {
      return compileMatcher(brands);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [brands]);
  const outcome = useMemo((): Outcome => {
    if (matcher instanceof Error) return { ok: false, message: matcher.message };
    try {
      return { ok: true, explanations: text ? matcher.explain(text) : [] };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [matcher, text]);

  return (
    <section class="card try-it" aria-labelledby="try-heading">
      <h2 id="try-heading">{t('optionsTryIt')}</h2>
      <p class="field-hint">{t('optionsTryItIntro')}</p>
      <label>
        {t('optionsTextToTry')}
        <textarea
          rows={4}
          value={text}
          placeholder={t('optionsTextToTryPlaceholder')}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      {text.trim() && (
        <TryResult text={text} brands={brands} outcome={outcome} highlightStyle={highlightStyle} />
      )}
    </section>
  );
}

function TryResult(props: {
  text: string;
  brands: Brand[];
  outcome: Outcome;
  highlightStyle: HighlightStyle;
}) {
  const { text, brands, outcome } = props;
  if (brands.length === 0) return <p class="muted">{t('optionsTryNoBrands')}</p>;
  if (!outcome.ok) return <p class="field-error">{t('errorGeneric', outcome.message)}</p>;
  const found = outcome.explanations;
  const hits = found.filter((e) => e.verdict === 'hit');
  const paint = (e: Explanation, children: ComponentChildren) => (
    <Mark color={brands[e.brandIndex]?.color ?? '#ffd54f'} style={props.highlightStyle}>
      {children}
    </Mark>
  );
  return (
    <div class="try-result">
      <h3>{t('optionsTryPreview')}</h3>
      <p class="try-preview">{paintHits(text, hits, paint)}</p>
      <h3>{t('optionsTryCandidates', hits.length)}</h3>
      {found.length === 0 ? (
        <p class="muted">{t('optionsTryNothing')}</p>
      ) : (
        <ul class="try-list">
          {found.map((e) => {
            const brand = brands[e.brandIndex];
            return (
              <li
                key={`${e.start}-${e.end}-${e.brandIndex}-${e.termIndex}`}
                class={`verdict-${e.verdict}`}
              >
                <span class={`pill verdict verdict-${e.verdict}`}>{t(VERDICT[e.verdict])}</span>
                {e.verdict === 'hit' ? (
                  paint(e, text.slice(e.start, e.end))
                ) : (
                  <q>{text.slice(e.start, e.end)}</q>
                )}
                <span class="try-brand">{brand?.name}</span>
                <span class="try-why">{reason(e, brand)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Mark({
  color,
  style,
  children,
}: {
  color: string;
  style: HighlightStyle;
  children: ComponentChildren;
}) {
  const css =
    style === 'fill'
      ? { background: color, color: readableTextColor(color) }
      : { borderBottom: `3px solid ${color}` };
  return (
    <mark class={`try-mark try-mark-${style}`} style={css}>
      {children}
    </mark>
  );
}

/** The text with each hit wrapped; hits do not overlap, but guard anyway. */
function paintHits(
  text: string,
  hits: Explanation[],
  paint: (e: Explanation, children: ComponentChildren) => ComponentChildren,
) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at) continue;
    parts.push(text.slice(at, hit.start), paint(hit, text.slice(hit.start, hit.end)));
    at = hit.end;
  }
  parts.push(text.slice(at));
  return parts;
}

/** Why, in the user's language, from the verdict, how it matched and the exclusion phrase. */
function reason(e: Explanation, brand: Brand | undefined): string {
  const term = brand?.terms[e.termIndex];
  const termText = term?.text ?? '';
  switch (e.verdict) {
    case 'hit':
      return t('optionsWhyHit', termText, e.how.map((how) => t(HOW[how])).join(', '));
    case 'excluded':
      return t('optionsWhyExcluded', e.excludedBy ?? '');
    case 'not-whole-word':
      return term && !term.compounds
        ? `${t('optionsWhyNotWholeWord')} ${t('optionsWhyCompoundsOff')}`
        : t('optionsWhyNotWholeWord');
    case 'case-mismatch':
      return t('optionsWhyCaseMismatch', termText);
    case 'overlapped':
      return t('optionsWhyOverlapped');
  }
}
