/**
 * The workspace's whole view in its address: the filter and sort (the codec
 * of core/log-query) plus what only this page knows, the tab and the
 * grouping of sightings: `log.html?view=sightings&group=site&brand=ACME`.
 */
import {
  DEFAULT_MENTION_SORT,
  DEFAULT_SIGHTING_SORT,
  logAddressParams,
  readLogAddress,
  type LogFilter,
  type MentionSort,
  type SightingSort,
} from '../../core/log-query.ts';

export const TABS = ['mentions', 'sightings', 'overview'] as const;
export type Tab = (typeof TABS)[number];

export interface WorkspaceView {
  tab: Tab;
  filter: LogFilter;
  mentionSort: MentionSort;
  sightingSort: SightingSort;
  /** Sightings grouped by site. */
  bySite: boolean;
}

export function readView(search: string): WorkspaceView {
  const params = new URLSearchParams(search);
  const { filter, mentionSort, sightingSort } = readLogAddress(params);
  const tab = TABS.find((t) => t === params.get('view')) ?? 'mentions';
  return { tab, filter, mentionSort, sightingSort, bySite: params.get('group') === 'site' };
}

/**
 * `?…` for the view (empty for the default view). The sort written is the
 * one of the list on screen; the overview keeps the mentions' sort, which
 * the report opened from it uses for its table.
 */
export function viewAddress(view: WorkspaceView): string {
  const sightings = view.tab === 'sightings';
  const params = sightings
    ? logAddressParams(view.filter, view.sightingSort, DEFAULT_SIGHTING_SORT)
    : logAddressParams(view.filter, view.mentionSort, DEFAULT_MENTION_SORT);
  const own = new URLSearchParams();
  if (view.tab !== 'mentions') own.set('view', view.tab);
  if (sightings && view.bySite) own.set('group', 'site');
  const text = [own.toString(), params.toString()].filter(Boolean).join('&');
  return text ? `?${text}` : '';
}

/** The report's address for the same filter (report.html reads it with readLogAddress). */
export function reportAddress(view: WorkspaceView): string {
  const params = logAddressParams(view.filter, view.mentionSort, DEFAULT_MENTION_SORT).toString();
  return `report.html${params ? `?${params}` : ''}`;
}
