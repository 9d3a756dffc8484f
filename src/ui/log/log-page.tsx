import { useEffect, useMemo, useState } from 'preact/hooks';
import { SENTIMENTS, type Mention, type Sentiment } from '../../core/mention.ts';
import type { LogSnapshot } from '../../core/messages.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure, ErrorBanner } from '../components/errors.tsx';
import { sentimentLabel } from '../components/sentiment-picker.tsx';
import { t } from '../../platform/i18n.ts';
import {
  mentionMatches,
  newestMentionsFirst,
  newestSightingsFirst,
  sightingMatches,
  type LogFilter,
} from './filter.ts';
import { ImportReport, LogTools, type ImportOutcome } from './log-tools.tsx';
import { MentionTable } from './mention-table.tsx';
import { SightingTable } from './sighting-table.tsx';

/** The one live region of the page: the last thing that happened. */
type Notice = { kind: 'text'; text: string } | { kind: 'import'; outcome: ImportOutcome };

/** The log workspace: logged mentions to judge and tag, sightings, export, import. */
export function LogPage() {
  const [log, setLog] = useState<LogSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [filter, setFilter] = useState<LogFilter>({ query: '', sentiment: 'all' });

  const load = () =>
    callWorker('log/get', {})
      .then(setLog)
      .catch((e: unknown) => setError(describeFailure(e)));

  // Mentions logged from the popup meanwhile show up when the user returns to this tab.
  useEffect(() => {
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const mentions = useMemo(
    () =>
      log ? log.mentions.filter((m) => mentionMatches(m, filter)).sort(newestMentionsFirst) : [],
    [log, filter],
  );
  const sightings = useMemo(
    () =>
      log ? log.sightings.filter((s) => sightingMatches(s, filter)).sort(newestSightingsFirst) : [],
    [log, filter],
  );

  const replaceMention = (updated: Mention) => {
    setLog(
      (l) => l && { ...l, mentions: l.mentions.map((m) => (m.id === updated.id ? updated : m)) },
    );
    setError(null);
    setNotice({ kind: 'text', text: t('logMentionSaved') });
  };
  const dropMention = (id: string) => {
    setLog((l) => l && { ...l, mentions: l.mentions.filter((m) => m.id !== id) });
    setNotice({ kind: 'text', text: t('logMentionDeleted') });
  };
  const showError = (message: string) => setError(message);

  return (
    <main class="page log-page">
      <header class="page-header">
        <img src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1>{t('logTitle')}</h1>
        <nav>
          <a href="options.html">{t('openOptions')}</a>
        </nav>
      </header>
      <ErrorBanner error={error} />
      {log === null ? (
        !error && <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <LogTools
            mentionCount={log.mentions.length}
            sightingCount={log.sightings.length}
            onImported={(outcome) => {
              setError(null);
              setNotice({ kind: 'import', outcome });
              void load();
            }}
            onCleared={() => {
              setNotice({ kind: 'text', text: t('logCleared') });
              void load();
            }}
            onError={showError}
          />
          <div role="status" class={notice ? 'notice' : 'notice empty'}>
            {notice?.kind === 'text' && <p>{notice.text}</p>}
            {notice?.kind === 'import' && <ImportReport outcome={notice.outcome} />}
          </div>
          <FilterBar filter={filter} onChange={setFilter} />

          <section aria-labelledby="mentions-heading">
            <h2 id="mentions-heading">
              {t('logMentions')}{' '}
              <span class="count">{countText(mentions.length, log.mentions.length)}</span>
            </h2>
            {log.mentions.length === 0 ? (
              <p class="muted">{t('logNoMentions')}</p>
            ) : mentions.length === 0 ? (
              <p class="muted">{t('logNoMatches')}</p>
            ) : (
              <MentionTable
                mentions={mentions}
                onSaved={replaceMention}
                onDeleted={dropMention}
                onError={showError}
              />
            )}
          </section>

          <section aria-labelledby="sightings-heading">
            <h2 id="sightings-heading">
              {t('logSightings')}{' '}
              <span class="count">{countText(sightings.length, log.sightings.length)}</span>
            </h2>
            <p class="field-hint">{t('logSightingsIntro')}</p>
            {log.sightings.length === 0 ? (
              <p class="muted">{t('logNoSightings')}</p>
            ) : sightings.length === 0 ? (
              <p class="muted">{t('logNoMatches')}</p>
            ) : (
              <SightingTable sightings={sightings} />
            )}
          </section>
        </>
      )}
    </main>
  );
}

const countText = (shown: number, total: number): string =>
  shown === total ? String(total) : t('logCountOf', shown, total);

function FilterBar({
  filter,
  onChange,
}: {
  filter: LogFilter;
  onChange: (filter: LogFilter) => void;
}) {
  return (
    <div class="filter-bar" role="search">
      <label class="filter-query">
        {t('logSearch')}
        <input
          type="search"
          value={filter.query}
          placeholder={t('logSearchPlaceholder')}
          onInput={(e) => onChange({ ...filter, query: e.currentTarget.value })}
        />
      </label>
      <label class="filter-sentiment">
        {t('logFilterSentiment')}
        <select
          value={filter.sentiment}
          onChange={(e) =>
            onChange({ ...filter, sentiment: e.currentTarget.value as Sentiment | 'all' })
          }
        >
          <option value="all">{t('logAllSentiments')}</option>
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {sentimentLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
