/** What the report shows, read from the worker for one filter: the charts, the summary figures, the rows. */
import type { LogFilter, MentionSort } from '../../core/log-query.ts';
import { MENTION_STATUSES, type Mention, type MentionStatus } from '../../core/mention.ts';
import { overviewModel, overviewTotals, type OverviewModel } from '../charts/overview-model.ts';
import type { Ask } from '../log/services.ts';

/** Rows the printed table holds at most (some 20 A4 pages); the summary counts them all. */
export const REPORT_ROWS = 500;

export interface ReportData {
  model: OverviewModel;
  totals: ReturnType<typeof overviewTotals>;
  /** Mentions that pass the filter, and per status. */
  total: number;
  byStatus: Record<MentionStatus, number>;
  /** The first and the last mention of the filter (the period when the filter names none). */
  first: string | undefined;
  last: string | undefined;
  rows: Mention[];
}

export async function reportData(
  ask: Ask,
  filter: LogFilter,
  sort: MentionSort,
  engineName: (id: string) => string,
): Promise<ReportData> {
  const count = async (statuses: MentionStatus[]) =>
    (await ask('mentions/query', { filter: { ...filter, statuses }, sort, offset: 0, limit: 1 }))
      .total;
  const [overview, oldest, newest, ...statusCounts] = await Promise.all([
    ask('log/overview', { filter }),
    ask('mentions/query', {
      filter,
      sort: { key: 'date', descending: false },
      offset: 0,
      limit: 1,
    }),
    ask('mentions/query', { filter, sort: { key: 'date', descending: true }, offset: 0, limit: 1 }),
    ...MENTION_STATUSES.map((s) =>
      filter.statuses.length > 0 && !filter.statuses.includes(s) ? Promise.resolve(0) : count([s]),
    ),
  ]);
  const rows: Mention[] = [];
  while (rows.length < Math.min(REPORT_ROWS, newest.total)) {
    const page = await ask('mentions/query', { filter, sort, offset: rows.length, limit: 100 });
    if (page.rows.length === 0) break;
    rows.push(...page.rows.slice(0, REPORT_ROWS - rows.length));
  }
  const model = overviewModel(overview, { engineName });
  return {
    model,
    totals: overviewTotals(model),
    total: newest.total,
    byStatus: Object.fromEntries(
      MENTION_STATUSES.map((s, i) => [s, statusCounts[i] ?? 0]),
    ) as Record<MentionStatus, number>,
    first: oldest.rows[0]?.createdAt,
    last: newest.rows[0]?.createdAt,
    rows,
  };
}
