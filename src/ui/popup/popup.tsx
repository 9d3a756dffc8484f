import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { parseTags, type Mention, type Sentiment } from '../../core/mention.ts';
import { mentionOfPage } from '../../core/mention-draft.ts';
import type { PageHit, PageState } from '../../core/messages.ts';
import { normalizeSite } from '../../core/profile.ts';
import { callTab, callWorker } from '../../platform/messaging.ts';
import { describeFailure, ErrorBanner } from '../components/errors.tsx';
import { SentimentPicker, sentimentLabel } from '../components/sentiment-picker.tsx';
import { exportLog } from '../download.ts';
import { formatDate, t } from '../../platform/i18n.ts';
import { ResultList } from './result-list.tsx';

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

  const refreshRecent = () =>
    callWorker('log/get', { limit: 5 })
      .then((log) => setRecent(log.mentions))
      .catch((e: unknown) => setError(describeFailure(e)));

  useEffect(() => {
    if (tabId === undefined) setPage({ status: 'unavailable' });
    else
      callTab(tabId, 'content/state', null)
        .then((state) => setPage({ status: 'ready', state }))
        .catch(() => setPage({ status: 'unavailable' }));
    void refreshRecent();
  }, [tabId]);

  return (
    <main class="popup">
      <header class="popup-header">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
      </header>
      <ErrorBanner error={error} />
      {page.status === 'loading' && <p>{t('loading')}</p>}
      {page.status === 'unavailable' && <p class="muted">{t('popupUnavailable')}</p>}
      {page.status === 'ready' && tabId !== undefined && (
        <PageSection
          state={page.state}
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
  tabId: number;
  onLogged: () => void;
  onError: (e: string) => void;
}) {
  const { state } = props;
  const reveal = (index: number) =>
    void callTab(props.tabId, 'content/reveal', { index }).catch(() => undefined);
  return (
    <>
      <section aria-labelledby="on-page">
        <h2 id="on-page">{t('popupOnThisPage')}</h2>
        <p class="page-title" title={state.url}>
          {state.title || state.url}
        </p>
        {state.paused ? (
          <p class="muted">
            {t(state.paused === 'global' ? 'popupPausedGlobal' : 'popupPausedSite')}
          </p>
        ) : (
          <p data-testid="hit-count">
            {state.total === 0 ? t('popupNoHits') : t('popupHitCount', state.total)}
          </p>
        )}
        <PauseSiteToggle url={state.url} paused={state.paused} onError={props.onError} />
        <TermGroups hits={state.hits} onReveal={reveal} />
        {state.results && <ResultList results={state.results} />}
      </section>
      {state.total > 0 && (
        <LogForm state={state} onLogged={props.onLogged} onError={props.onError} />
      )}
    </>
  );
}

/** Hits grouped by term with counts; each hit with its context, click to scroll the page to it. */
function TermGroups({ hits, onReveal }: { hits: PageHit[]; onReveal: (index: number) => void }) {
  const groups = new Map<string, PageHit[]>();
  for (const hit of hits) {
    // "ACME" rather than "ACME: ACME" where the term is the brand's name.
    const label = hit.term === hit.brand ? hit.term : `${hit.brand}: ${hit.term}`;
    groups.set(label, [...(groups.get(label) ?? []), hit]);
  }
  return (
    <div class="term-groups">
      {[...groups].map(([label, group]) => (
        <details key={label} open={groups.size === 1}>
          <summary>
            <span class="swatch" style={{ background: group[0]?.brandColor }} />
            {label} <span class="count">{group.length}</span>
          </summary>
          <ul class="hits">
            {group.map((hit) => (
              <li key={hit.index}>
                <button
                  type="button"
                  class="hit"
                  onClick={() => onReveal(hit.index)}
                  title={t('popupRevealHit')}
                >
                  {hit.before}
                  <mark style={{ background: hit.brandColor }}>{hit.text}</mark>
                  {hit.after}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
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

function LogForm(props: { state: PageState; onLogged: () => void; onError: (e: string) => void }) {
  const [sentiment, setSentiment] = useState<Sentiment>('neutral');
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [logged, setLogged] = useState<Mention | null>(null);
  const { state } = props;

  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const mention = await callWorker(
        'mention/add',
        mentionOfPage(state, { sentiment, tags: parseTags(tags), note }),
      );
      setLogged(mention);
      props.onLogged();
    } catch (e) {
      props.onError(describeFailure(e));
    }
  };

  if (logged)
    return (
      <p class="banner banner-ok" role="status">
        {t('popupLogged')}
      </p>
    );
  return (
    <form class="log-form" onSubmit={(e) => void submit(e)} aria-labelledby="log-heading">
      <h2 id="log-heading">{t('popupLogHeading')}</h2>
      <SentimentPicker
        value={sentiment}
        onChange={setSentiment}
        name="sentiment"
        legend={t('popupSentiment')}
      />
      <label>
        {t('popupTags')}
        <input
          type="text"
          value={tags}
          onInput={(e) => setTags(e.currentTarget.value)}
          placeholder={t('popupTagsPlaceholder')}
        />
      </label>
      <label>
        {t('popupNote')}
        <textarea rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        {t('popupLogButton')}
      </button>
    </form>
  );
}

function RecentMentions({ mentions }: { mentions: Mention[] }) {
  return (
    <section aria-labelledby="recent">
      <h2 id="recent">{t('popupRecent')}</h2>
      {mentions.length === 0 ? (
        <p class="muted">{t('popupNoMentions')}</p>
      ) : (
        <ul class="recent">
          {mentions.map((m) => (
            <li key={m.id}>
              <a href={m.url} target="_blank" rel="noreferrer">
                {m.title || m.url}
              </a>
              <span class={`pill sentiment-${m.sentiment}`}>{sentimentLabel(m.sentiment)}</span>
              {m.tags.map((tag) => (
                <span key={tag} class="pill tag">
                  {tag}
                </span>
              ))}
              <time dateTime={m.createdAt}>{formatDate(m.createdAt)}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
