import { useState } from 'preact/hooks';
import { parseTags, SENTIMENTS, type Mention, type Sentiment } from '../../core/mention.ts';
import { mentionOfResult, newMentionId } from '../../core/mention-draft.ts';
import { changedFields } from '../../core/mention-patch.ts';
import type { ConflictField, PageResults } from '../../core/messages.ts';
import { formatDate, t } from '../../platform/i18n.ts';
import { callWorker } from '../../platform/messaging.ts';
import { conflictRows, EditConflict } from '../components/edit-conflict.tsx';
import { describeFailure } from '../components/errors.tsx';
import { sentimentLabel } from '../components/sentiment-picker.tsx';
import { WebLink } from '../components/web-link.tsx';

export type ListedResult = PageResults['results'][number];
export type ResultSearch = Pick<PageResults, 'engine' | 'query' | 'page'>;

export const isAd = (kind: string): boolean => kind === 'ad' || kind === 'competitor-ad';

/**
 * One result of the results page: rank, title, new / seen / rank movement,
 * and logging it in one click, as its badge on the page does; afterwards
 * sentiment, tags and a note, or undo.
 */
export function ResultLine(props: {
  result: ListedResult;
  search: ResultSearch;
  /** A mention of its address was logged before (or from its badge). */
  loggedBefore: boolean;
  onChanged: () => void;
  onError: (e: string) => void;
}) {
  const { result: r } = props;
  const [mention, setMention] = useState<Mention | null>(null);
  // One id for this line: a retried log finds the first one (an undo deletes it; a new log adds it again).
  const [id] = useState(newMentionId);
  const ad = isAd(r.kind);

  const log = async () => {
    try {
      const draft = mentionOfResult(r, props.search, r.names, r.kind === 'competitor-ad');
      setMention(await callWorker('mention/add', { ...draft, id }));
      props.onChanged();
    } catch (e) {
      props.onError(describeFailure(e));
    }
  };

  return (
    <li class={r.kind === 'competitor-ad' ? 'result-line result-ad' : 'result-line'}>
      <div class="result-head">
        <span class="rank">
          {ad ? t('popupAd') : `#${r.rank}`}
          {r.previousRank !== undefined && r.previousRank !== r.rank && !ad && (
            <span class="movement" title={t('popupPreviousRank')}>
              {` (#${r.previousRank} → #${r.rank})`}
            </span>
          )}
        </span>
        <WebLink url={r.url} class="result-title">
          {r.title}
        </WebLink>
        {r.kind === 'competitor-ad' && (
          <span class="pill competitor" title={t('popupCompetitorAd')}>
            {t('popupCompetitorAdShort')}
          </span>
        )}
        {ad ? null : r.sessionOnly ? (
          <span class="pill" title={t('popupSessionOnlyHint')}>
            {r.firstSeen ? t('popupSeenInSession') : t('popupNewInSession')}
          </span>
        ) : r.firstSeen ? (
          <span class="pill seen">{t('popupSeenSince', formatDate(r.firstSeen))}</span>
        ) : (
          <span class="pill new">{t('popupNew')}</span>
        )}
        {mention || props.loggedBefore ? (
          <span class="pill logged">✓ {t('popupResultLogged')}</span>
        ) : (
          <button
            type="button"
            class="log-result"
            aria-label={t('popupLogResult', r.title)}
            onClick={() => void log()}
          >
            {t('resultLog')}
          </button>
        )}
      </div>
      {mention && (
        <ResultEditor
          mention={mention}
          onSaved={setMention}
          onUndone={() => {
            setMention(null);
            props.onChanged();
          }}
          onError={props.onError}
        />
      )}
    </li>
  );
}

/** Sentiment, tags and note of a result just logged; Save says when it saved. */
function ResultEditor(props: {
  mention: Mention;
  onSaved: (mention: Mention) => void;
  onUndone: () => void;
  onError: (e: string) => void;
}) {
  const { mention } = props;
  const [sentiment, setSentiment] = useState<Sentiment>(mention.sentiment);
  const [tags, setTags] = useState(mention.tags.join(', '));
  const [note, setNote] = useState(mention.note);
  const [saved, setSaved] = useState(false);
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setSaved(false);
    };

  // Another tab or window changed a field meanwhile: the stored mention, until the user chooses.
  const [conflict, setConflict] = useState<{ stored: Mention; fields: ConflictField[] } | null>(
    null,
  );

  /** Sends the fields that differ from `base` (the version the form was filled from). */
  const save = async (
    base: Mention,
    values = { sentiment, tags: parseTags(tags), note: note.trim() },
  ) => {
    try {
      const { patch, before } = changedFields(base, values);
      if (Object.keys(patch).length === 0) {
        setConflict(null);
        setSaved(true);
        return;
      }
      const reply = await callWorker('mention/update', { id: mention.id, ...patch, before });
      if (reply.kind === 'gone') return props.onError(t('resultGone'));
      if (reply.kind === 'conflict') {
        setConflict({ stored: reply.stored, fields: reply.fields });
        return;
      }
      setConflict(null);
      // The form shows what is stored now (with tags another tab added), the base of the next save.
      setSentiment(reply.stored.sentiment);
      setTags(reply.stored.tags.join(', '));
      setNote(reply.stored.note);
      props.onSaved(reply.stored);
      setSaved(true);
    } catch (e) {
      props.onError(describeFailure(e));
    }
  };
  /** The stored version of the fields in conflict replaces the user's; the rest of their edit is saved. */
  const keepTheirs = (stored: Mention, fields: readonly ConflictField[]) => {
    const values = { sentiment, tags: parseTags(tags), note: note.trim() };
    for (const field of fields) {
      if (field === 'sentiment') setSentiment((values.sentiment = stored.sentiment));
      if (field === 'note') setNote((values.note = stored.note));
    }
    void save({ ...mention, ...pick(stored, fields) }, values);
  };
  const undo = async () => {
    try {
      await callWorker('mention/delete', { id: mention.id });
      props.onUndone();
    } catch (e) {
      props.onError(describeFailure(e));
    }
  };

  return (
    <div class="result-editor" role="group" aria-label={t('resultEdit')}>
      <select
        aria-label={t('popupSentiment')}
        value={sentiment}
        onChange={(e) => edit(setSentiment)(e.currentTarget.value as Sentiment)}
      >
        {SENTIMENTS.map((value) => (
          <option key={value} value={value}>
            {sentimentLabel(value)}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label={t('popupTags')}
        placeholder={t('popupTags')}
        value={tags}
        onInput={(e) => edit(setTags)(e.currentTarget.value)}
      />
      <input
        type="text"
        aria-label={t('popupNote')}
        placeholder={t('popupNote')}
        value={note}
        onInput={(e) => edit(setNote)(e.currentTarget.value)}
      />
      {conflict && (
        <EditConflict
          alert
          title={mention.title || mention.url}
          rows={conflictRows(conflict.fields, conflict.stored, {
            sentiment,
            tags: parseTags(tags),
            note: note.trim(),
          })}
          onKeepTheirs={() => keepTheirs(conflict.stored, conflict.fields)}
          // The user's version, checked against the one now stored (it could change again).
          onOverwrite={() => void save({ ...mention, ...pick(conflict.stored, conflict.fields) })}
        />
      )}
      <button type="button" onClick={() => void save(mention)}>
        {t('resultSave')}
      </button>
      <span class="saved" role="status">
        {saved ? `✓ ${t('resultSaved')}` : ''}
      </span>
      <button type="button" onClick={() => void undo()}>
        {t('resultUndo')}
      </button>
    </div>
  );
}

/** The stored values of the fields in conflict (what the user's version now replaces). */
function pick(stored: Mention, fields: readonly ConflictField[]): Partial<Mention> {
  const out: Partial<Mention> = {};
  for (const field of fields) {
    if (field === 'sentiment') out.sentiment = stored.sentiment;
    if (field === 'status') out.status = stored.status;
    if (field === 'note') out.note = stored.note;
  }
  return out;
}
