/**
 * Applies the sighting caps (core/sighting-caps.ts) to page reports. The
 * state of each tab lives in `storage.session`, not in a module variable, so
 * a worker that was stopped and started again still knows what each document
 * has added; it goes with the tab (forgetTab).
 */
import browser from 'webextension-polyfill';
import {
  admitPageSighting,
  emptyTab,
  type Admission,
  type TabSightings,
} from '../core/sighting-caps.ts';

const key = (tabId: number): string => `sightings:${tabId}`;

// Reports from a tab's frames arrive together: one read-modify-write at a time.
let queue: Promise<unknown> = Promise.resolve();

export function admitPageReport(
  origin: { tabId: number; frameId: number; timeOrigin: number },
  sightingKey: string,
  now = Date.now(),
): Promise<Admission> {
  const next = queue.then(async () => {
    const name = key(origin.tabId);
    const stored = (await browser.storage.session.get(name))[name] as TabSightings | undefined;
    const document = `${origin.frameId}/${origin.timeOrigin}`;
    const result = admitPageSighting(stored ?? emptyTab(), document, sightingKey, now);
    if (result.admission !== 'known') await browser.storage.session.set({ [name]: result.state });
    return result.admission;
  });
  queue = next.catch(() => undefined);
  return next;
}

export async function forgetTabSightings(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
