/**
 * Run-time checks for the worker's messages. A message is data from another
 * context: the worker acts on nothing these checks have not passed, and only
 * on what they pass on (every schema is strict, so a field that a message does
 * not name is refused rather than carried into a stored record).
 */
import * as v from 'valibot';
import { MENTION_STATUSES, SENTIMENTS } from './mention.ts';
import { logSchemas } from './message-guards/log.ts';
import { isScalarSetting, type ScalarSetting } from './profile.ts';
import type { WorkerMessageName, WorkerProtocol } from './messages.ts';
import type { Problem } from './problem.ts';
import { coded, count, list, oneOf, strictObject, text, validate } from './schema.ts';

/** Titles, addresses, notes and snippets. */
export const MAX_TEXT = 200_000;
/** Ids, brand names, terms, tags, engines and queries. */
export const MAX_NAME = 10_000;
/** Entries of any list in a message. */
export const MAX_ITEMS = 10_000;
/** Records of each kind `log/recent` answers at most (the popup shows five). */
export const MAX_RECENT = 50;

const longText = text(MAX_TEXT);
const name = text(MAX_NAME);
const names = list(name, MAX_ITEMS);
const sentiment = oneOf(SENTIMENTS);
const termCounts = list(strictObject({ brand: name, term: name, count: count(0) }), MAX_ITEMS);
const searchContext = strictObject({
  engine: name,
  query: name,
  rank: v.optional(count(0)),
  page: v.optional(count(0)),
});
const scalarSetting = v.custom<ScalarSetting>(
  (x) => typeof x === 'string' && isScalarSetting(x),
  coded('expected-one-of', { allowed: 'a settings field' }),
);
const settingsOperation = v.variant(
  'op',
  [
    v.strictObject({ op: v.literal('set'), field: scalarSetting, value: v.unknown() }),
    v.strictObject({ op: v.literal('pause-site'), site: name }),
    v.strictObject({ op: v.literal('resume-site'), site: name }),
    v.strictObject({ op: v.literal('put-brand'), brand: v.unknown() }),
    v.strictObject({ op: v.literal('remove-brand'), id: name }),
  ],
  coded('expected-one-of', {
    allowed: '"set", "pause-site", "resume-site", "put-brand", "remove-brand"',
  }),
);
const nothing = v.custom<null>((x) => x === null || x === undefined, coded('expected-nothing'));

/**
 * One schema per message of the WorkerProtocol, for its arguments. (Made at
 * module level, unlike the other schemas: only the worker imports this module.)
 */
export const MESSAGE_SCHEMAS = {
  'page/report': strictObject({
    url: longText,
    title: longText,
    total: count(0),
    terms: termCounts,
    firstReport: v.boolean(),
    timeOrigin: v.pipe(v.number(), v.finite(coded('expected-number'))),
  }),
  'results/report': strictObject({
    results: list(
      strictObject({
        url: longText,
        title: longText,
        snippet: longText,
        kind: oneOf(['result', 'ad', 'competitor-ad'] as const),
        terms: termCounts,
        owners: v.optional(names),
        search: searchContext,
      }),
      MAX_ITEMS,
    ),
    timeOrigin: v.optional(v.pipe(v.number(), v.finite(coded('expected-number')))),
  }),
  'settings/get': nothing,
  // Each operation's value and brand are read forgivingly when it is applied.
  'settings/change': strictObject({ operations: list(settingsOperation, 1_000) }),
  'mention/add': strictObject({
    // Chosen by the page, so that a retried add finds the first one.
    id: v.optional(name),
    status: v.optional(oneOf(MENTION_STATUSES)),
    url: longText,
    title: longText,
    brands: names,
    terms: names,
    sentiment,
    tags: names,
    note: longText,
    snippet: longText,
    search: v.optional(searchContext),
  }),
  'mentions/logged-urls': strictObject({ urls: list(longText, MAX_ITEMS) }),
  'log/recent': strictObject({
    limit: v.pipe(count(1), v.maxValue(MAX_RECENT, coded('too-many', { max: MAX_RECENT }))),
  }),
  'log/clear': nothing,
  'log/counts': nothing,
  'log/delete-sightings': nothing,
  'data/erase': nothing,
  'sync/status': nothing,
  'sync/start': strictObject({ take: oneOf(['remote', 'local'] as const) }),
  ...logSchemas({ text: MAX_TEXT, name: MAX_NAME, items: MAX_ITEMS }, nothing),
} satisfies Record<WorkerMessageName, v.GenericSchema>;

/** A message type the worker answers (`__proto__` and `toString` are none). */
export const isWorkerMessageName = (type: string): type is WorkerMessageName =>
  Object.hasOwn(MESSAGE_SCHEMAS, type);

/**
 * The arguments as the handler may use them (only the fields the schema
 * names), or the first problem found: one reason is enough for a refusal,
 * and a hostile message may be huge.
 */
export function checkArguments<N extends WorkerMessageName>(
  type: N,
  args: unknown,
): { ok: true; value: WorkerProtocol[N]['args'] } | { ok: false; problem: Problem } {
  const result = validate(MESSAGE_SCHEMAS[type], args, '', true);
  if (result.ok) return { ok: true, value: result.value as WorkerProtocol[N]['args'] };
  return { ok: false, problem: result.problems[0] ?? { path: '', code: 'invalid', params: {} } };
}

/** Messages a content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<WorkerMessageName> = new Set([
  'page/report',
  'results/report',
  'settings/get',
  'mention/add',
  'mention/update',
  'mention/delete',
  // Which of its results are logged already: the badges say so.
  'mentions/logged-urls',
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
  const message = error instanceof Error ? error.message : String(error);
  // Firefox, once an origin is over its quota, refuses further writes at
  // once with an InvalidStateError of this text (Firefox ESR 153, tried
  // 2026-12-02, e2e/full-disk-firefox.spec.ts): the same full disk.
  if (message.includes('on a database that did not allow mutations')) return 'quota-exceeded';
  return message;
}

/**
 * Whether a failed `storage.local.set` failed for want of room. Chromium
 * rejects with a plain Error, "QUOTA_BYTES quota exceeded", once a store
 * without unlimitedStorage passes its 10 MB (tried 2026-12-02, Chromium 156;
 * https://developer.chrome.com/docs/extensions/reference/api/storage#property-local-QUOTA_BYTES);
 * Firefox's storage.local lives in IndexedDB and fails with its
 * QuotaExceededError; a disk that is full reports "No space left".
 */
export function isStorageFull(error: unknown): boolean {
  if (describeError(error) === 'quota-exceeded') return true;
  const message = error instanceof Error ? error.message : String(error);
  return /quota|no space left|disk (is )?full/i.test(message);
}
