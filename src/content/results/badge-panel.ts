/**
 * The badge's panel: sentiment, tags and note after a result was logged (and,
 * on a narrow card, everything else). A popover in the top layer, so that no
 * `overflow: hidden` or line clamp of the page's card clips it; placed under
 * the badge, inside the viewport's width, and scrolling with the page.
 *
 * Where a browser has no popovers (Chrome before 114, Firefox before 125:
 * https://developer.mozilla.org/docs/Web/API/Popover_API), the panel stands
 * inline after the badge, as the controls did before.
 */

const GAP_PX = 4;
const MARGIN_PX = 8;
/** As `max-width` in badge-styles.ts. */
export const MAX_WIDTH_PX = 340;

export const popoversSupported = (): boolean =>
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

export class BadgePanel {
  readonly element: HTMLDivElement;
  readonly floating = popoversSupported();

  constructor(
    /** What the panel hangs from (the badge's host element). */
    private readonly anchor: HTMLElement,
    label: string,
  ) {
    this.element = document.createElement('div');
    this.element.className = this.floating ? 'panel floating' : 'panel';
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', label);
    if (this.floating) {
      // "auto": Escape and a click elsewhere close it, like a menu.
      this.element.popover = 'auto';
      // Placed before it shows (no frame at the browser's default place), and
      // again once it shows, with its real width.
      for (const type of ['beforetoggle', 'toggle'])
        this.element.addEventListener(type, (event) => {
          if ((event as ToggleEvent).newState === 'open') this.place();
        });
    }
  }

  get isOpen(): boolean {
    return !this.floating || this.element.matches(':popover-open');
  }

  /** Lets `button` open and close the panel (the browser's own invoker: no flicker with light dismiss). */
  controlledBy(button: HTMLButtonElement): void {
    if (!this.floating) return;
    button.popoverTargetElement = this.element;
    button.popoverTargetAction = 'toggle';
  }

  open(): void {
    if (this.floating && !this.isOpen && this.element.isConnected) this.element.showPopover();
  }

  close(): void {
    if (this.floating && this.isOpen) this.element.hidePopover();
  }

  /**
   * Under the badge, in page coordinates: a popover with `position: absolute`
   * in the top layer is placed against the initial containing block, so it
   * moves with the page when it scrolls.
   */
  private place(): void {
    const box = this.anchor.getBoundingClientRect();
    const style = this.element.style;
    style.top = `${Math.round(box.bottom + scrollY + GAP_PX)}px`;
    // Before it shows it has no width yet: the widest it may be.
    const width = Math.min(this.element.offsetWidth || MAX_WIDTH_PX, innerWidth - 2 * MARGIN_PX);
    const left = Math.max(MARGIN_PX, Math.min(box.left, innerWidth - width - MARGIN_PX));
    style.left = `${Math.round(left + scrollX)}px`;
  }
}
