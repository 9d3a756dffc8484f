/** The real services of the workspace and the report: the worker, the download bar, the clipboard, the address. */
import type { LogPortNotice } from '../../core/messages.ts';
import { exportedByField } from '../../core/export-identity.ts';
import { readEffectiveSettings } from '../../platform/effective-settings.ts';
import { uiLanguage } from '../../platform/i18n.ts';
import { connectLogPort } from './log-port.ts';
import { callWorker } from '../../platform/messaging.ts';
import { saveBlob } from '../download.ts';
import { pageLogReader } from './exchange/log-read.ts';
import type { WorkspaceServices } from './services.ts';

export function workerServices(): WorkspaceServices {
  const listeners = new Set<(notice: LogPortNotice) => void>();
  let disconnect: (() => void) | undefined;
  return {
    ask: callWorker,
    logReader: pageLogReader,
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
    saveFile: saveBlob,
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
    exportIdentity: async () => exportedByField(await readEffectiveSettings()),
    mark: (name, detail) => {
      performance.mark(name, detail === undefined ? undefined : { detail });
    },
  };
}
