import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTags, SENTIMENTS, type Mention, type Sentiment } from '../../core/mention.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';
import { sentimentLabel } from '../components/sentiment-picker.tsx';
import { formatDate, t } from '../../platform/i18n.ts';
import { PageCell } from './page-cell.tsx';
import { useShowMore } from './show-more.tsx';

export interface MentionEvents {
  onSaved: (mention: Mention) => void;
  onDeleted: (id: string) => void;
  onError: (message: string) => void;
}

/** The logged mentions, newest first, each editable in place. */
export function MentionTable(props: { mentions: Mention[] } & MentionEvents) {
  const { visible, more } = useShowMore(props.mentions);
  return (
    <>
      <div class="table-scroll">
        <table class="log-table mentions">
          <thead>
            <tr>
              <th scope="col">{t('logDate')}</th>
              <th scope="col">{t('logPage')}</th>
              <th scope="col">{t('logBrands')}</th>
              <th scope="col">{t('logSentiment')}</th>
              <th scope="col">{t('logTags')}</th>
              <th scope="col">{t('logNote')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('logActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((mention) => (
              <MentionRow key={mention.id} mention={mention} {...props} />
            ))}
          </tbody>
        </table>
      </div>
      {more}
    </>
  );
}

interface Fields {
  sentiment: Sentiment;
  tags: string;
  note: string;
}

const fieldsOf = (m: Mention): Fields => ({
  sentiment: m.sentiment,
  tags: m.tags.join(', '),
  note: m.note,
});
const sameAs = (fields: Fields, m: Mention): boolean =>
  fields.sentiment === m.sentiment &&
  parseTags(fields.tags).join('\n') === m.tags.join('\n') &&
  fields.note.trim() === m.note;

function MentionRow({
  mention,
  onSaved,
  onDeleted,
  onError,
}: { mention: Mention } & MentionEvents) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(mention));
  const [busy, setBusy] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const set = (patch: Partial<Fields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setJustSaved(false);
  };

  // When the mention changes underneath (saved here, or in another window),
  // show the new values unless the user has edits of their own in this row.
  const previous = useRef(mention);
  useEffect(() => {
    if (sameAs(fields, previous.current)) setFields(fieldsOf(mention));
    previous.current = mention;
  }, [mention]);

  const dirty = !sameAs(fields, mention);
  const label = mention.title || mention.url;

  const save = async () => {
    setBusy(true);
    try {
      const updated = await callWorker('mention/update', {
        id: mention.id,
        sentiment: fields.sentiment,
        tags: parseTags(fields.tags),
        note: fields.note.trim(),
      });
      if (updated) {
        onSaved(updated);
        setJustSaved(true);
      } else onError(t('logMentionGone'));
    } catch (e) {
      onError(describeFailure(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('logConfirmDelete', label))) return;
    setBusy(true);
    try {
      await callWorker('mention/delete', { id: mention.id });
      onDeleted(mention.id);
    } catch (e) {
      onError(describeFailure(e));
      setBusy(false);
    }
  };

  return (
    <tr>
      <td class="nowrap">
        <time dateTime={mention.createdAt}>{formatDate(mention.createdAt)}</time>
      </td>
      <td class="page-col">
        <PageCell url={mention.url} title={mention.title} search={mention.search} />
        {mention.snippet && <p class="snippet">{mention.snippet}</p>}
      </td>
      <td>
        {mention.brands.map((brand) => (
          <span key={brand} class="pill brand">
            {brand}
          </span>
        ))}
        {mention.terms.length > 0 && <p class="terms muted">{mention.terms.join(', ')}</p>}
      </td>
      <td>
        <select
          aria-label={t('logSentiment')}
          class={`sentiment-select sentiment-${fields.sentiment}`}
          value={fields.sentiment}
          onChange={(e) => set({ sentiment: e.currentTarget.value as Sentiment })}
        >
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {sentimentLabel(s)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          type="text"
          aria-label={t('logTags')}
          value={fields.tags}
          onInput={(e) => set({ tags: e.currentTarget.value })}
        />
      </td>
      <td>
        <textarea
          aria-label={t('logNote')}
          rows={2}
          value={fields.note}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
      </td>
      <td class="row-actions">
        <button type="button" class="primary" disabled={!dirty || busy} onClick={() => void save()}>
          {t('logSave')}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
          {t('logDelete')}
        </button>
        {justSaved && !dirty && (
          <span class="row-saved" aria-hidden="true" title={t('logRowSaved')}>
            ✓
          </span>
        )}
      </td>
    </tr>
  );
}
