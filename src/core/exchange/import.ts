/** Reading an export file back: JSON, validated record by record; never throws. */
import type { Mention, Sighting } from '../mention.ts';
import { joinPath, problem, type Problem } from '../problem.ts';
import { isRecord } from '../schema.ts';
import { exportHeaderProblem } from './header.ts';
import { parseJsonFile } from './json-error.ts';
import { compareTimes, mergeSightings } from './merge.ts';
import { readMention, readSighting } from './records.ts';

export { normaliseIsoTime } from './iso-time.ts';

/** Something in an import file that was not taken over (path `""`: the file as a whole). */
export type ImportProblem = Problem;

export interface ImportResult {
  mentions: Mention[];
  sightings: Sighting[];
  problems: Problem[];
}

/**
 * Reads a JSON export. Never throws: a file that is not an export gives one
 * problem and nothing else; a record with a bad field is skipped with a
 * problem per bad field, and the valid records are kept. Optional fields get
 * defaults; timestamps are normalised to UTC (`toISOString()`).
 */
export function parseImport(text: string): ImportResult {
  const result: ImportResult = { mentions: [], sightings: [], problems: [] };
  const refuse = (refusal: Problem) => {
    result.problems.push(refusal);
    return result;
  };

  const parsed = parseJsonFile(text);
  if (!parsed.ok) return refuse(parsed.problem);
  const doc = parsed.doc;
  if (!isRecord(doc)) return refuse(problem('', 'not-an-export'));
  const refusal = exportHeaderProblem(doc.format, doc.version);
  if (refusal) return refuse(refusal);

  const byId = new Map<string, { mention: Mention; path: string }>();
  for (const [path, value] of listAt(doc, 'mentions', true, result.problems)) {
    const mention = readMention(value, path, result.problems);
    if (!mention) continue;
    const earlier = byId.get(mention.id);
    if (!earlier) {
      byId.set(mention.id, { mention, path });
      continue;
    }
    const keepNew = compareTimes(mention.updatedAt, earlier.mention.updatedAt) > 0;
    result.problems.push(
      problem(joinPath(path, 'id'), 'duplicate-id', {
        first: earlier.path,
        kept: keepNew ? path : earlier.path,
      }),
    );
    if (keepNew) byId.set(mention.id, { mention, path });
  }
  result.mentions = [...byId.values()].map((entry) => entry.mention);

  const sightings: Sighting[] = [];
  for (const [path, value] of listAt(doc, 'sightings', false, result.problems)) {
    const sighting = readSighting(value, path, result.problems);
    if (sighting) sightings.push(sighting);
  }
  // Two records of one page in one file are folded as a merge would fold them.
  result.sightings = mergeSightings([], sightings);
  return result;
}

function* listAt(
  doc: Record<string, unknown>,
  field: 'mentions' | 'sightings',
  required: boolean,
  problems: Problem[],
): Generator<[string, unknown]> {
  const list = doc[field];
  if (list === undefined && !required) return;
  if (!Array.isArray(list)) {
    problems.push(problem(field, list === undefined ? 'missing' : 'expected-list'));
    return;
  }
  for (const [index, value] of (list as unknown[]).entries()) yield [joinPath(field, index), value];
}
