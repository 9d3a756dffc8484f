import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Mention } from '../../core/mention.ts';
import type { PageState } from '../../core/messages.ts';
import { normalizeSite, type Brand } from '../../core/profile.ts';
import { callTab, callWorker } from '../../platform/messaging.ts';
import { describeFailure, ErrorBanner } from '../components/errors.tsx';
import { exportLog } from '../download.ts';
import { t } from '../../platform/i18n.ts';
import { LogForm } from './log-form.tsx';
import { NextStep } from './next-step.tsx';
import { RecentMentions } from './recent-mentions.tsx';
import { ResultList } from './result-list.tsx';
import { TermGroups } from './term-groups.tsx';

/** The tab this popup is about: ?tab=<id>, or the active tab of the current window. */
export async function resolveTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

type PageLoad =
  { status: 'loading' } | { status: 'ready'; state: PageState } | { status: 'unavailable' };

export function Popup({ tabId }: { tabId: number | undefined }) {
  const [page, setPage] = useState<PageLoad>({ status: 'loading' });
  const [recent, setRecent] = useState<Mention[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** The profile's brands, for the next step where the page has nothing to show (null while loading). */
  const [brands, setBrands] = useState<Brand[] | null>(null);

  const refreshRecent = () =>
    callWorker('log/recent', { limit: 5 })
      .then((log) => setRecent(log.mentions))
      .catch((e: unknown) => setError(describeFailure(e)));

  useEffect(() => {
    if (tabId === undefined) setPage({ status: 'unavailable' });
    else
      callTab(tabId, 'content/state', null)
        .then((state) => setPage({ status: 'ready', state }))
        .catch(() => setPage({ status: 'unavailable' }));
    void refreshRecent();
    callWorker('settings/get', null)
      .then((stored) => setBrands(stored.settings.brands))
      .catch(() => setBrands([]));
  }, [tabId]);

  return (
    <main class="popup">
      <header class="popup-header">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
      </header>
      <ErrorBanner error={error} />
      {page.status === 'loading' && <p>{t('loading')}</p>}
      {page.status === 'unavailable' && (
        <>
          <p class="muted">{t('popupUnavailable')}</p>
          <NextStep text="popupUnavailableNext" brands={brands} />
        </>
      )}
      {page.status === 'ready' && tabId !== undefined && (
        <PageSection
          state={page.state}
          brands={brands}
          tabId={tabId}
          onLogged={() => void refreshRecent()}
          onError={setError}
        />
      )}
      <RecentMentions mentions={recent} />
      <footer class="popup-footer">
        <button
          type="button"
          onClick={() => void exportLog('json').catch((e: unknown) => setError(describeFailure(e)))}
        >
          {t('exportJson')}
        </button>
        <button
          type="button"
          onClick={() => void exportLog('csv').catch((e: unknown) => setError(describeFailure(e)))}
        >
          {t('exportCsv')}
        </button>
        <a href="log.html" target="_blank">
          {t('openLog')}
        </a>
        <a href="options.html" target="_blank">
          {t('openOptions')}
        </a>
      </footer>
    </main>
  );
}

function PageSection(props: {
  state: PageState;
  brands: Brand[] | null;
  tabId: number;
  onLogged: () => void;
  onError: (e: string) => void;
}) {
  const { state } = props;
  const reveal = (index: number) =>
    void callTab(props.tabId, 'content/reveal', { index }).catch(() => undefined);
  // What the user came for leads: the page in one line, then the form to log
  // it, then the results (each loggable too), then every hit.
  return (
    <>
      <section aria-labelledby="on-page" class="page-summary">
        <h2 id="on-page" class="visually-hidden">
          {t('popupOnThisPage')}
        </h2>
        <p class="page-title" title={state.url}>
          {state.title || state.url}
        </p>
        <div class="page-facts">
          {state.paused ? (
            <span class="muted">
              {t(state.paused === 'global' ? 'popupPausedGlobal' : 'popupPausedSite')}
            </span>
          ) : (
            <span data-testid="hit-count">
              {state.total === 0 ? t('popupNoHits') : t('popupHitCount', state.total)}
            </span>
          )}
          <PauseSiteToggle url={state.url} paused={state.paused} onError={props.onError} />
        </div>
        {state.paused === 'site' && <p class="next-step muted">{t('popupPausedSiteNext')}</p>}
        {state.paused === 'global' && (
          <p class="next-step">
            <a href="options.html" target="_blank">
              {t('openOptions')}
            </a>
          </p>
        )}
        {!state.paused && state.total === 0 && (
          <NextStep text="popupNoHitsNext" brands={props.brands} />
        )}
      </section>
      {state.total > 0 && (
        <LogForm state={state} onLogged={props.onLogged} onError={props.onError} />
      )}
      {state.results && (
        <ResultList results={state.results} onLogged={props.onLogged} onError={props.onError} />
      )}
      {state.hits.length > 0 && (
        <section aria-labelledby="hits-heading">
          <h2 id="hits-heading">{t('popupHitsHeading')}</h2>
          <TermGroups hits={state.hits} onReveal={reveal} />
        </section>
      )}
    </>
  );
}

function PauseSiteToggle(props: {
  url: string;
  paused: PageState['paused'];
  onError: (e: string) => void;
}) {
  let host = '';
  try {
    host = normalizeSite(new URL(props.url).hostname);
  } catch {
    return null;
  }
  const toggle = async (pause: boolean) => {
    try {
      // One operation on the stored list, so that another page's change in between is kept.
      await callWorker('settings/change', {
        operations: [{ op: pause ? 'pause-site' : 'resume-site', site: host }],
      });
      window.close();
    } catch (e) {
      props.onError(describeFailure(e));
    }
  };
  return (
    <label class="switch">
      <input
        type="checkbox"
        checked={props.paused === 'site'}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      {t('popupPauseSite', host)}
    </label>
  );
}
