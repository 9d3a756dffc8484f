import { useEffect, useRef, useState } from 'preact/hooks';
import { logToTsv, type CsvDialect } from '../../../core/exchange.ts';
import type { LogFilter, MentionSort } from '../../../core/log-query.ts';
import {
  MENTION_STATUSES,
  parseTags,
  SENTIMENTS,
  type Mention,
  type MentionStatus,
  type Sentiment,
} from '../../../core/mention.ts';
import type { BulkChange } from '../../../core/messages.ts';
import { t } from '../../../platform/i18n.ts';
import { describeFailure } from '../../components/errors.tsx';
import {
  finishUndo,
  NO_UNDO,
  recordBulk,
  startUndo,
  undoable,
  type BulkDone,
  type UndoState,
} from '../edit/undo.ts';
import { exchangeLabels } from '../exchange/labels.ts';
import { selectedCount, type Selection } from '../grid/selection.ts';
import { useServices } from '../services.ts';
import { useAnnounce } from '../shared/live-region.tsx';
import { sentimentLabel, statusLabel } from '../words.ts';
import { bulkTarget, selectedRecords } from './bulk-target.ts';

/** The latest bulk edit and its undo, for the bulk bar and the Undo button. */
export interface BulkUndo {
  state: UndoState;
  record: (done: BulkDone) => void;
  undo: (token: string) => Promise<void>;
}

/** Keeps the undo of the latest bulk edit while the page is open (whatever is selected meanwhile). */
export function useBulkUndo(onUndone: () => void): BulkUndo {
  const { ask } = useServices();
  const announce = useAnnounce();
  const [state, setState] = useState<UndoState>(NO_UNDO);
  const current = useRef(state);
  const set = (next: UndoState) => {
    current.current = next;
    setState(next);
  };
  return {
    state,
    record: (done) => set(recordBulk(current.current, done)),
    undo: async (token) => {
      if (current.current.undoing) return;
      set(startUndo(current.current, token));
      try {
        const { restored } = await ask('mentions/undo', { undo: token });
        set(finishUndo(current.current, true));
        announce({ text: t('logUndone', restored), kind: 'ok' });
        onUndone();
      } catch (e) {
        set(finishUndo(current.current, false));
        announce({ text: describeFailure(e), kind: 'error' });
      }
    },
  };
}

/** What a bulk change is called in "12 mentions: status set to done". */
function describeChange(change: BulkChange): string {
  if (change.delete) return t('logBulkDeleted');
  if (change.sentiment) return t('logBulkSentiment', sentimentLabel(change.sentiment));
  if (change.status) return t('logBulkStatus', statusLabel(change.status));
  if (change.addTags) return t('logBulkTagAdded', change.addTags.join(', '));
  return t('logBulkTagRemoved', (change.removeTags ?? []).join(', '));
}

/** Actions on the selected mentions: sentiment, status, tags, delete, copy; each with one undo. */
export function BulkBar(props: {
  selection: Selection;
  filter: LogFilter;
  sort: MentionSort;
  total: number;
  undo: BulkUndo;
  onDone: () => void;
  onClear: () => void;
}) {
  const services = useServices();
  const { ask } = services;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [tag, setTag] = useState('');
  const count = selectedCount(props.selection);

  const apply = async (change: BulkChange) => {
    setBusy(true);
    try {
      const target = await bulkTarget(ask, props.selection, props.filter, props.sort);
      const result = await ask('mentions/bulk', { target, change });
      const action = describeChange(change);
      props.undo.record({
        token: result.undo ?? undefined,
        count: result.changed,
        action,
        at: services.now(),
      });
      const token = result.undo;
      announce({
        text: t('logBulkDone', result.changed, action),
        kind: 'ok',
        ...(token
          ? { action: { label: t('logUndo'), run: () => void props.undo.undo(token) } }
          : {}),
      });
      props.onDone();
    } catch (e) {
      announce({ text: describeFailure(e), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    setBusy(true);
    try {
      const records: Mention[] = [];
      for await (const chunk of selectedRecords(
        ask,
        props.selection,
        props.filter,
        props.sort,
        props.total,
        async (ids) => (await ask('mentions/get', { ids })).filter((m): m is Mention => m !== null),
      ))
        records.push(...chunk);
      const dialect: CsvDialect = services.language.startsWith('de') ? 'excel-de' : 'standard';
      await services.copyText(
        logToTsv(
          { kind: 'mentions', records },
          {
            dialect,
            labels: exchangeLabels(),
            ...(services.timeZone ? { timeZone: services.timeZone } : {}),
          },
        ),
      );
      announce({ text: t('logCopied', records.length), kind: 'ok' });
    } catch (e) {
      announce({ text: t('logCopyFailed', describeFailure(e)), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const tags = parseTags(tag);
  return (
    <div class="bulk-bar" role="toolbar" aria-label={t('logBulkLabel', count)}>
      <strong class="bulk-count">{t('logSelectedCount', count)}</strong>
      <select
        aria-label={t('logBulkSetSentiment')}
        disabled={busy}
        value=""
        onChange={(e) => {
          const value = e.currentTarget.value as Sentiment | '';
          e.currentTarget.value = '';
          if (value) void apply({ sentiment: value });
        }}
      >
        <option value="">{t('logBulkSetSentiment')}</option>
        {SENTIMENTS.map((s) => (
          <option key={s} value={s}>
            {sentimentLabel(s)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('logBulkSetStatus')}
        disabled={busy}
        value=""
        onChange={(e) => {
          const value = e.currentTarget.value as MentionStatus | '';
          e.currentTarget.value = '';
          if (value) void apply({ status: value });
        }}
      >
        <option value="">{t('logBulkSetStatus')}</option>
        {MENTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <span class="bulk-tags">
        <input
          type="text"
          aria-label={t('logBulkTag')}
          placeholder={t('logBulkTagPlaceholder')}
          value={tag}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button
          type="button"
          disabled={busy || tags.length === 0}
          onClick={() => void apply({ addTags: tags }).then(() => setTag(''))}
        >
          {t('logBulkAddTag')}
        </button>
        <button
          type="button"
          disabled={busy || tags.length === 0}
          onClick={() => void apply({ removeTags: tags }).then(() => setTag(''))}
        >
          {t('logBulkRemoveTag')}
        </button>
      </span>
      <button type="button" disabled={busy} onClick={() => void copy()}>
        {t('logCopyRows')}
      </button>
      <button
        type="button"
        class="danger"
        disabled={busy}
        onClick={() => void apply({ delete: true })}
      >
        {t('logBulkDelete', count)}
      </button>
      <button type="button" class="quiet" onClick={props.onClear}>
        {t('logClearSelection')}
      </button>
    </div>
  );
}

/** "Undo: 12 mentions, status set to done", while the latest bulk edit can still be undone. */
export function UndoButton({ undo }: { undo: BulkUndo }) {
  const { now } = useServices();
  const [, setTick] = useState(0);
  // Looked at again now and then: undo is offered for a while only.
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const latest = undoable(undo.state, now());
  const token = latest?.token;
  if (!latest || !token) return null;
  return (
    <button type="button" class="undo" onClick={() => void undo.undo(token)}>
      {t('logUndoAction', latest.count, latest.action)}
    </button>
  );
}
