import type { ManagedState, SetAsideReason } from '../../core/policy.ts';
import type { Brand, BrandRole } from '../../core/profile.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';
import { BrandCard } from './brand-card.tsx';
import type { BrandDraft, DraftIssues } from './draft.ts';
import { ROLE_TEXT } from './role-choice.tsx';

const SECTION: Record<
  BrandRole,
  { title: MessageKey; intro: MessageKey; empty: MessageKey; add: MessageKey }
> = {
  own: {
    title: 'optionsBrands',
    intro: 'optionsBrandsIntro',
    empty: 'optionsNoBrands',
    add: 'optionsAddBrand',
  },
  competitor: {
    title: 'optionsCompetitors',
    intro: 'optionsCompetitorsIntro',
    empty: 'optionsNoCompetitors',
    add: 'optionsAddCompetitor',
  },
};

const SET_ASIDE_TEXT: Record<SetAsideReason, MessageKey> = {
  'not-allowed': 'optionsBrandNotAllowed',
  replaced: 'optionsBrandReplaced',
};

export interface BrandSectionProps {
  role: BrandRole;
  /** All cards of the draft; the section shows those of its role. */
  brands: BrandDraft[];
  issues: DraftIssues | null;
  showAllIssues: boolean;
  focusBrand: number | null;
  managed: ManagedState;
  onChange: (brand: BrandDraft) => void;
  onRemove: (key: number) => void;
  onAdd: (role: BrandRole) => void;
}

/** The user's own brands, or their competitors: one card each, and a button to add one. */
export function BrandSection(props: BrandSectionProps) {
  const { role, managed } = props;
  const text = SECTION[role];
  const cards = props.brands.filter((b) => b.role === role);
  const locked = managed.locked.includes('userBrands');
  const headingId = `${role}-brands-heading`;
  return (
    <section class="brand-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(text.title)}</h2>
      <p class="field-hint">{t(text.intro)}</p>
      {locked && <p class="banner banner-managed">{t('optionsUserBrandsLocked')}</p>}
      {cards.length === 0 && !locked && <p class="muted">{t(text.empty)}</p>}
      {cards.map((brand) => {
        const aside = managed.setAside.find((s) => s.id === brand.id && brand.id);
        return (
          <div key={brand.key} class={aside ? 'brand-set-aside' : undefined}>
            {aside && <p class="field-hint">{t(SET_ASIDE_TEXT[aside.reason])}</p>}
            <BrandCard
              brand={brand}
              issues={props.issues?.brands.get(brand.key)}
              showAllIssues={props.showAllIssues}
              focusName={brand.key === props.focusBrand}
              onChange={props.onChange}
              onRemove={() => props.onRemove(brand.key)}
            />
          </div>
        );
      })}
      {!locked && (
        <button type="button" onClick={() => props.onAdd(role)}>
          {t(text.add)}
        </button>
      )}
    </section>
  );
}

/** The brands the company's policy sets: shown, not editable. */
export function ManagedBrands({ brands }: { brands: Brand[] }) {
  if (brands.length === 0) return null;
  return (
    <section class="brand-section managed-brands" aria-labelledby="managed-brands-heading">
      <h2 id="managed-brands-heading">{t('optionsManagedBrands')}</h2>
      <p class="field-hint">{t('optionsManagedBrandsIntro')}</p>
      {brands.map((brand) => (
        <article key={brand.id} class="card brand-card managed" aria-label={brand.name}>
          <h3>
            <span class="swatch" style={{ background: brand.color }} />
            {brand.name} <span class="pill">{t(ROLE_TEXT[brand.role])}</span>{' '}
            <span class="pill managed-pill">{t('optionsSetByCompany')}</span>
          </h3>
          <dl class="managed-fields">
            <dt>{t('optionsTerms')}</dt>
            <dd>{brand.terms.map((term) => term.text).join(', ')}</dd>
            {brand.exclude.length > 0 && (
              <>
                <dt>{t('optionsExclusions')}</dt>
                <dd>{brand.exclude.join(', ')}</dd>
              </>
            )}
            {brand.sites.length > 0 && (
              <>
                <dt>{t('optionsOwnSites')}</dt>
                <dd>{brand.sites.join(', ')}</dd>
              </>
            )}
          </dl>
        </article>
      ))}
    </section>
  );
}
