import { useEffect, useState } from 'preact/hooks';
import type { Mention } from '../../../core/mention.ts';
import type { MentionDifference, MergeChoice, MergeChoices } from '../../../core/messages.ts';
import { formatDate, t, type MessageKey } from '../../../platform/i18n.ts';
import { describeFailure } from '../../components/errors.tsx';
import { useServices } from '../services.ts';
import { sentimentLabel, statusLabel } from '../words.ts';
import { differingFields, type DifferingField } from './differences.ts';

const PAGE = 20;

const CHOICES: { value: MergeChoice; label: MessageKey }[] = [
  { value: 'mine', label: 'logKeepMine' },
  { value: 'theirs', label: 'logTakeTheirs' },
  { value: 'both', label: 'logKeepBoth' },
];

const FIELD_LABEL: Record<DifferingField, MessageKey> = {
  sentiment: 'logSentiment',
  status: 'logStatus',
  tags: 'logTags',
  note: 'logNote',
  title: 'logColumnTitle',
  url: 'logAddress',
  snippet: 'logSnippet',
  brands: 'logBrand',
  terms: 'logTerms',
  search: 'logSource',
  createdAt: 'logDate',
};

/** How a field reads in the comparison. */
function shown(field: DifferingField, m: Mention): string {
  switch (field) {
    case 'sentiment':
      return sentimentLabel(m.sentiment);
    case 'status':
      return statusLabel(m.status);
    case 'tags':
      return m.tags.join(', ');
    case 'brands':
      return m.brands.join(', ');
    case 'terms':
      return m.terms.join(', ');
    case 'search':
      return m.search ? `${m.search.query}${m.search.rank ? ` #${m.search.rank}` : ''}` : '–';
    case 'createdAt':
      return formatDate(m.createdAt);
    default:
      return m[field] || '–';
  }
}

/** Mentions stored under the same id with other content: keep mine, take theirs or keep both, for all or for each. */
export function ImportDifferences(props: {
  importId: string;
  total: number;
  choices: MergeChoices;
  onChoices: (choices: MergeChoices) => void;
}) {
  const { ask } = useServices();
  const [rows, setRows] = useState<MentionDifference[]>([]);
  const [error, setError] = useState<string | null>(null);
  const more = (offset: number) =>
    ask('import/differences', { importId: props.importId, offset, limit: PAGE }).then(
      (page) => setRows((old) => [...old.slice(0, offset), ...page.rows]),
      (e: unknown) => setError(describeFailure(e)),
    );
  useEffect(() => void more(0), [props.importId]);

  const { choices } = props;
  const choiceOf = (d: MentionDifference): MergeChoice =>
    choices.each?.[d.id] ?? choices.all ?? d.suggested;
  return (
    <div class="import-differences">
      <fieldset class="choice-for-all">
        <legend>{t('logChooseForAll', props.total)}</legend>
        <label class="inline-check">
          <input
            type="radio"
            name="choice-all"
            checked={choices.all === undefined && !choices.each}
            onChange={() => props.onChoices({})}
          />
          {t('logKeepNewer')}
        </label>
        {CHOICES.map((c) => (
          <label key={c.value} class="inline-check">
            <input
              type="radio"
              name="choice-all"
              value={c.value}
              checked={choices.all === c.value && !choices.each}
              onChange={() => props.onChoices({ all: c.value })}
            />
            {t(c.label)}
          </label>
        ))}
      </fieldset>
      {error && <p class="banner banner-error">{error}</p>}
      <ul class="difference-list">
        {rows.map((d) => (
          <li key={d.id} class="difference">
            <p class="difference-title">
              <strong>{d.theirs.title || d.theirs.url}</strong>
            </p>
            <table class="difference-fields">
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">{t('logField')}</span>
                  </th>
                  <th scope="col">{t('logMine', formatDate(d.mine.updatedAt))}</th>
                  <th scope="col">{t('logTheirs', formatDate(d.theirs.updatedAt))}</th>
                </tr>
              </thead>
              <tbody>
                {differingFields(d.mine, d.theirs).map((field) => (
                  <tr key={field}>
                    <th scope="row">{t(FIELD_LABEL[field])}</th>
                    <td>{shown(field, d.mine)}</td>
                    <td>{shown(field, d.theirs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div
              class="difference-choice"
              role="radiogroup"
              aria-label={t('logChooseFor', d.theirs.title || d.theirs.url)}
            >
              {CHOICES.map((c) => (
                <label key={c.value} class="inline-check">
                  <input
                    type="radio"
                    name={`choice-${d.id}`}
                    value={c.value}
                    checked={choiceOf(d) === c.value}
                    onChange={() =>
                      props.onChoices({
                        ...choices,
                        each: { ...(choices.each ?? {}), [d.id]: c.value },
                      })
                    }
                  />
                  {t(c.label)}
                </label>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {rows.length < props.total && (
        <button type="button" class="show-more" onClick={() => void more(rows.length)}>
          {t(
            'logShowMoreDifferences',
            Math.min(PAGE, props.total - rows.length),
            props.total - rows.length,
          )}
        </button>
      )}
    </div>
  );
}
