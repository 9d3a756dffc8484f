/**
 * On a search results page the unit that matters is a result: which results
 * mention the brand, which were never seen before, and logging one in a click.
 *
 * Reads the page with the engine adapters (../serp), finds the hits inside
 * each result, reports the results that concern a brand (they name it, lie
 * on its own site, or are ads by someone else on a search for an own brand)
 * to the worker, which answers when each was first seen and its previous
 * rank, and draws a badge next to each.
 *
 * It follows the scanner's changes itself: results arrive late (continuous
 * scrolling, ads loaded after the page), and a page may render a result
 * again. It re-reads the page when the scanner has walked content the page
 * added or the hits moved, at most once a second (readSerp takes 25–50 ms on
 * a 100-result page).
 */
import type { BrandMatcher } from '../../core/matcher.ts';
import type { Mention, TermCount } from '../../core/mention.ts';
import { mentionOfResult, newMentionId } from '../../core/mention-draft.ts';
import { changedFields } from '../../core/mention-patch.ts';
import type { PageResults, ResultHistory, ResultReport } from '../../core/messages.ts';
import { isAdByOther, siteOwners } from '../../core/ownership.ts';
import { countTerms } from '../../core/term-counts.ts';
import type { Brand } from '../../core/profile.ts';
import { t } from '../../platform/i18n.ts';
import { callWorker, WorkerError } from '../../platform/messaging.ts';
import type { PageHits } from '../page-highlights.ts';
import type { Hit } from '../scanner.ts';
import { readSerp, type SerpPage, type SerpResult } from '../serp/index.ts';
import { Throttle } from '../throttle.ts';
import { describeFields, storedFields } from './edit-conflict.ts';
import { ResultBadge } from './result-badge.ts';

/** The page is re-read at most once per this many ms (as often as hits are reported). */
const REFRESH_INTERVAL_MS = 1000;

interface Entry {
  result: SerpResult;
  terms: TermCount[];
  /** The brands on whose own sites the result lies. */
  owners: string[];
  competitorAd: boolean;
  history: ResultHistory | null;
  badge: ResultBadge;
  logged: Mention | null;
  /** The id its next add sends: kept until it is logged, so that a retry finds the first add. */
  logId: string;
  /** The last sentiment, tags and note were stored. */
  saved: boolean;
  /** A mention of its address was logged before this page showed it. */
  loggedBefore: boolean;
  error: string | null;
  /**
   * After a conflict (another tab changed a field meanwhile): the version the
   * next Save overwrites, while `logged` shows the user's values.
   */
  overwrites: Mention | null;
}

const entryKey = (result: SerpResult): string => `${result.kind} ${result.url}`;

export class ResultsOverlay {
  private page: SerpPage | null = null;
  private readonly entries = new Map<string, Entry>();
  private reporting: Promise<void> = Promise.resolve();
  private readonly refreshes = new Throttle(() => this.refresh(), REFRESH_INTERVAL_MS);
  private readonly unsubscribe: () => void;
  private refreshedOnce = false;
  /** What the last refresh saw: the scanner's structure version and the hits' fingerprint. */
  private seen = { structure: -1, hits: '' };

  constructor(
    private readonly url: string,
    private readonly hits: PageHits,
    private readonly brands: readonly Brand[],
    private readonly matcher: BrandMatcher,
  ) {
    this.unsubscribe = hits.subscribe(() => this.hitsChanged());
  }

  private hitsChanged(): void {
    // The first read waits for the full pass: results would be reported with half their terms.
    if (this.hits.busy && !this.refreshedOnce) return;
    this.refreshes.request(!this.refreshedOnce);
  }

  /**
   * Re-reads the page if the scanner took in added content (a late result,
   * an ad without hits, a result rendered again) or the hits changed; a
   * page that only edits text (a ticker) is not re-read.
   */
  private refresh(): void {
    if (this.hits.busy && !this.refreshedOnce) return;
    const hits = this.hits.hitsInOrder();
    const seen = {
      structure: this.hits.structureVersion,
      hits: JSON.stringify([this.hits.total, countTerms(hits, this.brands)]),
    };
    if (seen.structure === this.seen.structure && seen.hits === this.seen.hits) return;
    this.seen = seen;
    this.refreshedOnce = true;
    this.update(hits);
  }

  /** Reads the page and updates badges and reports. */
  private update(hits: readonly Hit[]): void {
    const brands = this.brands;
    const page = readSerp(document, this.url);
    if (!page) return;
    this.page = page;
    const searched = [...new Set(this.matcher.find(page.query).map((m) => m.brandIndex))]
      .map((index) => brands[index])
      .filter((brand) => brand !== undefined);
    const fresh: Entry[] = [];
    for (const result of page.results) {
      const terms = termsIn(result.root, hits, brands);
      const competitorAd = result.kind === 'ad' && isAdByOther(result.url, searched);
      const key = entryKey(result);
      const known = this.entries.get(key);
      if (known) {
        known.result = result;
        known.terms = terms;
        known.badge.attach(result.root, result.titleElement, result.linkElement);
        continue;
      }
      const owners = siteOwners(result.url, brands);
      if (!terms.length && !competitorAd && !owners.length) continue;
      const entry: Entry = {
        result,
        terms,
        owners,
        competitorAd,
        history: null,
        badge: this.createBadge(key),
        logged: null,
        logId: newMentionId(),
        saved: false,
        loggedBefore: false,
        error: null,
        overwrites: null,
      };
      this.entries.set(key, entry);
      entry.badge.attach(result.root, result.titleElement, result.linkElement);
      this.render(entry);
      fresh.push(entry);
    }
    if (fresh.length) this.report(page, fresh);
  }

  private report(page: SerpPage, fresh: Entry[]): void {
    const reports: ResultReport[] = fresh.map(({ result, terms, owners, competitorAd }) => ({
      url: result.url,
      title: result.title,
      snippet: result.snippet,
      kind: competitorAd ? 'competitor-ad' : result.kind === 'ad' ? 'ad' : 'result',
      terms,
      ...(owners.length ? { owners } : {}),
      search: { engine: page.engine, query: page.query, rank: result.rank, page: page.page },
    }));
    // One report at a time, so late results never overtake the first batch.
    this.reporting = this.reporting.then(async () => {
      try {
        const [history, logged] = await Promise.all([
          callWorker('results/report', { results: reports }),
          // Logged on an earlier visit, or from the popup: the badge says so, and offers no second log.
          callWorker('mentions/logged-urls', { urls: reports.map((r) => r.url) }).catch(() => []),
        ]);
        const loggedUrls = new Set(logged);
        fresh.forEach((entry, i) => {
          entry.history = history[i] ?? { url: entry.result.url };
          entry.loggedBefore = loggedUrls.has(entry.result.url);
          this.render(entry);
        });
      } catch (error) {
        console.debug('Markenlotse: results not recorded', error);
      }
    });
  }

  private createBadge(key: string): ResultBadge {
    const withEntry = (action: (entry: Entry) => Promise<void>) => async () => {
      const entry = this.entries.get(key);
      if (!entry) return;
      try {
        entry.error = null;
        await action(entry);
      } catch (error) {
        entry.error = error instanceof WorkerError ? error.code : String(error);
      }
      this.render(entry);
    };
    return new ResultBadge({
      log: withEntry(async (entry) => {
        const page = this.page;
        if (!page) return;
        entry.logged = await callWorker('mention/add', {
          ...mentionOfResult(entry.result, page, entry.terms, entry.competitorAd),
          id: entry.logId,
        });
        // Logged again after an undo: a new mention.
        entry.logId = newMentionId();
        entry.saved = false;
      }),
      undo: withEntry(async (entry) => {
        if (entry.logged) await callWorker('mention/delete', { id: entry.logged.id });
        entry.logged = null;
        entry.saved = false;
      }),
      update: (values) =>
        withEntry(async (entry) => {
          entry.saved = false;
          const logged = entry.logged;
          if (!logged) return;
          // Only the fields changed, checked against what the editor showed.
          const { patch, before } = changedFields(entry.overwrites ?? logged, values);
          if (Object.keys(patch).length > 0) {
            const reply = await callWorker('mention/update', { id: logged.id, ...patch, before });
            // Deleted meanwhile (in the workspace); then nothing was saved.
            if (reply.kind === 'gone') return void (entry.error = t('resultGone'));
            if (reply.kind === 'conflict') {
              // The editor keeps what the user typed; Save again overwrites the other version.
              entry.logged = { ...reply.stored, ...values };
              entry.overwrites = { ...logged, ...storedFields(reply.stored, reply.fields) };
              entry.error = t('resultChangedElsewhere', describeFields(reply.stored, reply.fields));
              return;
            }
            entry.logged = reply.stored;
          }
          entry.overwrites = null;
          entry.saved = true;
        })(),
    });
  }

  private render(entry: Entry): void {
    const state = {
      rank: entry.result.rank,
      isAd: entry.result.kind === 'ad',
      competitorAd: entry.competitorAd,
      historyKnown: entry.history !== null,
      logged: entry.logged,
      saved: entry.saved,
      loggedBefore: entry.loggedBefore,
      error: entry.error,
    };
    entry.badge.render({
      ...state,
      ...(entry.history?.firstSeen ? { firstSeen: entry.history.firstSeen } : {}),
      ...(entry.history?.previousRank !== undefined
        ? { previousRank: entry.history.previousRank }
        : {}),
      ...(entry.history?.sessionOnly ? { sessionOnly: true } : {}),
    });
  }

  /** The results page as the popup lists it. */
  state(): PageResults | null {
    if (!this.page) return null;
    const results = [...this.entries.values()]
      .sort(
        (a, b) =>
          Number(a.result.kind === 'ad') - Number(b.result.kind === 'ad') ||
          a.result.rank - b.result.rank,
      )
      .map(({ result, terms, history, competitorAd }) => ({
        rank: result.rank,
        kind: competitorAd ? 'competitor-ad' : result.kind,
        title: result.title,
        url: result.url,
        snippet: result.snippet,
        terms: [...new Set(terms.map((t) => t.term))],
        // countTerms counts per brand and term: each pair once already.
        names: terms.map(({ brand, term }) => ({ brand, term })),
        ...(history?.firstSeen ? { firstSeen: history.firstSeen } : {}),
        ...(history?.previousRank !== undefined ? { previousRank: history.previousRank } : {}),
        ...(history?.sessionOnly ? { sessionOnly: true as const } : {}),
      }));
    return {
      engine: this.page.engine,
      adapter: this.page.adapter,
      query: this.page.query,
      page: this.page.page,
      results,
    };
  }

  /** Removes the badges and stops following the page. */
  dispose(): void {
    this.unsubscribe();
    this.refreshes.cancel();
    for (const entry of this.entries.values()) entry.badge.remove();
    this.entries.clear();
  }
}

/** The hits inside one result, counted per brand and term. */
function termsIn(root: Element, hits: readonly Hit[], brands: readonly Brand[]): TermCount[] {
  return countTerms(
    hits.filter((hit) => root.contains(hit.range.startContainer)),
    brands,
  );
}
