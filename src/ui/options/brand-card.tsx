import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultTerm } from '../../core/profile.ts';
import { t } from '../../platform/i18n.ts';
import {
  termDraft,
  termIssue,
  type BrandDraft,
  type BrandIssues,
  type TermDraft,
} from './draft.ts';
import { RoleChoice } from './role-choice.tsx';
import { TermRow, TERM_ISSUE_TEXT } from './term-row.tsx';

export interface BrandCardProps {
  brand: BrandDraft;
  /** Problems that block saving; the name's only once the user tried to save. */
  issues: BrandIssues | undefined;
  showAllIssues: boolean;
  /** Put the cursor into the name field when the card appears. */
  focusName: boolean;
  onChange: (brand: BrandDraft) => void;
  onRemove: () => void;
}

/**
 * One company or product, or a competitor: its name, colour, role, the terms
 * it goes by, the phrases that cancel a hit and its own websites.
 */
export function BrandCard(props: BrandCardProps) {
  const { brand, issues } = props;
  const [addTried, setAddTried] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<BrandDraft>) => props.onChange({ ...brand, ...patch });
  const id = `brand-${brand.key}`;

  useEffect(() => {
    if (props.focusName) nameInput.current?.focus();
  }, []);

  const setTerm = (next: TermDraft) =>
    set({ terms: brand.terms.map((term) => (term.key === next.key ? next : term)) });
  const removeTerm = (key: number) =>
    set({ terms: brand.terms.filter((term) => term.key !== key) });
  const addTerm = () => {
    const issue = termIssue(
      brand.newTerm,
      brand.terms.map((term) => term.text.trim()),
    );
    setAddTried(true);
    if (issue) return;
    set({ terms: [...brand.terms, termDraft(defaultTerm(brand.newTerm.trim()))], newTerm: '' });
    setAddTried(false);
  };

  const nameMissing = props.showAllIssues && issues?.name === true;
  // An empty "New term" only counts as a problem when the user pressed "Add term".
  const newTermIssue = brand.newTerm.trim() ? issues?.newTerm : addTried ? 'empty' : null;
  const showNewTermIssue = newTermIssue && (addTried || props.showAllIssues);

  return (
    <fieldset class="card brand-card" id={id}>
      <legend>
        <span class="swatch" style={{ background: brand.color }} />
        {brand.name.trim() || t('optionsNewBrand')}
      </legend>
      <div class="brand-head">
        <label class="brand-name">
          {t(brand.role === 'own' ? 'optionsBrandName' : 'optionsCompetitorName')}
          <input
            ref={nameInput}
            type="text"
            value={brand.name}
            autocomplete="organization"
            aria-invalid={nameMissing ? 'true' : undefined}
            aria-describedby={nameMissing ? `${id}-name-error` : undefined}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        <label class="brand-color">
          {t('optionsColour')}
          <input
            type="color"
            value={brand.color}
            onInput={(e) => set({ color: e.currentTarget.value })}
          />
        </label>
      </div>
      {nameMissing && (
        <p id={`${id}-name-error`} class="field-error">
          {t('optionsNameMissing')}
        </p>
      )}
      <RoleChoice id={id} role={brand.role} onChange={(role) => set({ role })} />

      <fieldset class="terms">
        <legend>{t('optionsTerms')}</legend>
        <p class="field-hint">
          {t(brand.terms.length === 0 ? 'optionsTermsEmptyHint' : 'optionsTermsHint')}
        </p>
        {brand.terms.length > 0 && (
          <ul class="term-list">
            {brand.terms.map((term) => (
              <TermRow
                key={term.key}
                term={term}
                issue={issues?.terms.get(term.key)}
                onChange={setTerm}
                onRemove={() => removeTerm(term.key)}
              />
            ))}
          </ul>
        )}
        <div class="add-term">
          <label>
            {t('optionsNewTerm')}
            <input
              type="text"
              value={brand.newTerm}
              placeholder={t('optionsNewTermPlaceholder')}
              aria-invalid={showNewTermIssue ? 'true' : undefined}
              aria-describedby={showNewTermIssue ? `${id}-new-term-error` : undefined}
              onInput={(e) => {
                setAddTried(false);
                set({ newTerm: e.currentTarget.value });
              }}
              onKeyDown={(e) => {
                // Enter adds the term instead of submitting (saving) the whole form.
                if (e.key !== 'Enter') return;
                e.preventDefault();
                addTerm();
              }}
            />
          </label>
          <button type="button" onClick={addTerm}>
            {t('optionsAddTerm')}
          </button>
        </div>
        {showNewTermIssue && (
          <p id={`${id}-new-term-error`} class="field-error">
            {t(TERM_ISSUE_TEXT[newTermIssue])}
          </p>
        )}
      </fieldset>

      <label>
        {t('optionsExclusions')}
        <textarea
          rows={2}
          value={brand.excludeText}
          aria-describedby={`${id}-exclude-hint`}
          onInput={(e) => set({ excludeText: e.currentTarget.value })}
        />
      </label>
      <p id={`${id}-exclude-hint`} class="field-hint">
        {t('optionsExclusionsHint')}
      </p>

      <label>
        {t('optionsOwnSites')}
        <textarea
          rows={2}
          value={brand.sitesText}
          aria-describedby={`${id}-sites-hint`}
          onInput={(e) => set({ sitesText: e.currentTarget.value })}
        />
      </label>
      <p id={`${id}-sites-hint`} class="field-hint">
        {t('optionsOwnSitesHint')}
      </p>

      <div class="brand-actions">
        <button type="button" class="danger" onClick={props.onRemove}>
          {t('optionsRemoveBrand')}
        </button>
      </div>
    </fieldset>
  );
}
