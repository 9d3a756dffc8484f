/** The one rule for "is this an export this code reads": its `format` and `version` fields. */
import { problem, shown, type Problem } from '../problem.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, OLDEST_EXPORT_VERSION } from './format.ts';

/** Null when a file with these fields can be read; else why not (absent fields are `undefined`). */
export function exportHeaderProblem(format: unknown, version: unknown): Problem | null {
  if (format === undefined) return problem('', 'not-an-export');
  if (format !== EXPORT_FORMAT)
    return problem('format', 'foreign-format', { found: shown(format) });
  if (version === undefined) return problem('version', 'missing');
  if (typeof version === 'number' && version > EXPORT_VERSION)
    return problem('version', 'too-new', { version, supported: EXPORT_VERSION });
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_EXPORT_VERSION)
    return problem('version', 'unsupported-version', {
      found: shown(version),
      supported: EXPORT_VERSION,
    });
  return null;
}
