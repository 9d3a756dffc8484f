/**
 * The port an open workspace keeps to the worker (LOG_PORT). Its pings keep
 * the worker, and with it the mention index, alive while the workspace is
 * open (Chrome 110+ extends a worker's life on every extension message:
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle#idle-shutdown).
 * The worker tells the ports when records changed, so every open workspace
 * asks its lists again.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { LOG_PORT, type LogPortNotice } from '../core/messages.ts';
import { onStoresChanged } from './log-changes.ts';

const ports = new Set<Runtime.Port>();
/** Changes within this time are told once (a results page reports in bursts). */
const COALESCE_MS = 250;
let waiting: Set<'mentions' | 'sightings'> | undefined;

export function tellPorts(notice: LogPortNotice): void {
  for (const port of ports) {
    try {
      port.postMessage(notice);
    } catch {
      ports.delete(port);
    }
  }
}

onStoresChanged((stores) => {
  if (ports.size === 0) return;
  if (waiting) {
    for (const s of stores) waiting.add(s);
    return;
  }
  waiting = new Set(stores);
  setTimeout(() => {
    const changed = [...(waiting ?? [])];
    waiting = undefined;
    tellPorts({ type: 'changed', stores: changed });
  }, COALESCE_MS);
});

/** Registered at start-up with the other listeners (a worker woken by a connect must hear it). */
export function listenForLogPorts(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== LOG_PORT) return;
    // Only the extension's own pages (not its content scripts).
    const own = browser.runtime.getURL('');
    if (port.sender?.id !== browser.runtime.id || !port.sender.url?.startsWith(own))
      return port.disconnect();
    ports.add(port);
    port.onMessage.addListener(() => undefined);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
}
