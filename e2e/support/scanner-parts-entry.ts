// What e2e/change-queue.spec.ts and e2e/hidden-names.spec.ts drive inside a
// page (bundled by page-bundle.ts): the scanner's change queue and its hidden
// names, each on its own, without the scanner or the extension.
import { ChangeQueue } from '../../src/content/change-queue.ts';
import { HiddenNames } from '../../src/content/hidden-names.ts';

export { ChangeQueue, HiddenNames };

/** The coalescing delay the tests give the queue (the scanner's is 150 ms). */
export const TEST_DELAY_MS = 40;

/**
 * A change queue on `document` that counts how often it is due; attribute
 * changes are kept while `wants.attributes` is true.
 */
export function countingQueue(): {
  queue: ChangeQueue;
  due: () => number;
  wants: { attributes: boolean };
} {
  let due = 0;
  const wants = { attributes: false };
  const queue = new ChangeQueue(
    { onDue: () => due++, keepsAttributeChanges: () => wants.attributes },
    TEST_DELAY_MS,
  );
  queue.observe(document);
  return { queue, due: () => due, wants };
}

/** Hidden names that log each start and stop of the attribute watch. */
export function loggingHiddenNames(): { hidden: HiddenNames; watch: boolean[] } {
  const watch: boolean[] = [];
  return { hidden: new HiddenNames((on) => watch.push(on)), watch };
}

/** Waits for `ms` and for the observer's records to be delivered. */
export const after = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Names nodes for assertions: an element by its id, else by its node name. */
export const names = (nodes: readonly Node[]): string[] =>
  nodes.map((node) => (node instanceof Element && node.id ? node.id : node.nodeName)).sort();

/** The first text node under the element with this id. */
export function textIn(id: string): Text {
  const text = document.getElementById(id)?.firstChild;
  if (!(text instanceof Text)) throw new Error(`#${id} has no text`);
  return text;
}

export function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}
