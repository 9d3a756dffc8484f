/**
 * The small badge next to a search result's title: "new" or "seen since …",
 * the rank it had last time, the flag for an ad by someone else on your
 * name, and a one-click "Log"; once logged, a panel takes sentiment, tags
 * and a note (Save says when it saved), or undoes the log.
 *
 * On a narrow card (a shopping carousel) the badge is one small button in
 * front of the title, and everything else is in its panel: inline, the pills
 * and controls would be clipped by the card. The panel floats in the top
 * layer (badge-panel.ts), so no card clips it.
 *
 * Drawn in a closed shadow root so that neither the page's CSS nor its scripts
 * reach it; the scanner skips its host element (OWN_UI_TAG).
 */
import type { Mention, Sentiment } from '../../core/mention.ts';
import { formatDate, t } from '../../platform/i18n.ts';
import { OWN_UI_TAG } from '../own-ui.ts';
import { el, withRole } from './badge-dom.ts';
import { badgeEditor } from './badge-editor.ts';
import { BadgePanel } from './badge-panel.ts';
import { BADGE_CSS } from './badge-styles.ts';

export interface BadgeState {
  firstSeen?: string;
  previousRank?: number;
  /** The marks come from this browser session alone (works-council mode): they say so. */
  sessionOnly?: boolean;
  rank: number;
  isAd: boolean;
  competitorAd: boolean;
  /** Known once the worker answered; until then only "Log" shows. */
  historyKnown: boolean;
  logged: Mention | null;
  /** Its address was logged before this page showed it (another visit, the popup): no second "Log". */
  loggedBefore: boolean;
  /** The last sentiment, tags and note were stored (shown until the next edit). */
  saved: boolean;
  error: string | null;
}

export interface BadgeActions {
  log(): Promise<void>;
  undo(): Promise<void>;
  update(patch: { sentiment: Sentiment; tags: string[]; note: string }): Promise<void>;
}

/** A result narrower than this is a card (a shopping carousel's): the badge shrinks to one button. */
const COMPACT_BELOW_PX = 260;

let sharedSheet: CSSStyleSheet | null = null;

export class ResultBadge {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  /** The badge as it shows in the page; the panel stays beside it (re-inserting a popover closes it). */
  private readonly face: HTMLSpanElement;
  private readonly panel: BadgePanel;
  private compact = false;
  /** "Log" was clicked: open the panel at the sentiment once the log is stored. */
  private openWhenLogged = false;

  constructor(private readonly actions: BadgeActions) {
    this.host = document.createElement(OWN_UI_TAG);
    this.root = this.host.attachShadow({ mode: 'closed' });
    // An adopted sheet, not a <style>: a page's style-src CSP does not apply to it.
    sharedSheet ??= new CSSStyleSheet();
    if (!sharedSheet.cssRules.length) sharedSheet.replaceSync(BADGE_CSS);
    this.root.adoptedStyleSheets = [sharedSheet];
    this.panel = new BadgePanel(this.host, t('resultPanelLabel'));
    this.face = el('span', { className: 'face' });
    this.root.append(this.face, this.panel.element);
    // The page's own click handlers (result trackers) never see our clicks.
    for (const type of ['click', 'mousedown', 'mouseup', 'keydown', 'keyup', 'pointerdown'])
      this.host.addEventListener(type, (event) => event.stopPropagation());
  }

  /**
   * Places the badge outside the result link, so a click does not follow it:
   * after the title, or, on a narrow card whose title is clamped to its
   * lines, in front of it where it is never cut off.
   */
  attach(root: Element, title: Element, link: Element | null): void {
    if (this.host.isConnected) return;
    // The result's box, not the title's: a heading may be only as wide as its text.
    const width = root.getBoundingClientRect().width;
    this.compact = this.panel.floating && width > 0 && width < COMPACT_BELOW_PX;
    this.host.toggleAttribute('data-compact', this.compact);
    const outer = link && link.contains(title) ? link : null;
    if (this.compact) {
      if (outer) outer.before(this.host);
      else title.prepend(this.host);
    } else if (outer) outer.after(this.host);
    else title.append(this.host);
  }

  render(state: BadgeState): void {
    // Re-rendering replaces the controls; keyboard focus moves to the control
    // that takes the next step (after "Log": the sentiment; after "Undo": "Log").
    const focused = (this.root.activeElement as HTMLElement | null)?.dataset.role;
    const pills = this.pills(state);
    const error = state.error
      ? [
          el('span', {
            className: 'error',
            role: 'alert',
            textContent: t('resultFailed', state.error),
          }),
        ]
      : [];
    const editor = state.logged
      ? badgeEditor(state.logged, state.saved, this.panel.floating, this.actions)
      : [];
    // A log that failed opens nothing later.
    if (!state.logged && state.error) this.openWhenLogged = false;
    if (this.compact) {
      const toggle = this.compactToggle(state);
      this.panel.element.replaceChildren(
        el(
          'div',
          { className: 'row' },
          ...pills,
          state.logged || state.loggedBefore ? this.loggedStatus() : this.logButton(),
        ),
        ...editor,
        ...error,
      );
      this.face.replaceChildren(toggle);
    } else {
      const action = state.logged
        ? this.panel.floating
          ? this.loggedToggle()
          : this.loggedStatus()
        : state.loggedBefore
          ? this.loggedStatus()
          : this.logButton();
      this.panel.element.replaceChildren(...editor);
      this.face.replaceChildren(...pills, action, ...error);
      if (!state.logged) this.panel.close();
    }
    if (state.logged && this.openWhenLogged) {
      this.openWhenLogged = false;
      this.panel.open();
    }
    if (focused) {
      const next = { log: 'sentiment', undo: 'log' }[focused] ?? focused;
      this.root.querySelector<HTMLElement>(`[data-role="${next}"]`)?.focus();
    }
  }

  private pills(state: BadgeState): HTMLElement[] {
    const pills: HTMLElement[] = [];
    if (state.competitorAd)
      pills.push(el('span', { className: 'pill ad', textContent: t('resultCompetitorAd') }));
    if (state.historyKnown && !state.isAd) {
      const marks: HTMLElement[] = [];
      if (state.sessionOnly)
        marks.push(
          el('span', {
            className: 'pill',
            textContent: state.firstSeen ? t('resultSeenInSession') : t('resultNewInSession'),
          }),
        );
      else
        marks.push(
          state.firstSeen
            ? el('span', {
                className: 'pill seen',
                textContent: t('resultSeenSince', formatDate(state.firstSeen)),
              })
            : el('span', { className: 'pill new', textContent: t('resultNew') }),
        );
      if (state.previousRank !== undefined && state.previousRank !== state.rank)
        marks.push(
          el('span', { className: 'pill', textContent: t('resultRankMove', state.previousRank) }),
        );
      if (state.sessionOnly) for (const mark of marks) mark.title = t('resultSessionOnlyHint');
      pills.push(...marks);
    }
    return pills;
  }

  /** On a card: one small button that says the most important thing, and opens the panel. */
  private compactToggle(state: BadgeState): HTMLButtonElement {
    const [mark, className] =
      state.logged || state.loggedBefore
        ? ['✓', 'done']
        : state.competitorAd
          ? ['⚑', 'ad']
          : state.historyKnown && !state.isAd && !state.firstSeen
            ? [t('resultNew'), 'new']
            : ['+', 'log'];
    const button = withRole(
      el('button', { type: 'button', className: `compact ${className}`, textContent: `${mark} ▾` }),
      'toggle',
    );
    const said = [
      state.competitorAd ? t('resultCompetitorAd') : '',
      state.logged || state.loggedBefore ? t('resultLogged') : '',
      t('resultPanelLabel'),
    ].filter(Boolean);
    button.setAttribute('aria-label', said.join(' · '));
    button.title = said.join(' · ');
    this.panel.controlledBy(button);
    return button;
  }

  private logButton(): HTMLButtonElement {
    const button = withRole(
      el('button', {
        className: 'log',
        type: 'button',
        textContent: t('resultLog'),
        title: t('resultLogTitle'),
      }),
      'log',
    );
    button.addEventListener('click', () => {
      this.openWhenLogged = true;
      void this.actions.log();
    });
    return button;
  }

  private loggedStatus(): HTMLElement {
    return el('span', {
      className: 'pill done',
      role: 'status',
      textContent: `✓ ${t('resultLogged')}`,
    });
  }

  /** "✓ Logged ▾": opens the panel again. */
  private loggedToggle(): HTMLButtonElement {
    const button = withRole(
      el('button', {
        type: 'button',
        className: 'done',
        textContent: `✓ ${t('resultLogged')} ▾`,
        title: t('resultEdit'),
      }),
      'toggle',
    );
    this.panel.controlledBy(button);
    return button;
  }

  remove(): void {
    this.panel.close();
    this.host.remove();
  }
}
