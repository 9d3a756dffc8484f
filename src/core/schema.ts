/**
 * The one validation toolkit for data from outside the code: settings
 * documents, messages between contexts, import files.
 *
 * Schemas are valibot's (https://valibot.dev): small, tree-shaken to the
 * functions used, and free of `eval` and `new Function` (checked in its
 * source, 1.5.0), so they run under the extension pages' `script-src 'self'`.
 * This module adds what valibot leaves to its user:
 * - every issue becomes a {@link Problem} with a path and a code, never English text;
 * - schemas for the values the code base shares (counts, choices, bounded text);
 * - a forgiving reader for documents whose bad parts fall back one by one.
 */
import * as v from 'valibot';
import {
  isProblemCode,
  joinPath,
  problem,
  PROBLEM_PARAMS,
  shown,
  type Problem,
  type ProblemCode,
  type ProblemParams,
} from './problem.ts';

/** A plain object: not null, not a list (valibot's `object` lets lists through). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The message valibot carries for an issue: its code, and its parameters as
 * JSON after a space. `problemsOf` reads it back; valibot's own messages
 * (English) never reach a user.
 */
export function coded(code: ProblemCode, params?: ProblemParams): string {
  return params ? `${code} ${JSON.stringify(params)}` : code;
}

function decode(message: string): [ProblemCode, ProblemParams] | null {
  const space = message.indexOf(' ');
  const code = space < 0 ? message : message.slice(0, space);
  if (!isProblemCode(code)) return null;
  return [code, space < 0 ? {} : (JSON.parse(message.slice(space + 1)) as ProblemParams)];
}

/** Code and parameters for an issue of a schema that did not name its own. */
function codeOf(issue: v.BaseIssue<unknown>): [ProblemCode, ProblemParams] {
  const own = decode(issue.message);
  if (own) return own;
  const objectType = /object$/.test(issue.type);
  if (objectType && issue.expected === 'never') return ['unknown-field', {}];
  if (issue.kind === 'schema' && (issue.input === undefined || issue.input === null))
    return ['missing', {}];
  if (objectType) return ['expected-object', {}];
  switch (issue.type) {
    case 'string':
      return ['expected-string', {}];
    case 'boolean':
      return ['expected-boolean', {}];
    case 'number':
      return ['expected-number', {}];
    case 'array':
      return ['expected-list', {}];
    case 'picklist':
    case 'literal':
    case 'union':
      return ['expected-one-of', { allowed: (issue.expected ?? '').replace(/^\(|\)$/g, '') }];
    default:
      return ['invalid', {}];
  }
}

/** valibot's issues as problems under `base`; one problem per path (the first). */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[], base = ''): Problem[] {
  const byPath = new Map<string, Problem>();
  for (const issue of issues) {
    let path = base;
    for (const item of issue.path ?? []) {
      path = joinPath(path, typeof item.key === 'number' ? item.key : String(item.key));
    }
    if (byPath.has(path)) continue;
    const [code, params] = codeOf(issue);
    const wanted: readonly string[] = PROBLEM_PARAMS[code];
    byPath.set(
      path,
      problem(
        path,
        code,
        wanted.includes('found') && !('found' in params)
          ? { ...params, found: shown(issue.input) }
          : params,
      ),
    );
  }
  return [...byPath.values()];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * Checks `value` against `schema`. `firstOnly` stops at the first problem:
 * for messages, where one reason is enough and a hostile one may be huge.
 */
export function validate<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  base = '',
  firstOnly = false,
): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, firstOnly ? { abortEarly: true } : undefined);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, problems: problemsOf(result.issues, base) };
}

// --- Shared schemas --------------------------------------------------------------
// Modules build their schemas inside a function, on first use, not at module
// level: esbuild (0.28) does not see valibot's side-effect-free marks across
// files, so schemas made at module level would stay in every bundle that
// imports the module for something else (the popup imports the settings for
// `normalizeSite`).

/** A plain object (the guard valibot's object schemas need before them). */
export function record() {
  return v.custom<Record<string, unknown>>(isRecord, coded('expected-object'));
}

/** An object of these fields; others are ignored and left out of the output. */
export function object<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(record(), v.object(entries));
}

/** An object of exactly these fields: any other is a problem (`unknown-field`). */
export function strictObject<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(record(), v.strictObject(entries));
}

/** Text of at most `max` characters. */
export function text(max: number) {
  return v.pipe(v.string(), v.maxLength(max, coded('too-long', { max })));
}

/** A whole number of at least `min`. */
export function count(min: number) {
  return v.custom<number>(
    (x) => typeof x === 'number' && Number.isInteger(x) && x >= min,
    coded('expected-count', { min }),
  );
}

/** One of `options` (a list of strings, as the domain's `SENTIMENTS` are). */
export function oneOf<T extends string>(options: readonly T[]) {
  return v.custom<T>(
    (x) => typeof x === 'string' && (options as readonly string[]).includes(x),
    coded('expected-one-of', { allowed: options.map((o) => `"${o}"`).join(', ') }),
  );
}

/** A list of at most `max` items. */
export function list<S extends v.GenericSchema>(item: S, max: number) {
  return v.pipe(v.array(item), v.maxLength(max, coded('too-many', { max })));
}

// --- Forgiving documents ------------------------------------------------------------

type Fields<E extends Record<string, v.GenericSchema>> = {
  [K in keyof E]?: v.InferOutput<E[K]>;
};

/**
 * Reads each field of `record` with its own schema. A field that is absent is
 * left out; one that is bad is reported under `base` and left out too, so
 * that the caller's default stands for it and the other fields still count.
 */
export function readFields<E extends Record<string, v.GenericSchema>>(
  record: Record<string, unknown>,
  entries: E,
  base: string,
  problems: Problem[],
): Fields<E> {
  const out: Fields<E> = {};
  for (const key of Object.keys(entries) as (keyof E & string)[]) {
    const value = record[key];
    if (value === undefined) continue;
    const result = validate(entries[key]!, value, joinPath(base, key));
    if (result.ok) out[key] = result.value;
    else problems.push(...result.problems);
  }
  return out;
}

/**
 * The items of a list that `readItem` can use; the others are dropped (and
 * reported by `readItem`). Undefined when the field is absent, or is not a
 * list (reported).
 */
export function readList<T>(
  value: unknown,
  path: string,
  problems: Problem[],
  readItem: (item: unknown, path: string, index: number) => T | undefined,
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push(problem(path, 'expected-list'));
    return undefined;
  }
  const out: T[] = [];
  (value as unknown[]).forEach((item, index) => {
    const read = readItem(item, joinPath(path, index), index);
    if (read !== undefined) out.push(read);
  });
  return out;
}
