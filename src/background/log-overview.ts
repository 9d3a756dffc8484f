/** The overview's charts, counted in the worker so that the reply is small whatever the log's size. */
import { dayStart, mentionPredicate, type LogFilter } from '../core/log-query.ts';
import { mentionsPerWeek, ownRanks, shareOfVoice, topMentionSites } from '../core/log-overview.ts';
import type { LogOverview } from '../core/messages.ts';
import { queryKey } from '../core/log-query.ts';
import { db } from './log-db.ts';
import { mentionIndex } from './log-index.ts';
import { brandRoles } from './log-roles.ts';

export async function overview(filter: LogFilter): Promise<LogOverview> {
  const roles = await brandRoles();
  const index = await mentionIndex();
  const passes = mentionPredicate(filter, roles);
  const mentions = [...index.entries.values()].filter(passes);

  const low = filter.from ? new Date(dayStart(filter.from)).toISOString() : '';
  const high = filter.to ? new Date(dayStart(filter.to, 1)).toISOString() : '\uffff';
  const database = await db();
  const tx = database.transaction(['visits', 'sites']);
  const range = filter.from || filter.to ? IDBKeyRange.bound(low, high, false, true) : null;
  const engines = new Set(filter.engines);
  const queries = new Set(filter.queries.map(queryKey));
  const visits = (await tx.objectStore('visits').index('time').getAll(range)).filter(
    (v) => (!engines.size || engines.has(v.engine)) && (!queries.size || queries.has(v.queryKey)),
  );
  const sites = topMentionSites(mentions);
  const totals = await Promise.all(sites.map((s) => tx.objectStore('sites').get(s.site)));
  await tx.done;
  return {
    mentionsPerWeek: mentionsPerWeek(mentions),
    shareOfVoice: shareOfVoice(visits, roles),
    ranks: ownRanks(visits, roles),
    topSites: sites.map((s, i) => ({
      ...s,
      sightings: totals[i]?.sightings ?? 0,
      hits: totals[i]?.hits ?? 0,
    })),
  };
}
