import type { PageHit } from '../../core/messages.ts';
import { t } from '../../platform/i18n.ts';

/** Hits grouped by term with counts; each hit with its context, click to scroll the page to it. */
export function TermGroups({
  hits,
  onReveal,
}: {
  hits: PageHit[];
  onReveal: (index: number) => void;
}) {
  const groups = new Map<string, PageHit[]>();
  for (const hit of hits) {
    // "ACME" rather than "ACME: ACME" where the term is the brand's name.
    const label = hit.term === hit.brand ? hit.term : `${hit.brand}: ${hit.term}`;
    groups.set(label, [...(groups.get(label) ?? []), hit]);
  }
  return (
    <div class="term-groups">
      {[...groups].map(([label, group]) => (
        <details key={label} open={groups.size === 1}>
          <summary>
            <span class="swatch" style={{ background: group[0]?.brandColor }} />
            {label} <span class="count">{group.length}</span>
          </summary>
          <ul class="hits">
            {group.map((hit) => (
              <li key={hit.index}>
                <button
                  type="button"
                  class="hit"
                  onClick={() => onReveal(hit.index)}
                  title={t('popupRevealHit')}
                >
                  {hit.before}
                  <mark style={{ background: hit.brandColor }}>{hit.text}</mark>
                  {hit.after}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
