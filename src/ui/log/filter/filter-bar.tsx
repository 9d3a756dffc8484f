import { useEffect, useRef, useState } from 'preact/hooks';
import {
  emptyFilter,
  isEmptyFilter,
  type Facet,
  type LogFilter,
  type MentionFacets,
} from '../../../core/log-query.ts';
import { MENTION_STATUSES, SENTIMENTS, SIGHTING_KINDS } from '../../../core/mention.ts';
import { BRAND_ROLES, type BrandRole } from '../../../core/profile.ts';
import { t } from '../../../platform/i18n.ts';
import { engineLabel, kindLabel, roleLabel, sentimentLabel, statusLabel } from '../words.ts';
import { filterChips, withoutChip } from './chips.ts';

/** The search waits this long after the last key before it asks (a query per word, not per letter). */
const TYPING_MS = 150;

interface Option {
  value: string;
  label: string;
}

/**
 * The one filter of the workspace, for mentions and sightings alike: a
 * search field and a choice per field. Every value chosen also shows as a
 * chip that takes it out again (an address can hold several per field).
 */
export function FilterBar(props: {
  filter: LogFilter;
  onChange: (filter: LogFilter) => void;
  facets: MentionFacets | null;
  /** Brand names from the settings, offered even before anything is logged. */
  brands: readonly string[];
  /** Which list is on screen: fields that do not apply to it are left out. */
  records: 'mentions' | 'sightings';
}) {
  const { filter, onChange, facets } = props;
  const mentions = props.records === 'mentions';
  const set = (patch: Partial<LogFilter>) => onChange({ ...filter, ...patch });

  const facetOptions = (list: Facet[] | undefined, label = (v: string) => v): Option[] =>
    (list ?? []).map((f) => ({ value: f.value, label: `${label(f.value)} (${f.count})` }));
  const brandOptions = (): Option[] => {
    const counted = facetOptions(facets?.brands);
    const known = new Set(counted.map((o) => o.value));
    return [
      ...counted,
      ...props.brands.filter((b) => !known.has(b)).map((b) => ({ value: b, label: b })),
    ];
  };

  const chips = filterChips(filter);

  return (
    <div class="filter-bar" role="search" aria-label={t('logFilterLabel')}>
      <SearchField
        value={filter.text}
        placeholder={t(mentions ? 'logSearchPlaceholder' : 'logSearchSightingsPlaceholder')}
        onChange={(text) => set({ text })}
      />
      <div class="filter-fields">
        <Choice
          label={t('logFilterBrand')}
          values={filter.brands}
          options={brandOptions()}
          onChange={(brands) => set({ brands })}
        />
        <label class="filter-choice">
          <span>{t('logFilterRole')}</span>
          <select
            value={filter.role ?? ''}
            onChange={(e) => {
              const role = e.currentTarget.value as BrandRole | '';
              const next = { ...filter };
              if (role) next.role = role;
              else delete next.role;
              onChange(next);
            }}
          >
            <option value="">{t('logFilterAny')}</option>
            {BRAND_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        {mentions ? (
          <>
            <Choice
              label={t('logFilterSentiment')}
              values={filter.sentiments}
              options={SENTIMENTS.map((s) => ({ value: s, label: sentimentLabel(s) }))}
              onChange={(sentiments) => set({ sentiments: sentiments as LogFilter['sentiments'] })}
            />
            <Choice
              label={t('logFilterTag')}
              values={filter.tags}
              options={facetOptions(facets?.tags)}
              onChange={(tags) => set({ tags })}
            />
            <Choice
              label={t('logFilterStatus')}
              values={filter.statuses}
              options={MENTION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
              onChange={(statuses) => set({ statuses: statuses as LogFilter['statuses'] })}
            />
          </>
        ) : (
          <Choice
            label={t('logFilterKind')}
            values={filter.kinds}
            options={SIGHTING_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            onChange={(kinds) => set({ kinds: kinds as LogFilter['kinds'] })}
          />
        )}
        <Typed
          label={t('logFilterSite')}
          values={filter.sites}
          suggestions={facets?.sites ?? []}
          onChange={(sites) => set({ sites })}
        />
        <Choice
          label={t('logFilterEngine')}
          values={filter.engines}
          options={facetOptions(facets?.engines, engineLabel)}
          onChange={(engines) => set({ engines })}
        />
        <Typed
          label={t('logFilterQuery')}
          values={filter.queries}
          suggestions={facets?.queries ?? []}
          onChange={(queries) => set({ queries })}
        />
        <label class="filter-choice filter-date">
          <span>{t('logFilterFrom')}</span>
          <input
            type="date"
            value={filter.from ?? ''}
            max={filter.to}
            onChange={(e) => {
              const next = { ...filter };
              if (e.currentTarget.value) next.from = e.currentTarget.value;
              else delete next.from;
              onChange(next);
            }}
          />
        </label>
        <label class="filter-choice filter-date">
          <span>{t('logFilterTo')}</span>
          <input
            type="date"
            value={filter.to ?? ''}
            min={filter.from}
            onChange={(e) => {
              const next = { ...filter };
              if (e.currentTarget.value) next.to = e.currentTarget.value;
              else delete next.to;
              onChange(next);
            }}
          />
        </label>
        {!isEmptyFilter(filter) && (
          <button type="button" class="quiet clear-filter" onClick={() => onChange(emptyFilter())}>
            {t('logClearFilter')}
          </button>
        )}
      </div>
      {chips.length > 0 && (
        <ul class="filter-chips" aria-label={t('logActiveFilters')}>
          {chips.map((c) => (
            <li key={`${c.field} ${c.value}`}>
              <span>{c.label}</span>
              <button
                type="button"
                class="quiet"
                aria-label={t('logRemoveFilter', c.label)}
                onClick={() => onChange(withoutChip(filter, c))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The search field: answers after a short pause in typing; Escape clears it. */
function SearchField({
  value,
  placeholder,
  onChange,
}: {
  value: string;
  placeholder: string;
  onChange: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    // The address or "Clear filter" changed it.
    if (value.trim() !== text.trim().replace(/\s+/g, ' ')) setText(value);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <label class="filter-search">
      <span>{t('logSearch')}</span>
      <input
        type="search"
        value={text}
        placeholder={placeholder}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => onChange(next), TYPING_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            clearTimeout(timer.current);
            onChange(e.currentTarget.value);
          }
        }}
      />
    </label>
  );
}

const MANY = '\u0000many';

/** One value of a field from a list ("All", or the one chosen; several from the address show as "2 chosen"). */
function Choice(props: {
  label: string;
  values: readonly string[];
  options: Option[];
  onChange: (values: string[]) => void;
}) {
  const { values } = props;
  const current = values.length === 0 ? '' : values.length === 1 ? (values[0] ?? '') : MANY;
  const options = [...props.options];
  for (const v of values)
    if (!options.some((o) => o.value === v)) options.push({ value: v, label: v });
  return (
    <label class="filter-choice">
      <span>{props.label}</span>
      <select
        value={current}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (value !== MANY) props.onChange(value ? [value] : []);
        }}
      >
        <option value="">{t('logFilterAny')}</option>
        {values.length > 1 && <option value={MANY}>{t('logFilterMany', values.length)}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A field typed in, with the values the log holds as suggestions (sites, search words). */
function Typed(props: {
  label: string;
  values: readonly string[];
  suggestions: readonly Facet[];
  onChange: (values: string[]) => void;
}) {
  const id = `suggest-${props.label.replace(/\W+/g, '-')}`;
  const [text, setText] = useState(props.values.length === 1 ? (props.values[0] ?? '') : '');
  useEffect(
    () => setText(props.values.length === 1 ? (props.values[0] ?? '') : ''),
    [props.values.join('\n')],
  );
  return (
    <label class="filter-choice">
      <span>{props.label}</span>
      <input
        type="text"
        list={id}
        value={text}
        placeholder={
          props.values.length > 1 ? t('logFilterMany', props.values.length) : t('logFilterAny')
        }
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => {
          const value = e.currentTarget.value.trim();
          props.onChange(value ? [value] : []);
        }}
      />
      <datalist id={id}>
        {props.suggestions.map((s) => (
          <option key={s.value} value={s.value} />
        ))}
      </datalist>
    </label>
  );
}
