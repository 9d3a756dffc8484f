import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MentionSort } from '../../../core/log-query.ts';
import type { Mention } from '../../../core/mention.ts';
import { t } from '../../../platform/i18n.ts';
import type { RowSaves, RowSave } from '../edit/row-saves.ts';
import type { RowPages } from '../grid/row-pages.ts';
import { isSelected, selectedCount, type Selection } from '../grid/selection.ts';
import { rowWindow, scrollToShow } from '../grid/virtual-window.ts';
import { COLUMNS, ROW_HEIGHT } from './columns.ts';
import { MentionRow, type MentionPatchFields } from './mention-row.tsx';

export interface GridEvents {
  onSort: (sort: MentionSort) => void;
  /** A click on a row's box; `shift` extends the range from the last click. */
  onPick: (index: number, id: string, shift: boolean) => void;
  onPickAll: () => void;
  /** `before`: the values the user saw before the change, field by field. */
  onEdit: (mention: Mention, patch: MentionPatchFields, before: MentionPatchFields) => void;
  onRetry: (id: string) => void;
}

/**
 * The mentions as an ARIA grid of virtual rows: the body scrolls inside a box
 * of its own, only the rows in view (and a few around) are in the document,
 * each positioned at index × ROW_HEIGHT; `aria-rowcount` and `aria-rowindex`
 * tell assistive technology where they stand in the whole list.
 */
export function MentionGrid(
  props: {
    pages: RowPages<Mention>;
    /** Rows of the query (known once the first page is read). */
    total: number;
    sort: MentionSort;
    selection: Selection;
    saves: RowSaves<MentionPatchFields, Mention>;
    /** Bumped whenever rows arrived or changed: the grid renders again. */
    version: number;
    /** Told once the first rows are painted (the benchmark's mark). */
    onPainted: () => void;
    onFailure: (error: unknown) => void;
  } & GridEvents,
) {
  const { pages, total, selection } = props;
  const body = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const [focusRow, setFocusRow] = useState(0);

  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return;
    const measure = () => setScroll({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const win = rowWindow({
    total,
    rowHeight: ROW_HEIGHT,
    scrollTop: scroll.top,
    viewportHeight: scroll.height,
  });

  useEffect(() => {
    pages.ensure(win.first, win.end).catch(props.onFailure);
  }, [win.first, win.end, props.version]);

  // The first rows painted: the benchmark measures the page by this mark.
  const painted = useRef(false);
  const hasRows = total > 0 && pages.row(win.first) !== undefined;
  useEffect(() => {
    if (hasRows && !painted.current) {
      painted.current = true;
      requestAnimationFrame(() => props.onPainted());
    }
  }, [hasRows]);

  const rows = [];
  for (let index = win.first; index < win.end; index++) {
    const mention = pages.row(index);
    rows.push(
      mention ? (
        <MentionRow
          key={mention.id}
          index={index}
          mention={props.saves.shown(mention)}
          selected={isSelected(selection, mention.id)}
          save={props.saves.state(mention.id)}
          focusable={index === focusRow}
          onPick={props.onPick}
          onEdit={props.onEdit}
          onRetry={props.onRetry}
          onFocusRow={setFocusRow}
        />
      ) : (
        <PlaceholderRow key={`loading-${index}`} index={index} />
      ),
    );
  }

  /** Up and down between rows' boxes, Home and End to the ends of the list. */
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (!target.matches('input[type="checkbox"].row-pick')) return;
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: 10,
      PageUp: -10,
      Home: -total,
      End: total,
    };
    const step = moves[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = Math.min(total - 1, Math.max(0, focusRow + step));
    setFocusRow(next);
    const element = body.current;
    if (element) {
      const top = scrollToShow(next, ROW_HEIGHT, element.scrollTop, element.clientHeight);
      if (top !== undefined) element.scrollTop = top;
    }
    requestAnimationFrame(() =>
      body.current
        ?.querySelector<HTMLInputElement>(`[aria-rowindex="${next + 2}"] input.row-pick`)
        ?.focus(),
    );
  };

  const count = selectedCount(selection);
  const allPicked = selection.mode === 'all' && selection.except.size === 0 && total > 0;
  return (
    <div
      class="mention-grid"
      role="grid"
      aria-label={t('logMentions')}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
    >
      <div
        class="grid-scroll"
        ref={body}
        onScroll={(e) =>
          setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
        }
      >
        <div class="grid-row grid-head" role="row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <div
              key={column.id}
              role="columnheader"
              class={`cell col-${column.id}`}
              aria-sort={
                column.sort === props.sort.key || column.alsoSort?.key === props.sort.key
                  ? props.sort.descending
                    ? 'descending'
                    : 'ascending'
                  : undefined
              }
            >
              {column.id === 'select' ? (
                <input
                  type="checkbox"
                  class="pick-all"
                  aria-label={t('logSelectAllMatching', total)}
                  checked={allPicked}
                  indeterminate={count > 0 && !allPicked}
                  disabled={total === 0}
                  onClick={(e) => {
                    e.preventDefault();
                    props.onPickAll();
                  }}
                />
              ) : column.hiddenHeader ? (
                <span class="visually-hidden">{t(column.header)}</span>
              ) : (
                <>
                  <SortButton column={column.sort} label={t(column.header)} {...props} />
                  {column.alsoSort && (
                    <>
                      {' · '}
                      <SortButton
                        column={column.alsoSort.key}
                        label={t(column.alsoSort.header)}
                        {...props}
                      />
                    </>
                  )}
                </>
              )}
            </div>
          ))}
        </div>
        <div class="grid-body" role="rowgroup" style={{ height: `${win.height}px` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}

function SortButton(props: {
  column: MentionSort['key'] | undefined;
  label: string;
  sort: MentionSort;
  onSort: (sort: MentionSort) => void;
}) {
  const { column, sort } = props;
  if (!column) return <span>{props.label}</span>;
  const active = sort.key === column;
  // A first click sorts dates newest first and text A to Z; a second click turns it round.
  const firstDescending = column === 'date' || column === 'updated';
  const next: MentionSort = active
    ? { key: column, descending: !sort.descending }
    : { key: column, descending: firstDescending };
  return (
    <button
      type="button"
      class={`sort${active ? ' active' : ''}`}
      onClick={() => props.onSort(next)}
    >
      {props.label}
      <span aria-hidden="true" class="sort-mark">
        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </span>
    </button>
  );
}

function PlaceholderRow({ index }: { index: number }) {
  return (
    <div
      class="grid-row placeholder"
      role="row"
      aria-rowindex={index + 2}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
    >
      <div role="gridcell" class="cell loading" aria-colspan={COLUMNS.length}>
        <span class="muted">{t('loading')}</span>
      </div>
    </div>
  );
}

export type { RowSave };
