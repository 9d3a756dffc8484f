import { useEffect, useState } from 'preact/hooks';
import type { LogFilter, MentionFacets } from '../../core/log-query.ts';
import type { LogStatus } from '../../core/messages.ts';
import { t } from '../../platform/i18n.ts';
import { describeFailure } from '../components/errors.tsx';
import { readView, reportAddress, viewAddress, type Tab, type WorkspaceView } from './address.ts';
import { BackupReminder } from './backup-reminder.tsx';
import { ExportTools } from './exchange/export-tools.tsx';
import { ImportPanel } from './exchange/import-panel.tsx';
import { FilterBar } from './filter/filter-bar.tsx';
import { NO_SELECTION, type Selection } from './grid/selection.ts';
import { MentionsPanel, type MentionCounts } from './mentions/mentions-panel.tsx';
import { OverviewPanel } from './overview/overview-panel.tsx';
import { useServices } from './services.ts';
import { LiveRegion, LiveStatus } from './shared/live-region.tsx';
import { LogLossNotice } from './log-loss.tsx';
import { LogFailureProvider } from './shared/log-failure.tsx';
import { SightingsPanel } from './sightings/sightings-panel.tsx';

const TAB_LABELS: Record<Tab, 'logMentions' | 'logSightings' | 'logOverview'> = {
  mentions: 'logMentions',
  sightings: 'logSightings',
  overview: 'logOverview',
};

/**
 * The workspace (log.html): mentions to work through, sightings, the
 * overview's charts; one filter for all three, kept in the address.
 */
export function Workspace() {
  const services = useServices();
  const { ask } = services;
  const [view, setView] = useState<WorkspaceView>(() => readView(services.readAddress()));
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [counts, setCounts] = useState<MentionCounts | null>(null);
  const [facets, setFacets] = useState<MentionFacets | null>(null);
  const [brands, setBrands] = useState<string[]>([]);
  const [status, setStatus] = useState<LogStatus | null>(null);
  const [changes, setChanges] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => services.writeAddress(viewAddress(view)), [view]);

  const loadMeta = () => {
    ask('mentions/facets', null).then(setFacets, () => {});
    ask('log/status', null).then(
      (s) => {
        setStatus(s);
        // The log opens again (an upgrade that waited went through): the banner goes.
        setError(null);
      },
      (e: unknown) => setError(describeFailure(e)),
    );
  };
  useEffect(() => {
    loadMeta();
    ask('settings/get', null).then(
      (s) => setBrands(s.settings.brands.map((b) => b.name)),
      () => {},
    );
    // Records changed (another tab, the popup, a result badge): lists are asked again.
    return services.listen((notice) => {
      if (notice.type !== 'changed') return;
      setChanges((n) => n + 1);
      loadMeta();
    });
  }, []);

  const update = (patch: Partial<WorkspaceView>) => setView((v) => ({ ...v, ...patch }));
  const setFilter = (filter: LogFilter) => update({ filter });
  const afterImport = () => {
    setChanges((n) => n + 1);
    loadMeta();
  };

  return (
    <LiveRegion>
      <main class="page workspace">
        <header class="page-header">
          <img src="icons/icon-32.png" alt="" width={24} height={24} />
          <h1>{t('logTitle')}</h1>
          <nav>
            <a href="options.html">{t('openOptions')}</a>
          </nav>
        </header>
        {error && (
          <p class="banner banner-error" role="alert">
            {error}
          </p>
        )}
        {status && <LogLossNotice status={status} onStatus={setStatus} />}
        {status && <BackupReminder status={status} onStatus={setStatus} />}
        <div class="workspace-tools">
          <ExportTools
            filter={view.filter}
            sort={view.mentionSort}
            selection={selection}
            total={counts?.total ?? 0}
            reportPath={reportAddress(view)}
            onBackedUp={setStatus}
          />
          <ImportPanel onImported={afterImport} />
        </div>
        <FilterBar
          filter={view.filter}
          onChange={setFilter}
          facets={facets}
          brands={brands}
          records={view.tab === 'sightings' ? 'sightings' : 'mentions'}
        />
        <div class="tabs" role="tablist" aria-label={t('logViews')}>
          {(Object.keys(TAB_LABELS) as Tab[]).map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              aria-controls={`panel-${tab}`}
              aria-selected={view.tab === tab}
              tabIndex={view.tab === tab ? 0 : -1}
              class={view.tab === tab ? 'active' : undefined}
              onClick={() => update({ tab })}
              onKeyDown={(e) => {
                const tabs = Object.keys(TAB_LABELS) as Tab[];
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length] ?? tab;
                update({ tab: next });
                requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
              }}
            >
              {t(TAB_LABELS[tab])}
              {tab === 'mentions' && counts && (
                <span class="count">
                  {counts.total === counts.all
                    ? counts.all
                    : t('logCountOf', counts.total, counts.all)}
                </span>
              )}
              {tab === 'sightings' && status && <span class="count">{status.sightings}</span>}
            </button>
          ))}
        </div>
        <LiveStatus />
        <LogFailureProvider onLogFailure={(e) => setError(describeFailure(e))}>
          <div
            role="tabpanel"
            id={`panel-${view.tab}`}
            aria-labelledby={`tab-${view.tab}`}
            class="tab-panel"
          >
            {view.tab === 'mentions' && (
              <MentionsPanel
                filter={view.filter}
                sort={view.mentionSort}
                onSort={(mentionSort) => update({ mentionSort })}
                selection={selection}
                onSelection={setSelection}
                changes={changes}
                counts={counts}
                onCounts={setCounts}
              />
            )}
            {view.tab === 'sightings' && (
              <SightingsPanel
                filter={view.filter}
                sort={view.sightingSort}
                onSort={(sightingSort) => update({ sightingSort })}
                bySite={view.bySite}
                onBySite={(bySite) => update({ bySite })}
                onSite={(site) =>
                  update({ bySite: false, filter: { ...view.filter, sites: [site] } })
                }
                changes={changes}
              />
            )}
            {view.tab === 'overview' && <OverviewPanel filter={view.filter} changes={changes} />}
          </div>
        </LogFailureProvider>
      </main>
    </LiveRegion>
  );
}
