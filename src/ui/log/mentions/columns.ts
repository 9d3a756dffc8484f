/** The mentions table's columns: what each shows, its header, and how it sorts. */
import type { MentionSortKey } from '../../../core/log-query.ts';
import type { MessageKey } from '../../../platform/i18n.ts';

export interface Column {
  id: string;
  header: MessageKey;
  /** The sort a click on the header chooses; none for the selection and save columns. */
  sort?: MentionSortKey;
  /** A second order in the same header (the title column also sorts by site). */
  alsoSort?: { key: MentionSortKey; header: MessageKey };
  /** The header is for screen readers only (the box and the save state). */
  hiddenHeader?: boolean;
}

export const COLUMNS: readonly Column[] = [
  { id: 'select', header: 'logSelectColumn', hiddenHeader: true },
  { id: 'date', header: 'logDate', sort: 'date' },
  { id: 'brand', header: 'logBrand', sort: 'brand' },
  {
    id: 'title',
    header: 'logColumnTitle',
    sort: 'title',
    alsoSort: { key: 'site', header: 'logColumnSite' },
  },
  { id: 'sentiment', header: 'logSentiment', sort: 'sentiment' },
  { id: 'tags', header: 'logTags', sort: 'tags' },
  { id: 'status', header: 'logStatus', sort: 'status' },
  { id: 'note', header: 'logNote', sort: 'note' },
  { id: 'source', header: 'logSource', sort: 'source' },
  { id: 'saved', header: 'logSaveColumn', hiddenHeader: true },
];

/** Pixels per row: every row is as tall as this, which is what lets the list be virtual. */
export const ROW_HEIGHT = 52;
