/**
 * The scanner's hidden names in a real page, on their own: which text counts
 * as not shown, which attribute change shows it again, and when the
 * attribute watch starts and stops.
 */
import { expect } from '@playwright/test';
import { testOnPage } from './support/scanner-parts.ts';

const PAGE = `<!doctype html><body>
<details id="faq"><summary>Mehr</summary><p id="answer">ACME liefert.</p></details>
<p id="line">Lieferant: <span id="name" hidden>ACME</span></p>
<div id="tab" style="display:none"><p id="panel">ACME im Reiter</p></div>
<p id="plain">ACME sichtbar</p>
<p id="elsewhere">Anderes</p>
</body>`;

const test = testOnPage(PAGE);

test('text in a closed <details>, under display:none or [hidden] is not shown; the rest is', async ({
  parts,
}) => {
  const shown = await parts.evaluate((api) => {
    const { hidden } = api.loggingHiddenNames();
    return ['answer', 'name', 'panel', 'plain'].map((id) => hidden.isShown(api.textIn(id)));
  });
  expect(shown).toEqual([false, false, false, true]);
});

test('noting a hidden name starts the attribute watch; settled with none left, it stops', async ({
  parts,
}) => {
  const outcome = await parts.evaluate((api) => {
    const { hidden, watch } = api.loggingHiddenNames();
    const answer = api.byId('answer');
    hidden.note(answer, [answer]);
    hidden.settle(); // a name is still hidden: the watch goes on
    const whileHidden = [...watch];
    hidden.forget(answer); // its block was scanned again
    const anyAfterForget = hidden.any;
    hidden.settle();
    return { whileHidden, anyAfterForget, watch };
  });
  expect(outcome).toEqual({
    whileHidden: [true],
    anyAfterForget: false,
    watch: [true, false],
  });
});

test('an accordion opened, a span unhidden, a tab shown: each shows its block again', async ({
  parts,
}) => {
  const outcome = await parts.evaluate((api) => {
    const { hidden } = api.loggingHiddenNames();
    const answer = api.byId('answer');
    const line = api.byId('line');
    const name = api.byId('name');
    const panel = api.byId('panel');
    const tab = api.byId('tab');
    const faq = api.byId('faq');
    hidden.note(answer, [answer]);
    hidden.note(line, [name]);
    hidden.note(panel, [panel]);
    const before = api.names(hidden.shownBy([faq, name, tab]));

    faq.setAttribute('open', ''); // around the block
    name.hidden = false; // inside the block
    tab.style.display = 'block';
    // Cached until the page may have changed what is shown.
    const cached = api.names(hidden.shownBy([faq, name, tab]));
    hidden.forgetVisibility();
    const shown = api.names(hidden.shownBy([faq, name, tab]));
    return { before, cached, shown };
  });
  expect(outcome).toEqual({ before: [], cached: [], shown: ['answer', 'line', 'panel'] });
});

test('a change elsewhere, or one that leaves the name hidden, shows nothing', async ({ parts }) => {
  const shown = await parts.evaluate((api) => {
    const { hidden } = api.loggingHiddenNames();
    const faq = api.byId('faq');
    const answer = api.byId('answer');
    hidden.note(answer, [answer]);
    faq.className = 'anders'; // still closed
    api.byId('elsewhere').hidden = true;
    hidden.forgetVisibility();
    return api.names(hidden.shownBy([faq, api.byId('elsewhere')]));
  });
  expect(shown).toEqual([]);
});

test('blocks the page removed are forgotten', async ({ parts }) => {
  const outcome = await parts.evaluate((api) => {
    const { hidden } = api.loggingHiddenNames();
    const answer = api.byId('answer');
    const panel = api.byId('panel');
    hidden.note(answer, [answer]);
    hidden.note(panel, [panel]);
    api.byId('faq').remove();
    hidden.forgetRemoved();
    const left = hidden.any;
    // Shown-again detection forgets removed blocks too.
    api.byId('tab').remove();
    const shown = api.names(hidden.shownBy([document.body]));
    return { left, shown, any: hidden.any };
  });
  expect(outcome).toEqual({ left: true, shown: [], any: false });
});
