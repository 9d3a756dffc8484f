/**
 * Which mentions are selected for a bulk edit: some, picked by click and
 * shift-click, or all that match the filter (minus those clicked off again).
 * Immutable values; each change returns a new selection.
 */

export type Selection =
  | {
      readonly mode: 'some';
      readonly ids: ReadonlySet<string>;
      /** Where the last plain click was, for shift-click: its row index and id. */
      readonly anchor?: { index: number; id: string };
    }
  | {
      /** Every row of the query, as many as `total`, except the ones in `except`. */
      readonly mode: 'all';
      readonly except: ReadonlySet<string>;
      readonly total: number;
    };

export const NO_SELECTION: Selection = { mode: 'some', ids: new Set() };

export function isSelected(selection: Selection, id: string): boolean {
  return selection.mode === 'some' ? selection.ids.has(id) : !selection.except.has(id);
}

export function selectedCount(selection: Selection): number {
  return selection.mode === 'some'
    ? selection.ids.size
    : Math.max(0, selection.total - selection.except.size);
}

/** A click on a row's box: that row in or out, and the anchor moves to it. */
export function toggle(selection: Selection, index: number, id: string): Selection {
  if (selection.mode === 'all') {
    const except = new Set(selection.except);
    if (except.has(id)) except.delete(id);
    else except.add(id);
    return { ...selection, except };
  }
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { mode: 'some', ids, anchor: { index, id } };
}

/**
 * A shift-click: every row from the anchor to this one takes the state the
 * anchor row has (as in file managers). `idsBetween` are the ids of rows
 * [min, max] of the two indexes, in order. Without an anchor it is a click.
 */
export function extendTo(
  selection: Selection,
  index: number,
  id: string,
  idsBetween: readonly string[],
): Selection {
  if (selection.mode === 'all') {
    // In "all" mode the range is taken in or out together with the row clicked.
    const adding = selection.except.has(id);
    const except = new Set(selection.except);
    for (const each of idsBetween) {
      if (adding) except.delete(each);
      else except.add(each);
    }
    return { ...selection, except };
  }
  const anchor = selection.anchor;
  if (!anchor) return toggle(selection, index, id);
  const adding = selection.ids.has(anchor.id);
  const ids = new Set(selection.ids);
  for (const each of idsBetween) {
    if (adding) ids.add(each);
    else ids.delete(each);
  }
  return { mode: 'some', ids, anchor };
}

/** The rows [from, to] of a shift-click, whichever way round. */
export function rangeOf(anchorIndex: number, index: number): { first: number; end: number } {
  return { first: Math.min(anchorIndex, index), end: Math.max(anchorIndex, index) + 1 };
}

export function selectAll(total: number): Selection {
  return { mode: 'all', except: new Set(), total };
}
