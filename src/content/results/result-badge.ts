/**
 * The small badge next to a search result's title: "new" or "seen since …",
 * the rank it had last time, a competitor-ad flag, and a one-click "Log" with
 * sentiment, tags and note afterwards (or undo).
 *
 * Drawn in a closed shadow root so that neither the page's CSS nor its scripts
 * reach it; the scanner skips its host element (OWN_UI_TAG).
 */
import type { Mention, Sentiment } from '../../core/mention.ts';
import { parseTags, SENTIMENTS } from '../../core/mention.ts';
import { formatDate, t, type MessageKey } from '../../platform/i18n.ts';
import { OWN_UI_TAG } from '../own-ui.ts';

export interface BadgeState {
  firstSeen?: string;
  previousRank?: number;
  rank: number;
  isAd: boolean;
  competitorAd: boolean;
  /** Known once the worker answered; until then only "Log" shows. */
  historyKnown: boolean;
  logged: Mention | null;
  error: string | null;
}

export interface BadgeActions {
  log(): Promise<void>;
  undo(): Promise<void>;
  update(patch: { sentiment: Sentiment; tags: string[]; note: string }): Promise<void>;
}

const SENTIMENT_LABELS: Record<Sentiment, MessageKey> = {
  positive: 'sentimentPositive',
  neutral: 'sentimentNeutral',
  negative: 'sentimentNegative',
};

const CSS = `
:host { all: initial; display: inline-flex; gap: 4px; align-items: center; margin-left: 8px; vertical-align: middle;
  font: 600 11px/1.6 system-ui, sans-serif; color: #1b1f24; }
.pill { border-radius: 9px; padding: 0 7px; background: #e8eaed; white-space: nowrap; }
.new { background: #ffd54f; color: #000; }
.ad { background: #b3261e; color: #fff; }
button, select, input { font: inherit; border: 1px solid #8c959f; border-radius: 9px; background: #fff; color: #1b1f24; padding: 0 7px; cursor: pointer; }
button.log { background: #1f3a5f; color: #fff; border-color: #1f3a5f; }
input { cursor: text; font-weight: 400; width: 9em; }
.done { color: #1a7f37; }
.error { color: #b3261e; font-weight: 400; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

let sharedSheet: CSSStyleSheet | null = null;

export class ResultBadge {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;

  constructor(private readonly actions: BadgeActions) {
    this.host = document.createElement(OWN_UI_TAG);
    this.root = this.host.attachShadow({ mode: 'closed' });
    // An adopted sheet, not a <style>: a page's style-src CSP does not apply to it.
    sharedSheet ??= new CSSStyleSheet();
    if (!sharedSheet.cssRules.length) sharedSheet.replaceSync(CSS);
    this.root.adoptedStyleSheets = [sharedSheet];
    // The page's own click handlers (result trackers) never see our clicks.
    for (const type of ['click', 'mousedown', 'mouseup', 'keydown', 'keyup', 'pointerdown'])
      this.host.addEventListener(type, (event) => event.stopPropagation());
  }

  /** Places the badge after the title, outside the result link so a click does not follow it. */
  attach(title: Element, link: Element | null): void {
    if (this.host.isConnected) return;
    if (link && link.contains(title)) link.after(this.host);
    else title.append(this.host);
  }

  render(state: BadgeState): void {
    // Re-rendering replaces the controls; keyboard focus moves to the control
    // that takes the next step (after "Log": the sentiment; after "Undo": "Log").
    const focused = (this.root.activeElement as HTMLElement | null)?.dataset.role;
    const parts: Node[] = [];
    if (state.competitorAd)
      parts.push(el('span', { className: 'pill ad', textContent: t('resultCompetitorAd') }));
    if (state.historyKnown && !state.isAd) {
      parts.push(
        state.firstSeen
          ? el('span', {
              className: 'pill seen',
              textContent: t('resultSeenSince', formatDate(state.firstSeen)),
            })
          : el('span', { className: 'pill new', textContent: t('resultNew') }),
      );
      if (state.previousRank !== undefined && state.previousRank !== state.rank)
        parts.push(
          el('span', { className: 'pill', textContent: t('resultRankMove', state.previousRank) }),
        );
    }
    parts.push(...(state.logged ? this.loggedControls(state.logged) : [this.logButton()]));
    if (state.error)
      parts.push(
        el('span', {
          className: 'error',
          role: 'alert',
          textContent: t('resultFailed', state.error),
        }),
      );
    this.root.replaceChildren(...parts);
    if (focused) {
      const next = { log: 'sentiment', undo: 'log' }[focused] ?? focused;
      this.root.querySelector<HTMLElement>(`[data-role="${next}"]`)?.focus();
    }
  }

  private logButton(): HTMLElement {
    const button = el('button', {
      className: 'log',
      type: 'button',
      textContent: t('resultLog'),
      title: t('resultLogTitle'),
    });
    button.dataset.role = 'log';
    button.addEventListener('click', () => void this.actions.log());
    return button;
  }

  private loggedControls(mention: Mention): Node[] {
    const sentiment = el('select', { title: t('popupSentiment') });
    sentiment.dataset.role = 'sentiment';
    sentiment.setAttribute('aria-label', t('popupSentiment'));
    for (const value of SENTIMENTS)
      sentiment.append(
        el('option', {
          value,
          textContent: t(SENTIMENT_LABELS[value]),
          selected: value === mention.sentiment,
        }),
      );
    const tags = el('input', {
      type: 'text',
      value: mention.tags.join(', '),
      placeholder: t('popupTags'),
    });
    tags.setAttribute('aria-label', t('popupTags'));
    tags.dataset.role = 'tags';
    const note = el('input', { type: 'text', value: mention.note, placeholder: t('popupNote') });
    note.setAttribute('aria-label', t('popupNote'));
    note.dataset.role = 'note';
    const save = el('button', { type: 'button', textContent: t('resultSave') });
    save.dataset.role = 'save';
    save.addEventListener(
      'click',
      () =>
        void this.actions.update({
          sentiment: sentiment.value as Sentiment,
          tags: parseTags(tags.value),
          note: note.value.trim(),
        }),
    );
    const undo = el('button', { type: 'button', textContent: t('resultUndo') });
    undo.dataset.role = 'undo';
    undo.addEventListener('click', () => void this.actions.undo());
    return [
      el('span', { className: 'done', role: 'status', textContent: `✓ ${t('resultLogged')}` }),
      sentiment,
      tags,
      note,
      save,
      undo,
    ];
  }

  remove(): void {
    this.host.remove();
  }
}
