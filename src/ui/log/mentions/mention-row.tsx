import { useEffect, useRef, useState } from 'preact/hooks';
import { siteOf } from '../../../core/log-query.ts';
import {
  MENTION_STATUSES,
  parseTags,
  SENTIMENTS,
  type Mention,
  type MentionStatus,
  type Sentiment,
} from '../../../core/mention.ts';
import { t, uiLanguage } from '../../../platform/i18n.ts';
import type { RowSave } from '../edit/row-saves.ts';
import { engineLabel, sentimentLabel, statusLabel } from '../words.ts';
import { ROW_HEIGHT } from './columns.ts';

/** The fields a row edits in place. */
export interface MentionPatchFields {
  sentiment?: Sentiment;
  status?: MentionStatus;
  tags?: string[];
  note?: string;
}

/** Typing saves after this pause, or at once on Enter or when the field is left. */
const TYPING_PAUSE_MS = 1000;

const dateFormat = () =>
  new Intl.DateTimeFormat(uiLanguage(), { day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = () =>
  new Intl.DateTimeFormat(uiLanguage(), { hour: '2-digit', minute: '2-digit' });

export function MentionRow(props: {
  index: number;
  mention: Mention;
  selected: boolean;
  save: RowSave | undefined;
  /** The row whose box takes Tab (one per grid; arrows move between rows). */
  focusable: boolean;
  onPick: (index: number, id: string, shift: boolean) => void;
  onEdit: (mention: Mention, patch: MentionPatchFields, before: MentionPatchFields) => void;
  onRetry: (id: string) => void;
  onFocusRow: (index: number) => void;
}) {
  const { mention, index } = props;
  const label = mention.title || mention.url;
  const created = new Date(mention.createdAt);
  const edit = (patch: MentionPatchFields, before: MentionPatchFields) =>
    props.onEdit(mention, patch, before);
  return (
    <div
      class={`grid-row${props.selected ? ' selected' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.selected}
      data-id={mention.id}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      onFocusIn={() => props.onFocusRow(index)}
    >
      <div role="gridcell" class="cell col-select">
        <input
          type="checkbox"
          class="row-pick"
          tabIndex={props.focusable ? 0 : -1}
          aria-label={t('logSelectRow', label)}
          checked={props.selected}
          onClick={(e) => {
            e.preventDefault();
            props.onPick(index, mention.id, e.shiftKey);
          }}
        />
      </div>
      <div role="gridcell" class="cell col-date">
        <time dateTime={mention.createdAt} title={created.toLocaleString(uiLanguage())}>
          {Number.isNaN(created.getTime()) ? mention.createdAt : dateFormat().format(created)}
          <span class="muted small">
            {Number.isNaN(created.getTime()) ? '' : timeFormat().format(created)}
          </span>
        </time>
      </div>
      <div role="gridcell" class="cell col-brand">
        {mention.brands.map((brand) => (
          <span key={brand} class="pill brand">
            {brand}
          </span>
        ))}
      </div>
      <div role="gridcell" class="cell col-title">
        <PageLink url={mention.url} label={label} snippet={mention.snippet} />
        <span class="host muted">{siteOf(mention.url)}</span>
      </div>
      <div role="gridcell" class="cell col-sentiment">
        <select
          aria-label={t('logSentimentOf', label)}
          class={`sentiment-select sentiment-${mention.sentiment}`}
          value={mention.sentiment}
          onChange={(e) =>
            edit(
              { sentiment: e.currentTarget.value as Sentiment },
              { sentiment: mention.sentiment },
            )
          }
        >
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {sentimentLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div role="gridcell" class="cell col-tags">
        <TextField
          value={mention.tags.join(', ')}
          label={t('logTagsOf', label)}
          same={(text) => parseTags(text).join('\n') === mention.tags.join('\n')}
          commit={(text, seen) => edit({ tags: parseTags(text) }, { tags: parseTags(seen) })}
        />
      </div>
      <div role="gridcell" class="cell col-status">
        <select
          aria-label={t('logStatusOf', label)}
          class={`status-select status-${mention.status}`}
          value={mention.status}
          onChange={(e) =>
            edit({ status: e.currentTarget.value as MentionStatus }, { status: mention.status })
          }
        >
          {MENTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div role="gridcell" class="cell col-note">
        <TextField
          value={mention.note}
          label={t('logNoteOf', label)}
          same={(text) => text.trim() === mention.note}
          commit={(text, seen) => edit({ note: text.trim() }, { note: seen })}
        />
      </div>
      <div role="gridcell" class="cell col-source">
        <SourceText mention={mention} />
      </div>
      <div role="gridcell" class="cell col-saved">
        <SaveBadge save={props.save} onRetry={() => props.onRetry(mention.id)} />
      </div>
    </div>
  );
}

function PageLink({ url, label, snippet }: { url: string; label: string; snippet: string }) {
  // Only web addresses become links: an imported file could carry anything.
  return /^https?:\/\//i.test(url) ? (
    <a href={url} target="_blank" rel="noreferrer" class="page-link" title={snippet || url}>
      {label}
    </a>
  ) : (
    <span class="page-link" title={snippet || url}>
      {label}
    </span>
  );
}

/** "Google · “acme robodrill” · #3", or "Page" for a mention logged from a page. */
export function SourceText({ mention }: { mention: Pick<Mention, 'search'> }) {
  const search = mention.search;
  if (!search) return <span class="muted">{t('logSourcePage')}</span>;
  return (
    <span class="source" title={`${engineLabel(search.engine)} · “${search.query}”`}>
      <span class="engine">
        {engineLabel(search.engine)}
        {search.rank !== undefined && <span class="rank"> · {t('logRankShort', search.rank)}</span>}
      </span>{' '}
      <span class="query">“{search.query}”</span>
    </span>
  );
}

/**
 * A text field that saves without a button: after a pause in typing, on
 * Enter, when the field is left, and when its row scrolls out of the
 * document. While the user types, a change arriving from elsewhere does not
 * overwrite what they typed. `commit` gets, besides the text, the record's
 * value as the row has it (for the worker's check whether someone else
 * changed it meanwhile).
 */
function TextField(props: {
  value: string;
  label: string;
  same: (text: string) => boolean;
  commit: (text: string, seen: string) => void;
}) {
  const [text, setText] = useState(props.value);
  const latest = useRef({ text, props });
  latest.current = { text, props };
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const typing = useRef(false);
  /**
   * The record's value as the row has it. It follows the row while the user
   * types too: the workspace refreshes no row under the user's hands (only
   * their own saves arrive then), so a change from another tab stays unseen
   * and the worker finds it.
   */
  const seen = useRef(props.value);

  useEffect(() => {
    seen.current = props.value;
    if (!typing.current) setText(props.value);
  }, [props.value]);

  const flush = () => {
    clearTimeout(timer.current);
    typing.current = false;
    const { text: now, props: p } = latest.current;
    if (!p.same(now)) p.commit(now, seen.current);
  };
  // A row scrolled out of the window unmounts: what was typed is saved, not lost.
  useEffect(() => flush, []);

  return (
    <input
      type="text"
      aria-label={props.label}
      value={text}
      onInput={(e) => {
        typing.current = true;
        setText(e.currentTarget.value);
        clearTimeout(timer.current);
        timer.current = setTimeout(flush, TYPING_PAUSE_MS);
      }}
      onChange={flush}
      onKeyDown={(e) => {
        if (e.key === 'Enter') flush();
        if (e.key === 'Escape') {
          clearTimeout(timer.current);
          typing.current = false;
          setText(latest.current.props.value);
        }
      }}
    />
  );
}

function SaveBadge({ save, onRetry }: { save: RowSave | undefined; onRetry: () => void }) {
  if (!save) return null;
  if (save.state === 'saving') return <span class="save-state saving">{t('logSaving')}</span>;
  if (save.state === 'conflict')
    return (
      <span class="save-state conflict" title={t('editConflictAnnounce', save.label)}>
        {t('editConflictBadge')}
      </span>
    );
  if (save.state === 'saved')
    return (
      <span class="save-state saved">
        <span aria-hidden="true">✓ </span>
        {t('logSaved')}
      </span>
    );
  return (
    <span class="save-state failed" title={save.error}>
      {t('logSaveFailed')}{' '}
      <button type="button" class="quiet small" onClick={onRetry}>
        {t('logRetry')}
      </button>
    </span>
  );
}
