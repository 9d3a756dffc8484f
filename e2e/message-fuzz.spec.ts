/**
 * The worker takes nothing it has not checked, from the content script's
 * world either (issue 10, "Messages"): 10,000 random messages from the
 * isolated world of the extension's content script on a web page, reached
 * through the DevTools protocol (the execution context Chromium names after
 * the extension, with its origin), and 10,000 from an extension page at the
 * same time. Each is refused exactly as the guards of
 * src/core/message-guards.ts say, the same worker answers afterwards, and
 * nothing it stores changes. Chromium alone: Firefox exposes no content-script
 * world to its remote protocol (the story e2e/stories/message-fuzz.spec.ts
 * sends the extension page's share there). Replay a failure with
 * MARKENLOTSE_FUZZ_SEED=<seed>.
 */
import type { CDPSession } from '@playwright/test';
import { sendEachMessage } from './support/in-page.ts';
import {
  expectRefusedAsPredicted,
  expectUntouched,
  prepareFuzzTarget,
} from './support/fuzz-target.ts';
import { fuzzBatch, fuzzSeed, LONG_STRING, type FuzzBatch } from './support/message-fuzz.ts';
import { DEMO_PAGE_TOTAL, DEMO_SETTINGS, expect, paintedCount, test } from './support/chromium.ts';

// Playwright's trace recorder would keep every message.
test.use({ trace: 'off' });

interface ExecutionContext {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/** The content script's isolated world in the page's top frame. */
async function contentScriptWorld(cdp: CDPSession, extensionOrigin: string): Promise<number> {
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) =>
    contexts.push(context),
  );
  // Enabling reports every context that exists already.
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string } };
  };
  const world = contexts.find(
    (c) =>
      c.origin === extensionOrigin &&
      c.auxData?.type === 'isolated' &&
      c.auxData.frameId === frameTree.frame.id,
  );
  if (!world) throw new Error(`no content-script world among ${JSON.stringify(contexts)}`);
  return world.id;
}

async function sendFromContentScript(
  cdp: CDPSession,
  contextId: number,
  batch: FuzzBatch,
): Promise<string[]> {
  const outcomes: string[] = [];
  for (let at = 0; at < batch.cases.length; at += 500) {
    const arg = {
      messages: batch.cases.slice(at, at + 500).map((c) => c.json),
      lanes: 8,
      longString: LONG_STRING,
    };
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId,
      expression: `(${sendEachMessage.toString()})(${JSON.stringify(arg)})`,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: string[] }; exceptionDetails?: unknown };
    if (!result.value)
      throw new Error(`the content-script world failed: ${JSON.stringify(exceptionDetails)}`);
    outcomes.push(...result.value);
  }
  return outcomes;
}

test('10,000 malformed messages from the content script’s world and 10,000 from an extension page: each refused, the same worker answers afterwards, nothing stored changes', async ({
  driver,
  context,
  server,
}) => {
  test.setTimeout(300_000);
  await driver.writeSettings(DEMO_SETTINGS);
  const url = server.url('results.html');
  const page = await driver.openWebPage(url);
  await expect.poll(() => paintedCount(page)).toBe(DEMO_PAGE_TOTAL);
  const tabId = await driver.tabIdOf(page);
  const target = await prepareFuzzTarget(driver, { tabId, url });
  const workerStarted = await driver.worker.evaluate(() => performance.timeOrigin);

  const cdp = await context.newCDPSession(page.page);
  const world = await contentScriptWorld(cdp, driver.extensionUrl('').replace(/\/$/, ''));
  const seed = fuzzSeed(20);
  const fromContent = fuzzBatch(seed, 'content-script', 10_000);
  const fromPage = fuzzBatch(seed + 1, 'extension-page', 10_000);
  const [contentOutcomes, pageOutcomes] = await Promise.all([
    sendFromContentScript(cdp, world, fromContent),
    driver.sendRawMessages(
      fromPage.cases.map((c) => c.json),
      LONG_STRING,
    ),
  ]);
  for (const [batch, outcomes] of [
    [fromContent, contentOutcomes],
    [fromPage, pageOutcomes],
  ] as const) {
    expectRefusedAsPredicted(batch, outcomes);
  }

  await expectUntouched(driver, target);
  // The same worker, not one started again after a crash.
  expect(driver.currentWorker()).toBe(driver.worker);
  expect(await driver.worker.evaluate(() => performance.timeOrigin)).toBe(workerStarted);
  // The content script still works: it answers, and its page is painted as before.
  expect((await driver.contentState(tabId)).total).toBe(DEMO_PAGE_TOTAL);
  expect(await paintedCount(page)).toBe(DEMO_PAGE_TOTAL);
  expect(page.errors).toEqual([]);
});
