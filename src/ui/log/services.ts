/**
 * What the workspace and the report need from the world outside their
 * components: the worker (by the protocol's messages), its notices, files,
 * the clipboard, the address bar, the clock. Components take these from
 * {@link useServices} and never call an extension or browser API themselves,
 * so tests and previews hand them stand-ins (Hypothesis's `withServices`).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LogPortNotice, WorkerProtocol } from '../../core/messages.ts';
import type { LogReader } from './exchange/log-read.ts';

export type Ask = <N extends keyof WorkerProtocol>(
  type: N,
  args: WorkerProtocol[N]['args'],
) => Promise<WorkerProtocol[N]['reply']>;

export interface WorkspaceServices {
  /** Asks the worker; rejects with a WorkerError (platform/messaging.ts) on refusal. */
  ask: Ask;
  /**
   * A fresh read-only reader of the log's stores, for an export of everything
   * (exchange/log-read.ts); undefined: the worker sends every chunk.
   */
  logReader: () => LogReader | undefined;
  /** Notices from the worker (records changed, import progress); returns the unsubscribe. */
  listen: (listener: (notice: LogPortNotice) => void) => () => void;
  /** Saves a file through the browser's download bar. */
  saveFile: (file: Blob, name: string) => void;
  copyText: (text: string) => Promise<void>;
  /** The address's search part (`?brand=ACME`), and replacing it without a reload. */
  readAddress: () => string;
  writeAddress: (search: string) => void;
  /** Opens another extension page in a new tab (the report). */
  openPage: (path: string) => void;
  /** The browser's print dialog (the report: print or save as PDF). */
  print: () => void;
  /** The UI language (`de`, `en-US`), for dates, numbers and the CSV dialect. */
  language: string;
  /** The local time zone, for the files' local times (the runtime's when undefined). */
  timeZone: string | undefined;
  now: () => number;
  /** A fresh id for a record the page creates (a promoted sighting), so a retry adds nothing twice. */
  newId: () => string;
  /** The export's "exported by" field: the name the user chose in the options, or none. */
  exportIdentity: () => Promise<{ exportedBy?: string }>;
  /** A performance mark the benchmark reads (`markenlotse:first-rows`). */
  mark: (name: string, detail?: unknown) => void;
}

export const ServicesContext = createContext<WorkspaceServices | null>(null);

export function useServices(): WorkspaceServices {
  const services = useContext(ServicesContext);
  if (!services)
    throw new Error('WorkspaceServices missing: render inside <ServicesContext.Provider>.');
  return services;
}
