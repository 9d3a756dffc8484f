/**
 * The one place that sends protocol messages, typed at both ends. Used by the
 * content script and the pages; the worker answers in background/router.ts.
 */
import type { ContentProtocol, Reply, WorkerErrorCode, WorkerProtocol } from '../core/messages.ts';
import type { Problem } from '../core/problem.ts';
import { extensionApi } from './extension-api.ts';

/** A refusal or failure the other side replied with: a code (see WorkerErrorCode) or a message. */
export class WorkerError extends Error {
  constructor(
    readonly code: WorkerErrorCode | (string & {}),
    /** For `invalid-message`: what was wrong with the arguments. */
    readonly problem?: Problem,
  ) {
    super(code);
    this.name = 'WorkerError';
  }
}

function unwrap<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object') throw new WorkerError('no-answer');
  if (!r.ok) throw new WorkerError(r.error, r.problem);
  return r.value;
}

/** Asks the service worker; throws a WorkerError with its message on failure. */
export async function callWorker<N extends keyof WorkerProtocol>(
  type: N,
  args: WorkerProtocol[N]['args'],
): Promise<WorkerProtocol[N]['reply']> {
  return unwrap(await extensionApi().runtime.sendMessage({ type, args }));
}

/** Asks the content script of a tab's top frame. */
export async function callTab<N extends keyof ContentProtocol>(
  tabId: number,
  type: N,
  args: ContentProtocol[N]['args'],
): Promise<ContentProtocol[N]['reply']> {
  return unwrap(await extensionApi().tabs.sendMessage(tabId, { type, args }, { frameId: 0 }));
}
