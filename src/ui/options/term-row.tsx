import { isCaseSensitive } from '../../core/matcher.ts';
import { withoutUmlauts } from '../../core/term-text.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';
import type { TermDraft, TermIssue } from './draft.ts';

export const TERM_ISSUE_TEXT: Record<TermIssue, MessageKey> = {
  empty: 'optionsTermEmpty',
  'no-letters': 'optionsTermNoLetters',
  duplicate: 'optionsTermDuplicate',
};

/**
 * One term: its text and how it is matched. "Match case" shows an explicit
 * choice only: the default ('auto') is unticked, ticking it means "always
 * match case", unticking it "never". Where 'auto' does match case (short
 * all-caps names such as SAP) a hint says so.
 */
export function TermRow(props: {
  term: TermDraft;
  issue: TermIssue | undefined;
  onChange: (term: TermDraft) => void;
  onRemove: () => void;
}) {
  const { term, issue } = props;
  const set = (patch: Partial<TermDraft>) => props.onChange({ ...term, ...patch });
  const errorId = `term-${term.key}-error`;
  const autoCase = term.caseSensitive === 'auto' && isCaseSensitive(term);
  // Offered only where it changes something (a term with umlauts), and kept
  // while ticked so that it can be unticked.
  const plain = withoutUmlauts(term.text);
  return (
    // The group (its name is the term) sits inside the list item: a role on
    // the <li> itself would take it out of the list (axe: list, aria-allowed-role).
    <li>
      <div class="term-row" role="group" aria-label={term.text.trim() || t('optionsTerm')}>
        <label class="term-text">
          <span class="visually-hidden">{t('optionsTerm')}</span>
          <input
            type="text"
            value={term.text}
            aria-invalid={issue ? 'true' : undefined}
            aria-describedby={issue ? errorId : undefined}
            onInput={(e) => set({ text: e.currentTarget.value })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={term.caseSensitive === true}
            onChange={(e) => set({ caseSensitive: e.currentTarget.checked })}
          />
          {t('optionsMatchCase')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={term.compounds}
            onChange={(e) => set({ compounds: e.currentTarget.checked })}
          />
          {t('optionsCompounds')}
        </label>
        {(plain !== null || term.stripUmlauts) && (
          <label class="check">
            <input
              type="checkbox"
              checked={term.stripUmlauts}
              onChange={(e) => set({ stripUmlauts: e.currentTarget.checked })}
            />
            {plain === null ? t('optionsStripUmlauts') : t('optionsStripUmlautsAs', plain)}
          </label>
        )}
        <button
          type="button"
          class="quiet"
          aria-label={t('optionsRemoveTerm', term.text.trim())}
          onClick={props.onRemove}
        >
          {t('optionsRemove')}
        </button>
        {issue && (
          <p id={errorId} class="field-error">
            {t(TERM_ISSUE_TEXT[issue])}
          </p>
        )}
        {autoCase && <p class="field-hint">{t('optionsAutoCase', term.text.trim())}</p>}
      </div>
    </li>
  );
}
