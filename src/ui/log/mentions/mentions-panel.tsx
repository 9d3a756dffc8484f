import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LogFilter, MentionSort } from '../../../core/log-query.ts';
import type { Mention } from '../../../core/mention.ts';
import { t } from '../../../platform/i18n.ts';
import { conflictRows, EditConflict } from '../../components/edit-conflict.tsx';
import { describeFailure } from '../../components/errors.tsx';
import { RowSaves } from '../edit/row-saves.ts';
import { RowPages } from '../grid/row-pages.ts';
import {
  extendTo,
  NO_SELECTION,
  rangeOf,
  selectAll,
  selectedCount,
  toggle,
  type Selection,
} from '../grid/selection.ts';
import { useServices } from '../services.ts';
import { useAnnounce } from '../shared/live-region.tsx';
import { usePanelFailure } from '../shared/log-failure.tsx';
import { BulkBar, UndoButton, useBulkUndo } from './bulk-bar.tsx';
import { MentionGrid } from './mention-grid.tsx';
import type { MentionPatchFields } from './mention-row.tsx';

const PAGE_SIZE = 100;

export interface MentionCounts {
  /** Mentions that pass the filter. */
  total: number;
  /** Mentions in the log. */
  all: number;
}

/** The mentions tab: the grid, its selection and the bulk actions on it. */
export function MentionsPanel(props: {
  filter: LogFilter;
  sort: MentionSort;
  onSort: (sort: MentionSort) => void;
  selection: Selection;
  onSelection: (selection: Selection) => void;
  /** Bumped when the log changed elsewhere: the rows are read again. */
  changes: number;
  counts: MentionCounts | null;
  onCounts: (counts: MentionCounts) => void;
}) {
  const { ask, mark } = useServices();
  const announce = useAnnounce();
  const { filter, sort, selection } = props;
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((n) => n + 1);
  const [failure, reportFailure] = usePanelFailure();
  const queryStarted = useRef(0);
  const live = useRef(props);
  live.current = props;

  const reader = (f: LogFilter, s: MentionSort) => async (offset: number, limit: number) => {
    const page = await ask('mentions/query', { filter: f, sort: s, offset, limit });
    if (queryStarted.current) {
      mark('markenlotse:query-answered', { ms: performance.now() - queryStarted.current });
      queryStarted.current = 0;
    }
    live.current.onCounts({ total: page.total, all: page.all });
    reportFailure(null);
    return { total: page.total, rows: page.rows };
  };
  const pages = useMemo(() => new RowPages<Mention>(reader(filter, sort), PAGE_SIZE, 10, bump), []);

  const saves = useMemo(
    () =>
      new RowSaves<MentionPatchFields, Mention>(
        (id, patch, before) => ask('mention/update', { id, ...patch, before }),
        {
          saved: (stored) => {
            const found = pages.find((m) => m.id === stored.id);
            if (found) pages.replace(found.index, stored);
            bump();
          },
          gone: () => bump(),
          changed: () => bump(),
          describe: describeFailure,
          goneText: t('logMentionGone'),
        },
      ),
    [],
  );

  // The live region says what the last save did.
  useEffect(() => {
    const last = saves.last;
    if (!last) return;
    const { save, id } = last;
    if (save.state === 'saving') announce({ text: t('logSavingRow', save.label) });
    else if (save.state === 'saved') announce({ text: t('logSavedRow', save.label), kind: 'ok' });
    else if (save.state === 'conflict')
      announce({ text: t('editConflictAnnounce', save.label), kind: 'error' });
    else
      announce({
        text: t('logSaveFailedRow', save.label, save.error ?? ''),
        kind: 'error',
        action: { label: t('logRetry'), run: () => saves.retry(id) },
      });
  }, [saves.last]);

  // Leaving the page with an edit not yet saved: the browser asks first.
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (saves.busy) event.preventDefault();
    };
    addEventListener('beforeunload', onLeave);
    return () => removeEventListener('beforeunload', onLeave);
  }, []);

  /**
   * Asks the query again: another filter or sort (`keepRows` false: the list
   * starts blank), or the same after a change. The first page is read here,
   * not only by the grid, which is not there while nothing matches.
   */
  const requery = (keepRows: boolean) => {
    pages.reset(reader(live.current.filter, live.current.sort), { keepRows });
    bump();
    pages.ensure(0, 1).catch(reportFailure);
  };

  const filterKey = JSON.stringify([filter, sort]);
  const firstQuery = useRef(true);
  useEffect(() => {
    if (firstQuery.current) {
      firstQuery.current = false;
      bump();
      return;
    }
    queryStarted.current = performance.now();
    props.onSelection(NO_SELECTION);
    requery(false);
  }, [filterKey]);

  // A change elsewhere reads the rows again, but not under the user's hands:
  // while a control of the grid has focus, rows could move away from it.
  const box = useRef<HTMLDivElement>(null);
  const pendingRefresh = useRef(false);
  const refresh = () => {
    pendingRefresh.current = false;
    requery(true);
  };
  useEffect(() => {
    if (props.changes === 0) return;
    if (box.current?.contains(document.activeElement)) pendingRefresh.current = true;
    else refresh();
  }, [props.changes]);
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (pendingRefresh.current && !(next && box.current?.contains(next))) refresh();
  };

  const total = props.counts?.total ?? 0;

  const pick = async (index: number, id: string, shift: boolean) => {
    const anchor = selection.mode === 'some' ? selection.anchor : undefined;
    if (!shift || (selection.mode === 'some' && !anchor)) {
      props.onSelection(toggle(selection, index, id));
      return;
    }
    const from = anchor?.index ?? index;
    const { first, end } = rangeOf(from, index);
    try {
      const rows = await pages.rows(first, end);
      const ids =
        rows.length === end - first
          ? rows.map((m) => m.id)
          : await ask('mentions/ids', { filter, sort, offset: first, limit: end - first });
      props.onSelection(extendTo(live.current.selection, index, id, ids));
    } catch (e) {
      announce({ text: describeFailure(e), kind: 'error' });
    }
  };

  const pickAll = () => {
    const all = selection.mode === 'all' && selection.except.size === 0;
    props.onSelection(all || total === 0 ? NO_SELECTION : selectAll(total));
  };

  const afterBulk = () => {
    props.onSelection(NO_SELECTION);
    requery(true);
  };
  const undo = useBulkUndo(afterBulk);

  return (
    <div class="mentions-panel" ref={box} onFocusOut={onFocusOut}>
      <UndoButton undo={undo} />
      {selectedCount(selection) > 0 && (
        <BulkBar
          undo={undo}
          selection={selection}
          filter={filter}
          sort={sort}
          total={total}
          onDone={afterBulk}
          onClear={() => props.onSelection(NO_SELECTION)}
        />
      )}
      {failure && <p class="banner banner-error">{failure}</p>}
      {saves.conflictList().map((conflict) => (
        <EditConflict
          key={conflict.id}
          title={conflict.label}
          rows={conflictRows(conflict.fields, conflict.stored, conflict.mine)}
          onKeepTheirs={() => saves.keepTheirs(conflict.id)}
          onOverwrite={() => saves.overwrite(conflict.id)}
        />
      ))}
      {props.counts?.all === 0 ? (
        <p class="muted empty-log">{t('logNoMentions')}</p>
      ) : props.counts && total === 0 ? (
        <p class="muted">{t('logNoMatches')}</p>
      ) : (
        <MentionGrid
          pages={pages}
          total={total}
          sort={sort}
          selection={selection}
          saves={saves}
          version={version}
          onPainted={() => mark('markenlotse:first-rows')}
          onSort={props.onSort}
          onPick={(index, id, shift) => void pick(index, id, shift)}
          onPickAll={pickAll}
          onEdit={(mention, patch, before) =>
            saves.edit(mention, patch, before, mention.title || mention.url)
          }
          onRetry={(id) => saves.retry(id)}
          onFailure={reportFailure}
        />
      )}
    </div>
  );
}
