/** Keyboard shortcuts: jump to the next or previous hit in the active tab. */
import browser from 'webextension-polyfill';
import { callTab } from '../platform/messaging.ts';

export async function onCommand(command: string): Promise<void> {
  const step = command === 'next-hit' ? 1 : command === 'previous-hit' ? -1 : 0;
  if (step === 0) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  // The content script keeps its own cursor; a tab without one (a browser
  // page, a tab opened before the extension was installed) does not answer.
  await callTab(tab.id, 'content/step', { step }).catch(() => undefined);
}
