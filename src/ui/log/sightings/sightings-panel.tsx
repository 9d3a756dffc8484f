import { useEffect, useRef, useState } from 'preact/hooks';
import {
  siteOf,
  type LogFilter,
  type SightingSort,
  type SightingSortKey,
} from '../../../core/log-query.ts';
import type { Sighting } from '../../../core/mention.ts';
import type { SiteGroup } from '../../../core/messages.ts';
import { formatDate, t, type MessageKey } from '../../../platform/i18n.ts';
import { describeFailure } from '../../components/errors.tsx';
import { SourceText } from '../mentions/mention-row.tsx';
import { useServices } from '../services.ts';
import { useAnnounce } from '../shared/live-region.tsx';
import { usePanelFailure } from '../shared/log-failure.tsx';
import { kindLabel } from '../words.ts';

const PAGE = 100;

type Status = 'idle' | 'loading' | 'failed';

/**
 * Where the names were seen: pages, results and ads, newest first (or by
 * first seen, or by visits), a hundred at a time, or grouped by site. Each
 * sighting can be logged as a mention in one click.
 */
export function SightingsPanel(props: {
  filter: LogFilter;
  sort: SightingSort;
  onSort: (sort: SightingSort) => void;
  bySite: boolean;
  onBySite: (bySite: boolean) => void;
  /** Narrow the filter to one site (from a group's row). */
  onSite: (site: string) => void;
  changes: number;
}) {
  const { ask, mark } = useServices();
  const { filter, sort, bySite } = props;
  const [rows, setRows] = useState<Sighting[]>([]);
  const [groups, setGroups] = useState<SiteGroup[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [error, reportError] = usePanelFailure();
  const generation = useRef(0);

  const load = async (after: string | null, replace: boolean) => {
    const mine = ++generation.current;
    const started = performance.now();
    setStatus('loading');
    try {
      if (bySite) {
        const page = await ask('sightings/sites', { filter, limit: PAGE, after });
        if (mine !== generation.current) return;
        setGroups((old) => (replace ? page.rows : [...old, ...page.rows]));
        setNext(page.next);
      } else {
        const page = await ask('sightings/query', { filter, sort, limit: PAGE, after });
        if (mine !== generation.current) return;
        setRows((old) => (replace ? page.rows : [...old, ...page.rows]));
        setNext(page.next);
        setTotal(page.total);
      }
      if (replace) mark('markenlotse:sightings-answered', { ms: performance.now() - started });
      setStatus('idle');
      reportError(null);
    } catch (e) {
      if (mine !== generation.current) return;
      setStatus('failed');
      reportError(e);
    }
  };

  useEffect(() => {
    void load(null, true);
  }, [JSON.stringify([filter, sort, bySite]), props.changes]);

  return (
    <section class="sightings-panel" aria-labelledby="sightings-heading">
      <div class="panel-head">
        <h2 id="sightings-heading">
          {t('logSightings')} {!bySite && total !== null && <span class="count">{total}</span>}
        </h2>
        <label class="inline-check">
          <input
            type="checkbox"
            checked={bySite}
            onChange={(e) => props.onBySite(e.currentTarget.checked)}
          />
          {t('logGroupBySite')}
        </label>
      </div>
      <p class="field-hint">{t('logSightingsIntro')}</p>
      {error && <p class="banner banner-error">{error}</p>}
      {bySite ? (
        <SiteTable groups={groups} onSite={props.onSite} />
      ) : (
        <SightingTable rows={rows} sort={sort} onSort={props.onSort} />
      )}
      {status === 'idle' && (bySite ? groups : rows).length === 0 && (
        <p class="muted">{t('logNoSightingsMatch')}</p>
      )}
      {status === 'loading' && <p class="muted">{t('loading')}</p>}
      {next !== null && status !== 'loading' && (
        <button type="button" class="show-more" onClick={() => void load(next, false)}>
          {t('logShowMoreSightings', PAGE)}
        </button>
      )}
    </section>
  );
}

const SORTS: { key: SightingSortKey; header: MessageKey }[] = [
  { key: 'firstSeen', header: 'logFirstSeen' },
  { key: 'lastSeen', header: 'logLastSeen' },
  { key: 'visits', header: 'logVisits' },
];

function SortHeader(props: {
  column: SightingSortKey;
  label: string;
  sort: SightingSort;
  onSort: (s: SightingSort) => void;
  num?: boolean;
}) {
  const active = props.sort.key === props.column;
  return (
    <th
      scope="col"
      class={props.num ? 'num' : undefined}
      aria-sort={active ? (props.sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        class={`sort${active ? ' active' : ''}`}
        onClick={() =>
          props.onSort({ key: props.column, descending: active ? !props.sort.descending : true })
        }
      >
        {props.label}
        <span aria-hidden="true" class="sort-mark">
          {active ? (props.sort.descending ? ' ▼' : ' ▲') : ''}
        </span>
      </button>
    </th>
  );
}

function SightingTable(props: {
  rows: Sighting[];
  sort: SightingSort;
  onSort: (s: SightingSort) => void;
}) {
  const header = (key: SightingSortKey) =>
    SORTS.find((s) => s.key === key)?.header ?? 'logLastSeen';
  if (props.rows.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="log-table sightings">
        <thead>
          <tr>
            <th scope="col">{t('logColumnTitle')}</th>
            <th scope="col">{t('logKind')}</th>
            <th scope="col" class="num">
              {t('logHits')}
            </th>
            <SortHeader column="visits" label={t(header('visits'))} num {...props} />
            <th scope="col">{t('logSource')}</th>
            <SortHeader column="firstSeen" label={t(header('firstSeen'))} {...props} />
            <SortHeader column="lastSeen" label={t(header('lastSeen'))} {...props} />
            <th scope="col">
              <span class="visually-hidden">{t('logActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((s) => (
            <SightingRow key={s.key} sighting={s} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SightingRow({ sighting }: { sighting: Sighting }) {
  const services = useServices();
  const announce = useAnnounce();
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  // One id per sighting and page: a second click after a lost reply logs nothing twice.
  const id = useRef<string | null>(null);
  const label = sighting.title || sighting.url;
  const promote = async () => {
    id.current ??= services.newId();
    setState('busy');
    try {
      await services.ask('sighting/promote', { key: sighting.key, id: id.current });
      setState('done');
      announce({ text: t('logPromoted', label), kind: 'ok' });
    } catch (e) {
      setState('idle');
      announce({ text: t('logPromoteFailed', label, describeFailure(e)), kind: 'error' });
    }
  };
  const linkable = /^https?:\/\//i.test(sighting.url);
  return (
    <tr class={`kind-${sighting.kind}`}>
      <td class="page-col">
        {linkable ? (
          <a href={sighting.url} target="_blank" rel="noreferrer" class="page-link">
            {label}
          </a>
        ) : (
          <span class="page-link">{label}</span>
        )}
        <span class="host muted">{siteOf(sighting.url)}</span>
        {sighting.terms.length > 0 && (
          <span class="terms muted">
            {sighting.terms.map((term) => `${term.term} ×${term.count}`).join(', ')}
          </span>
        )}
      </td>
      <td>{kindLabel(sighting.kind)}</td>
      <td class="num">{sighting.hits}</td>
      <td class="num">{sighting.visits}</td>
      <td>
        {sighting.search ? (
          <SourceText mention={sighting} />
        ) : (
          <span class="muted">{t('logSourcePage')}</span>
        )}
      </td>
      <td class="nowrap">
        <time dateTime={sighting.firstSeen}>{formatDate(sighting.firstSeen)}</time>
      </td>
      <td class="nowrap">
        <time dateTime={sighting.lastSeen}>{formatDate(sighting.lastSeen)}</time>
      </td>
      <td class="row-actions">
        {state === 'done' ? (
          <span class="save-state saved">✓ {t('logPromotedShort')}</span>
        ) : (
          <button
            type="button"
            disabled={state === 'busy'}
            aria-label={t('logPromoteRow', label)}
            onClick={() => void promote()}
          >
            {t('logPromote')}
          </button>
        )}
      </td>
    </tr>
  );
}

function SiteTable({ groups, onSite }: { groups: SiteGroup[]; onSite: (site: string) => void }) {
  if (groups.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="log-table sites">
        <thead>
          <tr>
            <th scope="col">{t('logColumnSite')}</th>
            <th scope="col" class="num">
              {t('logSightings')}
            </th>
            <th scope="col" class="num">
              {t('logHits')}
            </th>
            <th scope="col" class="num">
              {t('logVisits')}
            </th>
            <th scope="col">{t('logKind')}</th>
            <th scope="col">{t('logFirstSeen')}</th>
            <th scope="col">{t('logLastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.site}>
              <td>
                <button
                  type="button"
                  class="link-button"
                  title={t('logShowSite', g.site)}
                  onClick={() => onSite(g.site)}
                >
                  {g.site}
                </button>
              </td>
              <td class="num">{g.sightings}</td>
              <td class="num">{g.hits}</td>
              <td class="num">{g.visits}</td>
              <td>
                {Object.entries(g.kinds)
                  .filter(([, n]) => n > 0)
                  .map(([kind, n]) => `${kindLabel(kind as Sighting['kind'])} ${n}`)
                  .join(', ')}
              </td>
              <td class="nowrap">
                <time dateTime={g.firstSeen}>{formatDate(g.firstSeen)}</time>
              </td>
              <td class="nowrap">
                <time dateTime={g.lastSeen}>{formatDate(g.lastSeen)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
