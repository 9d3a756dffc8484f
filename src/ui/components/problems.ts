/**
 * Problems (core/problem.ts) as text in the user's language. Pure apart from
 * the translator it is handed, so that a unit test can render every code
 * from the locale files.
 */
import { PROBLEM_PARAMS, type Problem, type ProblemCode } from '../../core/problem.ts';
import type { MessageKey } from '../../platform/i18n.ts';

export const PROBLEM_TEXT: Record<ProblemCode, MessageKey> = {
  missing: 'problemMissing',
  'expected-string': 'problemExpectedString',
  'expected-boolean': 'problemExpectedBoolean',
  'expected-number': 'problemExpectedNumber',
  'expected-count': 'problemExpectedCount',
  'expected-list': 'problemExpectedList',
  'expected-object': 'problemExpectedObject',
  'expected-one-of': 'problemExpectedOneOf',
  'expected-time': 'problemExpectedTime',
  'expected-color': 'problemExpectedColor',
  'expected-term': 'problemExpectedTerm',
  'expected-nothing': 'problemExpectedNothing',
  empty: 'problemEmpty',
  'no-letters': 'problemNoLetters',
  'too-long': 'problemTooLong',
  'too-many': 'problemTooMany',
  'unknown-field': 'problemUnknownField',
  'not-a-site': 'problemNotASite',
  invalid: 'problemInvalid',
  'brand-unnamed': 'problemBrandUnnamed',
  'duplicate-id': 'problemDuplicateId',
  'empty-file': 'problemEmptyFile',
  'not-json': 'problemNotJson',
  'not-json-at': 'problemNotJsonAt',
  'not-an-export': 'problemNotAnExport',
  'foreign-format': 'problemForeignFormat',
  'unsupported-version': 'problemUnsupportedVersion',
  'not-a-profile': 'problemNotAProfile',
  'foreign-profile': 'problemForeignProfile',
  'file-too-large': 'problemFileTooLarge',
  'too-new': 'problemTooNew',
};

/** `t` from platform/i18n.ts, or a stand-in in tests. */
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

/** `brands[0].color: expected a colour such as #ffcc00`, or the bare text for the document as a whole. */
export function formatProblem(problem: Problem, translate: Translate): string {
  // A code from a newer worker than this page (an update mid-session) still reads as something.
  const code: ProblemCode = Object.hasOwn(PROBLEM_TEXT, problem.code) ? problem.code : 'invalid';
  const params = PROBLEM_PARAMS[code].map((name: string) => problem.params[name] ?? '');
  const text = translate(PROBLEM_TEXT[code], ...params);
  return problem.path ? `${problem.path}: ${text}` : text;
}
