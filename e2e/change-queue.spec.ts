/**
 * The scanner's change queue in a real page, on its own: what it notes of the
 * page's mutations, how it coalesces them, and what it leaves out (its own
 * painting, attribute changes nobody asked for).
 */
import { expect } from '@playwright/test';
import { testOnPage } from './support/scanner-parts.ts';

const PAGE = `<!doctype html><body>
<div id="a"><p id="a1">eins</p></div>
<div id="b"><p id="b1">zwei <b id="b2">fett</b></p></div>
<div id="c" class="zu"><p id="c1">drei</p></div>
</body>`;

const test = testOnPage(PAGE);

test('a burst of changes is due once, after the delay, with the blocks and subtrees it touched', async ({
  parts,
}) => {
  const outcome = await parts.evaluate(async (api) => {
    const { queue, due } = api.countingQueue();
    api.textIn('a1').data = 'EINS'; // text edited in place
    api.byId('b2').append(' und kursiv'); // a text node added inside an inline element
    const added = document.createElement('section');
    added.id = 'neu';
    added.innerHTML = '<p>neu</p>';
    api.byId('c').append(added); // a subtree added
    const inline = document.createElement('span');
    inline.id = 'neu-inline';
    api.byId('a1').append(inline); // an inline element: its block's own text changed too
    await api.after(0);
    const dueEarly = due();
    await api.after(api.TEST_DELAY_MS * 3);
    return {
      dueEarly,
      due: due(),
      pending: queue.pending,
      removals: queue.takeRemovals(),
      ...(() => {
        const { own, subtrees } = queue.takeBlocks();
        return { own: api.names(own), subtrees: api.names(subtrees) };
      })(),
      pendingAfter: queue.pending,
    };
  });
  expect(outcome).toEqual({
    dueEarly: 0,
    due: 1,
    pending: true,
    removals: false,
    own: ['a1', 'b1'],
    subtrees: ['neu', 'neu-inline'],
    pendingAfter: false,
  });
});

test('a removal is noted once, with the block it was removed from', async ({ parts }) => {
  const outcome = await parts.evaluate(async (api) => {
    const { queue } = api.countingQueue();
    api.byId('b2').remove();
    await api.after(api.TEST_DELAY_MS * 3);
    return {
      first: queue.takeRemovals(),
      second: queue.takeRemovals(),
      own: api.names(queue.takeBlocks().own),
    };
  });
  expect(outcome).toEqual({ first: true, second: false, own: ['b1'] });
});

test('while held nothing is due; released, what arrived meanwhile is due once', async ({
  parts,
}) => {
  const outcome = await parts.evaluate(async (api) => {
    const { queue, due } = api.countingQueue();
    queue.hold();
    api.textIn('a1').data = 'EINS';
    await api.after(api.TEST_DELAY_MS * 3);
    const whileHeld = due();
    queue.release();
    await api.after(api.TEST_DELAY_MS * 3);
    const released = due();
    // Released with nothing pending: nothing is due.
    queue.takeBlocks();
    queue.hold();
    queue.release();
    await api.after(api.TEST_DELAY_MS * 3);
    return { whileHeld, released, idle: due() };
  });
  expect(outcome).toEqual({ whileHeld: 0, released: 1, idle: 1 });
});

test('attribute changes count only while watched and wanted, and only those that can show text', async ({
  parts,
}) => {
  const outcome = await parts.evaluate(async (api) => {
    const { queue, wants } = api.countingQueue();
    const c = api.byId('c');
    c.className = 'auf'; // not watched
    await api.after(0);
    const unwatched = queue.pending;

    wants.attributes = true;
    queue.watchAttributes(true);
    c.dataset.state = 'x'; // not one of class, style, hidden, open
    await api.after(0);
    const otherAttribute = queue.pending;
    c.className = 'zu';
    c.setAttribute('hidden', '');
    await api.after(0);
    const targets = api.names(queue.takeAttributeTargets());

    wants.attributes = false; // nothing hidden any more: records are dropped
    c.removeAttribute('hidden');
    await api.after(0);
    return {
      unwatched,
      otherAttribute,
      targets,
      unwanted: queue.pending,
      watching: queue.watchesAttributes,
    };
  });
  expect(outcome).toEqual({
    unwatched: false,
    otherAttribute: false,
    targets: ['c'],
    unwanted: false,
    watching: true,
  });
});

test('switching the attribute watch on or off loses none of the records still pending', async ({
  parts,
}) => {
  const outcome = await parts.evaluate(async (api) => {
    const { queue, wants } = api.countingQueue();
    wants.attributes = true;
    // In one task: the page's change, then the switch (before the observer delivered it).
    api.textIn('a1').data = 'EINS';
    queue.watchAttributes(true);
    api.byId('c').className = 'auf';
    queue.watchAttributes(false);
    await api.after(api.TEST_DELAY_MS * 3);
    return {
      own: api.names(queue.takeBlocks().own),
      targets: api.names(queue.takeAttributeTargets()),
    };
  });
  expect(outcome).toEqual({ own: ['a1'], targets: ['c'] });
});

test('its own DOM changes (the <mark> painter) are left out, the page’s pending ones kept', async ({
  parts,
}) => {
  const outcome = await parts.evaluate(async (api) => {
    const { queue, due } = api.countingQueue();
    const pages = document.createElement('p');
    pages.id = 'vom-seitenskript';
    api.byId('a').append(pages); // the page's, not delivered yet
    queue.withoutOwnMutations(() => {
      const mark = document.createElement('mark');
      mark.id = 'unsere';
      api.byId('b').append(mark);
    });
    await api.after(api.TEST_DELAY_MS * 3);
    return { due: due(), subtrees: api.names(queue.takeBlocks().subtrees) };
  });
  expect(outcome).toEqual({ due: 1, subtrees: ['vom-seitenskript'] });
});

test('cleared, it observes nothing and forgets what it had', async ({ parts }) => {
  const outcome = await parts.evaluate(async (api) => {
    const { queue, due } = api.countingQueue();
    api.textIn('a1').data = 'EINS';
    await api.after(0);
    queue.clear();
    api.textIn('b1').data = 'ZWEI';
    await api.after(api.TEST_DELAY_MS * 3);
    return { due: due(), pending: queue.pending, observedAgain: queue.observe(document) };
  });
  expect(outcome).toEqual({ due: 0, pending: false, observedAgain: true });
});
