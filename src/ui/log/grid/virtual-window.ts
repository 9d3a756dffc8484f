/**
 * Which rows of a long list to put in the DOM: the ones in the viewport and a
 * few either side, all of one height, so the list can be 100,000 rows tall
 * while the document holds some forty.
 */

export interface WindowInput {
  /** Rows in the whole list. */
  total: number;
  rowHeight: number;
  /** The scroll offset of the list's body (pixels above the viewport). */
  scrollTop: number;
  /** Height of the visible part of the body. */
  viewportHeight: number;
  /** Rows kept beyond each edge, so a fast scroll does not show blanks. */
  overscan?: number;
}

export interface RowWindow {
  /** Index of the first row rendered (inclusive). */
  first: number;
  /** Index after the last row rendered (exclusive). */
  end: number;
  /** Height of the whole list, for the spacer that gives the scroll bar its size. */
  height: number;
}

export function rowWindow(input: WindowInput): RowWindow {
  const { total, rowHeight } = input;
  const overscan = input.overscan ?? 8;
  const height = total * rowHeight;
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0, height: 0 };
  const top = Math.min(Math.max(0, input.scrollTop), Math.max(0, height - input.viewportHeight));
  const firstVisible = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(input.viewportHeight, rowHeight) / rowHeight) + 1;
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(total, firstVisible + visible + overscan);
  return { first, end, height };
}

/**
 * The scroll offset that brings row `index` into view, or undefined when it
 * already is (keyboard focus moving down a row must not jump the list).
 */
export function scrollToShow(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number | undefined {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return undefined;
}
