// Reads an esbuild source map (version 3, "mappings" in Base64 VLQ) far
// enough to say which source file a position of the minified bundle came
// from. The page-load bench uses it to put each CPU-profile sample of the
// shipped (minified) content script into a phase by its source module.
//
// Format: https://tc39.es/source-map/ — each generated line is a list of
// segments separated by ",", lines by ";"; a segment is 1, 4 or 5 VLQ
// numbers: generated column, source index, original line, original column
// and name index, each relative to the previous segment's value.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** Decodes the VLQ numbers of one segment. */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`not a Base64 VLQ digit: ${char}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    // The lowest bit is the sign.
    values.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}

/** Per generated line: segment start columns (ascending) and the source index of each. */
interface Line {
  columns: number[];
  sources: number[];
}

export class SourceMap {
  private readonly lines: Line[] = [];

  constructor(
    /** The map's `sources`, as written (relative to the map). */
    readonly sources: readonly string[],
    mappings: string,
  ) {
    let source = 0;
    for (const text of mappings.split(';')) {
      const line: Line = { columns: [], sources: [] };
      let column = 0;
      for (const segment of text.split(',')) {
        if (!segment) continue;
        const [dColumn = 0, dSource] = decodeVlq(segment);
        column += dColumn;
        if (dSource === undefined) continue; // a segment that maps to nothing
        source += dSource;
        line.columns.push(column);
        line.sources.push(source);
      }
      this.lines.push(line);
    }
  }

  static parse(json: string): SourceMap {
    const raw = JSON.parse(json) as { version: number; sources: string[]; mappings: string };
    if (raw.version !== 3) throw new Error(`source map version ${raw.version}, not 3`);
    return new SourceMap(raw.sources, raw.mappings);
  }

  /** The source file of a 0-based generated line and column, or null where nothing maps. */
  sourceAt(line: number, column: number): string | null {
    const entry = this.lines[line];
    if (!entry || entry.columns.length === 0) return null;
    // The last segment that starts at or before `column`.
    let lo = 0;
    let hi = entry.columns.length - 1;
    if ((entry.columns[0] as number) > column) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((entry.columns[mid] as number) <= column) lo = mid;
      else hi = mid - 1;
    }
    return this.sources[entry.sources[lo] as number] ?? null;
  }
}
