/**
 * What Chromium's network stack did, from its own log (`--log-net-log=<file>`,
 * written when the browser closes): every URL request of every process, the
 * extension's service worker included, with the origin that started it.
 * https://www.chromium.org/developers/design-documents/network-stack/netlog/
 */
import { readFile } from 'node:fs/promises';

export interface NetRequest {
  url: string;
  /** The origin that asked for it; "not an origin" for the browser itself (navigations, its own services). */
  initiator: string;
  /** "main frame", "sub frame" or "other". */
  requestType: string;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: Record<string, unknown> }[];
}

/** The requests of a net log: one per URL_REQUEST_START_JOB event (redirects start a job each). */
export async function readNetLog(file: string): Promise<NetRequest[]> {
  const log = JSON.parse(await readFile(file, 'utf8')) as NetLog;
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === startJob && typeof e.params?.url === 'string')
    .map(({ params = {} }) => ({
      url: String(params.url),
      initiator: typeof params.initiator === 'string' ? params.initiator : 'not an origin',
      requestType: typeof params.request_type === 'string' ? params.request_type : '',
    }));
}

/**
 * The requests the extension is answerable for: those its own origin started
 * (pages, worker), those the web pages' origins started (content scripts run
 * with the page's origin, so a page's own loads count too), and every
 * navigation (a tab the extension opened). What remains is the browser's own
 * traffic (component and safe-browsing updates), started by no origin.
 */
export function requestsOfConcern(requests: readonly NetRequest[]): NetRequest[] {
  return requests.filter((r) => r.initiator !== 'not an origin' || /frame/.test(r.requestType));
}
