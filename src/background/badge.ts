/**
 * The toolbar badge: the number of hits in a tab, summed over its frames.
 *
 * Per-frame counts live in `storage.session`, not in a module variable, so a
 * worker that Chrome stopped and restarted still knows them.
 */
import browser from 'webextension-polyfill';

import type { PageReport } from '../core/messages.ts';

/** Hits per frame id, with the time its document started. */
type FrameCounts = Record<string, { total: number; timeOrigin: number }>;

const key = (tabId: number): string => `tab:${tabId}`;

// Reports from several frames arrive together; apply them one after another
// so no read-modify-write of a tab's counts is lost.
let queue: Promise<unknown> = Promise.resolve();

export function updateBadge(
  tabId: number,
  frameId: number,
  report: Pick<PageReport, 'total' | 'timeOrigin'>,
): Promise<string> {
  const next = queue.then(async () => {
    const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as
      FrameCounts | undefined;
    let counts: FrameCounts = { ...stored };
    const top = counts['0'];
    if (frameId === 0 && (!top || top.timeOrigin !== report.timeOrigin)) {
      // A new page in the tab: drop frames of the old page, keep those of the new
      // one that happened to report before the top frame did.
      counts = Object.fromEntries(
        Object.entries(counts).filter(([, c]) => c.timeOrigin >= report.timeOrigin),
      );
    }
    counts[String(frameId)] = { total: report.total, timeOrigin: report.timeOrigin };
    await browser.storage.session.set({ [key(tabId)]: counts });
    const sum = Object.values(counts).reduce((a, c) => a + c.total, 0);
    const text = badgeText(sum);
    await browser.action.setBadgeText({ tabId, text });
    return text;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** "" for none, the number up to 999, then "999+". */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

export async function initBadgeStyle(): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: '#1f3a5f' });
  // Chrome draws badge text white, Firefox picks black or white for contrast
  // (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/action/getBadgeTextColor):
  // white on our blue either way, set so that it does not hang on that rule.
  // Optional: Chrome has had setBadgeTextColor only since 110
  // (https://github.com/w3c/webextensions/issues/216; "@since Chrome 110" in @types/chrome).
  await browser.action.setBadgeTextColor?.({ color: '#ffffff' });
}
