/**
 * Reaching into the closed shadow roots of the result badges, as a user's
 * eyes and mouse do and a page's scripts cannot: through the DevTools
 * protocol (DOM.getDocument with `pierce` sees closed roots), then real
 * mouse clicks at the element's box. A click on something clipped or
 * covered lands elsewhere, so a test that clicks this way also proves the
 * control can be reached. Chromium only.
 */
import type { CDPSession, Page } from '@playwright/test';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

const TEXT = 'function () { return this.textContent.replace(/\\s+/g, " ").trim(); }';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function hosts(node: CdpNode, tag: string, out: CdpNode[] = []): CdpNode[] {
  if (node.nodeName === tag) out.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])])
    hosts(child, tag, out);
  return out;
}

/** The shadow root of the `index`-th `<markenlotse-result>` (document order), by CDP. */
export class BadgeInspector {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<BadgeInspector> {
    return new BadgeInspector(page, await page.context().newCDPSession(page));
  }

  /** Node ids of the badges' shadow roots: valid while the protocol follows the document. */
  private known: number[] = [];

  /** The node ids of every badge's shadow root, in document order (the whole tree: slow on big pages). */
  private async shadowRoots(): Promise<number[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    this.known = hosts(root, 'MARKENLOTSE-RESULT').map(
      (host) => host.shadowRoots?.[0]?.nodeId ?? 0,
    );
    return this.known;
  }

  private async shadowRoot(index: number): Promise<number> {
    const shadow = this.known[index] || (await this.shadowRoots())[index];
    if (!shadow) throw new Error(`no badge #${index} with a shadow root`);
    return shadow;
  }

  private async node(index: number, selector: string): Promise<number> {
    const { nodeId } = await this.cdp.send('DOM.querySelector', {
      nodeId: await this.shadowRoot(index),
      selector,
    });
    if (!nodeId) throw new Error(`badge #${index} has no ${selector}`);
    return nodeId;
  }

  private async call<T>(nodeId: number, fn: string): Promise<T> {
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId ?? '',
      functionDeclaration: fn,
      returnByValue: true,
    });
    return result.value as T;
  }

  /** The badge's text, its panel's included (what a user can read in it, when shown). */
  async text(index: number): Promise<string> {
    return this.call<string>(await this.shadowRoot(index), TEXT);
  }

  /** The text of every badge on the page, in document order. */
  async texts(): Promise<string[]> {
    const texts: string[] = [];
    for (const id of await this.shadowRoots())
      texts.push(id ? await this.call<string>(id, TEXT) : '');
    return texts;
  }

  /** Whether the badge holds an element matching `selector` at all. */
  async has(index: number, selector: string): Promise<boolean> {
    const { nodeId } = await this.cdp.send('DOM.querySelector', {
      nodeId: await this.shadowRoot(index),
      selector,
    });
    return nodeId !== 0;
  }

  /** Whether the element is drawn (it and its ancestors have a box: a closed popover has none). */
  async shown(index: number, selector: string): Promise<boolean> {
    return this.call<boolean>(
      await this.node(index, selector),
      'function () { return this.checkVisibility(); }',
    );
  }

  /** The element's box in the viewport's CSS pixels. */
  async box(index: number, selector: string): Promise<Box> {
    return this.call<Box>(
      await this.node(index, selector),
      'function () { const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }',
    );
  }

  /**
   * Whether the page, asked what is at the element's centre, answers with
   * the badge (events at a closed root are retargeted to its host): the
   * element is neither clipped away nor covered.
   */
  async reachable(index: number, selector: string): Promise<boolean> {
    const box = await this.box(index, selector);
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    return this.page.evaluate(
      ({ x, y, index: n }) =>
        document.elementFromPoint(x, y) === document.querySelectorAll('markenlotse-result')[n],
      { ...centre, index },
    );
  }

  /** Clicks the element's centre with the mouse. */
  async click(index: number, selector: string): Promise<void> {
    const box = await this.box(index, selector);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Types into a text field: clicks it, selects what it holds, types. */
  async fill(index: number, selector: string, text: string): Promise<void> {
    await this.click(index, selector);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }
}
