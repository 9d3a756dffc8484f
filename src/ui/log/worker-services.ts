/** The real services of the workspace and the report: the worker, the download bar, the clipboard, the address. */
import type { LogPortNotice } from '../../core/messages.ts';
import { uiLanguage } from '../../platform/i18n.ts';
import { connectLogPort } from '../../platform/log-port.ts';
import { callWorker } from '../../platform/messaging.ts';
import type { WorkspaceServices } from './services.ts';

export function workerServices(): WorkspaceServices {
  const listeners = new Set<(notice: LogPortNotice) => void>();
  let disconnect: (() => void) | undefined;
  return {
    ask: callWorker,
    listen: (listener) => {
      listeners.add(listener);
      disconnect ??= connectLogPort((notice) => listeners.forEach((l) => l(notice)));
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          disconnect?.();
          disconnect = undefined;
        }
      };
    },
    saveFile: (file, name) => {
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoke later: revoking right after click() cancels the download in Firefox
      // (https://bugzilla.mozilla.org/show_bug.cgi?id=1282407).
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    copyText: (text) => navigator.clipboard.writeText(text),
    readAddress: () => location.search,
    writeAddress: (search) => {
      const url = `${location.pathname}${search}${location.hash}`;
      if (url !== `${location.pathname}${location.search}${location.hash}`)
        history.replaceState(null, '', url);
    },
    openPage: (path) => void window.open(path, '_blank', 'noopener'),
    print: () => window.print(),
    language: uiLanguage(),
    timeZone: undefined,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    mark: (name, detail) => {
      performance.mark(name, detail === undefined ? undefined : { detail });
    },
  };
}
