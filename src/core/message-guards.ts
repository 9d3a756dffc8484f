/**
 * Run-time shape checks for the worker's messages. A message is data from
 * another context: the worker acts on nothing these checks have not passed.
 * Each check returns null when the argument is fine, or what is wrong.
 */
import { SENTIMENTS } from './mention.ts';
import type { WorkerMessageName } from './messages.ts';

type Check = (args: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const MAX_TEXT = 200_000;

function fields(
  spec: Record<string, (v: unknown) => boolean>,
  optional: Record<string, (v: unknown) => boolean> = {},
): Check {
  return (args) => {
    if (!isObject(args)) return 'arguments must be an object';
    for (const [name, ok] of Object.entries(spec))
      if (!ok(args[name])) return `"${name}" is missing or of the wrong type`;
    for (const [name, ok] of Object.entries(optional))
      if (args[name] !== undefined && !ok(args[name])) return `"${name}" is of the wrong type`;
    return null;
  };
}

const shortString = (v: unknown): boolean => isString(v) && v.length <= MAX_TEXT;
const count = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const termCounts = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.every((t) => isObject(t) && isString(t.brand) && isString(t.term) && count(t.count));
const sentiment = (v: unknown): boolean => SENTIMENTS.includes(v as never);
const searchContext = (v: unknown): boolean =>
  isObject(v) &&
  isString(v.engine) &&
  isString(v.query) &&
  (v.rank === undefined || count(v.rank)) &&
  (v.page === undefined || count(v.page));
const nothing: Check = (args) =>
  args === null || args === undefined ? null : 'expects no arguments';

const resultReport = fields({
  url: shortString,
  title: shortString,
  snippet: shortString,
  kind: (v) => v === 'result' || v === 'ad' || v === 'competitor-ad',
  terms: termCounts,
  search: searchContext,
});

export const argumentChecks: Record<WorkerMessageName, Check> = {
  'page/report': fields({
    url: shortString,
    title: shortString,
    total: count,
    terms: termCounts,
    firstReport: (v) => typeof v === 'boolean',
    timeOrigin: (v) => typeof v === 'number' && Number.isFinite(v),
  }),
  'results/report': (args) => {
    if (!isObject(args) || !Array.isArray(args.results)) return '"results" must be a list';
    for (const r of args.results) {
      const problem = resultReport(r);
      if (problem) return problem;
    }
    return null;
  },
  'settings/get': nothing,
  'settings/save': (args) =>
    isObject(args) && 'settings' in args ? null : '"settings" is missing',
  'mention/add': fields(
    {
      url: shortString,
      title: shortString,
      brands: isStringArray,
      terms: isStringArray,
      sentiment,
      tags: isStringArray,
      note: shortString,
      snippet: shortString,
    },
    { search: searchContext },
  ),
  'mention/update': fields({ id: isString }, { sentiment, tags: isStringArray, note: shortString }),
  'mention/delete': fields({ id: isString }),
  'log/get': fields({}, { limit: count }),
  'log/import': fields({ text: (v) => isString(v) && v.length <= 50_000_000 }),
  'log/clear': nothing,
};

/** Messages a content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<WorkerMessageName> = new Set([
  'page/report',
  'results/report',
  'settings/get',
  'mention/add',
  'mention/update',
  'mention/delete',
]);

/** What the worker knows of a message's sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Who may send what: the extension's own pages anything, its content scripts
 * (in tabs) a few things, nobody else anything. Null when the sender may.
 */
export function senderProblem(
  type: WorkerMessageName,
  sender: SenderInfo,
  self: { id: string; origin: string },
): string | null {
  if (sender.id !== self.id) return 'message from another extension';
  if (sender.url?.startsWith(self.origin) === true) return null;
  if (sender.tab && CONTENT_SCRIPT_MESSAGES.has(type)) return null;
  return `"${type}" is not accepted from a content script`;
}

/**
 * The error a reply carries. A full disk (IndexedDB's QuotaExceededError,
 * also when wrapped by the transaction's abort) becomes the code
 * "quota-exceeded", which the pages turn into a message a user can act on.
 */
export function describeError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.name : '';
  if (name === 'QuotaExceededError' || cause === 'QuotaExceededError') return 'quota-exceeded';
  return error instanceof Error ? error.message : String(error);
}
