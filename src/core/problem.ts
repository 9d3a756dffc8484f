/**
 * What is wrong with a piece of data from outside (a settings document, an
 * import file, a message), said as a code with parameters rather than as
 * text: the pages turn codes into sentences in the user's language
 * (ui/components/problems.ts, src/_locales), and tests compare codes.
 */

/**
 * Every problem code with the names of its parameters, in the order of the
 * message's placeholders ($1, $2, …). A unit test holds the locale files to
 * this list.
 */
export const PROBLEM_PARAMS = {
  // A field or value of the wrong kind.
  missing: [],
  'expected-string': [],
  'expected-boolean': [],
  'expected-number': [],
  'expected-count': ['min'],
  'expected-list': [],
  'expected-object': [],
  'expected-one-of': ['allowed', 'found'],
  'expected-time': ['found'],
  'expected-color': [],
  'expected-term': [],
  'expected-nothing': [],
  empty: [],
  'no-letters': [],
  'too-long': ['max'],
  'too-many': ['max'],
  'unknown-field': [],
  'not-a-site': [],
  invalid: [],
  // Settings.
  'brand-unnamed': [],
  // Import files.
  'duplicate-id': ['first', 'kept'],
  'empty-file': [],
  'not-json': [],
  'not-json-at': ['line', 'column'],
  'not-an-export': [],
  'foreign-format': ['found'],
  'unsupported-version': ['found', 'supported'],
  // Brand profile files (core/profile-file.ts).
  'not-a-profile': [],
  'foreign-profile': ['found'],
  /** A file larger than an import takes; `max` in MB. */
  'file-too-large': ['max'],
  // Versioned documents (settings, import files) written by a newer Markenlotse.
  'too-new': ['version', 'supported'],
} as const satisfies Record<string, readonly string[]>;

export type ProblemCode = keyof typeof PROBLEM_PARAMS;

export type ProblemParams = Readonly<Record<string, string | number>>;

/** Something in a document that was not taken over as it stood. */
export interface Problem {
  /** Where: `brands[0].color`, `mentions[3].url`; `""` for the document as a whole. */
  path: string;
  code: ProblemCode;
  /** Named after PROBLEM_PARAMS[code]. */
  params: ProblemParams;
}

export function problem(path: string, code: ProblemCode, params: ProblemParams = {}): Problem {
  return { path, code, params };
}

export const isProblemCode = (value: string): value is ProblemCode =>
  Object.hasOwn(PROBLEM_PARAMS, value);

/** `brands` + 0 -> `brands[0]`; `brands[0]` + `color` -> `brands[0].color`; `""` + `id` -> `id`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/**
 * A value as a problem's `found` parameter: JSON, cut short. Never throws:
 * a list nested thousands of levels deep overflows the stack in
 * JSON.stringify and in String() alike (issue 10: a settings document or an
 * import file with one made normalizeSettings and parseImport throw).
 */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    try {
      text = String(value);
    } catch {
      text = Array.isArray(value) ? '[…]' : '{…}';
    }
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
