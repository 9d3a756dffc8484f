/**
 * The runtime port an open workspace keeps to the worker: the worker tells it
 * when records change, and a ping every 20 s keeps the worker (and the
 * in-memory index of mentions it built) alive while the page is open; Chrome
 * 110+ extends a service worker's life on each extension message
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * When the worker stops anyway (DevTools, an update), the port disconnects
 * and is opened again.
 */
import browser from 'webextension-polyfill';
import { LOG_PORT, type LogPortNotice, type LogPortRequest } from '../../core/messages.ts';

const PING_MS = 20_000;

export function connectLogPort(onNotice: (notice: LogPortNotice) => void): () => void {
  let port: browser.Runtime.Port | undefined;
  let closed = false;
  const open = () => {
    if (closed) return;
    port = browser.runtime.connect({ name: LOG_PORT });
    port.onMessage.addListener((message: unknown) => onNotice(message as LogPortNotice));
    port.onDisconnect.addListener(() => {
      port = undefined;
      // Reconnecting wakes the worker again; a short pause keeps a failing worker from spinning.
      if (!closed) setTimeout(open, 1000);
    });
  };
  open();
  const ping: LogPortRequest = { type: 'ping' };
  const timer = setInterval(() => port?.postMessage(ping), PING_MS);
  return () => {
    closed = true;
    clearInterval(timer);
    port?.disconnect();
  };
}
