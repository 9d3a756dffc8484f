/**
 * The browser's own promise-based extension API: `chrome.*` in Chromium
 * (Manifest V3 returns promises), `browser.*` in Firefox. The content script
 * and the shared layers use only this; webextension-polyfill cost 3–5 ms of
 * set-up in every frame of every page load (issue 15) and stays where it
 * helps (the worker, the pages).
 *
 * Typed here with just what Markenlotse calls, so both browsers' objects fit.
 */

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

interface Event<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

type MessageListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (reply: unknown) => void,
) => boolean | undefined;

export interface ExtensionApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Event<MessageListener>;
  };
  tabs: {
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  storage: {
    local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
    onChanged: Event<(changes: Record<string, StorageChange>, area: string) => void>;
  };
  i18n: {
    getMessage(key: string, substitutions?: string[]): string;
    getUILanguage(): string;
  };
}

let api: ExtensionApi | undefined;

/** The extension API of the browser this bundle was built for. */
export function extensionApi(): ExtensionApi {
  if (api) return api;
  const world = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const found = __BROWSER__ === 'firefox' ? world.browser : world.chrome;
  if (!found) throw new Error('no extension API in this context');
  api = found;
  return found;
}

/**
 * Answers runtime messages with `answer`, which returns the reply's promise
 * or undefined for a message it does not take (then another listener may).
 * Through `sendResponse` and `return true`, which both browsers honour and
 * Chrome documents for replies that come later
 * (https://developer.chrome.com/docs/extensions/develop/concepts/messaging#simple),
 * rather than a returned promise, which older Chrome versions ignore.
 */
export function onRuntimeMessage(answer: (message: unknown) => Promise<unknown> | undefined): void {
  extensionApi().runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const reply = answer(message);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
}
