/**
 * Reads a JSON export as it streams in, without ever holding the file as one
 * string: text goes in piece by piece (split anywhere, even inside a string
 * or an escape), and out come the document's top-level fields (`format`,
 * `version`, `exportedAt`) and each record of its `mentions` and
 * `sightings`, parsed, with its index in the file. A file that is not JSON
 * stops the reader with one problem that says where (line and column), in
 * the codes the pages translate (core/problem.ts).
 *
 * The reader checks the document's frame (an object of keys and values) as
 * it goes; each value's own text is checked by JSON.parse, and a fault
 * inside it is placed by jsonErrorOffset, counted from where the value
 * starts in the file.
 */
import { jsonErrorOffset, lineAndColumn } from './exchange/json-error.ts';
import { problem, type Problem } from './problem.ts';

export type RecordList = 'mentions' | 'sightings';

export type ReaderEvent =
  | { type: 'field'; name: 'format' | 'version' | 'exportedAt'; value: unknown }
  | { type: 'record'; list: RecordList; index: number; value: unknown }
  /** `mentions` or `sightings` is there but not a list. */
  | { type: 'not-a-list'; list: RecordList }
  /** The file cannot be read on; nothing comes after this. */
  | { type: 'problem'; problem: Problem };

type HeaderField = 'format' | 'version' | 'exportedAt';
const HEADER_FIELDS: readonly string[] = ['format', 'version', 'exportedAt'];

/** What may come next in the document's frame. */
type Expect =
  | 'document'
  | 'first-key' // after `{`: a key or `}`
  | 'key'
  | 'colon'
  | 'value'
  | 'first-value' // after a list's `[`: a record or `]`
  | 'comma'
  | 'end';

interface Capture {
  /** The value's text up to the piece being read. */
  text: string;
  kind: 'nested' | 'string' | 'scalar';
  /** Bracket depth inside a nested value. */
  depth: number;
  /** Where it starts in the file (1-based). */
  line: number;
  column: number;
  list: RecordList | null;
  key: string;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
/** A number, true, false or null can begin with these. */
const isScalarStart = (c: number) =>
  c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110;

/** Where a number, true, false or null ends. */
const SCALAR_END = /[\s,\]}]/g;

export class ExportReader {
  private expect: Expect = 'document';
  /** 1 inside the document's object, 2 inside one of its lists. */
  private level = 0;
  private key = '';
  /** The text of a key being read. */
  private keyText: string | null = null;
  private list: RecordList | null = null;
  private readonly counts: Record<RecordList, number> = { mentions: 0, sightings: 0 };
  private capture: Capture | null = null;
  private inString = false;
  private escaped = false;
  /** Offset in the file of the piece being read, of the character being read, and of its line's start. */
  private offset = 0;
  private at = 0;
  private line = 1;
  private lineStart = 0;
  private started = false;
  private failed = false;
  private events: ReaderEvent[] = [];

  /** Feeds the next piece of the file; returns what it completed. */
  push(text: string): ReaderEvent[] {
    this.events = [];
    const n = text.length;
    let i = 0;
    // A byte order mark is not part of the document.
    if (this.offset === 0 && text.charCodeAt(0) === 0xfeff) {
      i = 1;
      this.lineStart = 1;
    }
    let from = this.capture ? i : -1;
    while (i < n && !this.failed) {
      const c = this.capture;
      if (!c) {
        this.at = this.offset + i;
        this.frame(text, i, text.charCodeAt(i));
        this.lines(text, i, i + 1);
        i++;
        if (this.capture) from = i - 1;
        continue;
      }
      if (c.kind === 'scalar') {
        SCALAR_END.lastIndex = i;
        const end = SCALAR_END.exec(text)?.index ?? n;
        i = end;
        if (end < n) {
          c.text += text.slice(from, end);
          from = -1;
          this.finish(c); // the delimiter is read again, by the frame
        }
        continue;
      }
      // A tight loop: most of a file is records, and this is where its time goes.
      let { line, lineStart, inString, escaped } = this;
      let depth = c.depth;
      let done = false;
      for (; i < n; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 10) {
          line++;
          lineStart = this.offset + i + 1;
        } else if (inString) {
          if (escaped) escaped = false;
          else if (ch === 92) escaped = true;
          else if (ch === 34) {
            inString = false;
            if (c.kind === 'string') done = true;
          }
        } else if (ch === 34) inString = true;
        else if (ch === 123 || ch === 91) depth++;
        else if (ch === 125 || ch === 93) done = --depth === 0;
        if (done) {
          i++;
          break;
        }
      }
      Object.assign(this, { line, lineStart, inString, escaped });
      c.depth = depth;
      if (done) {
        c.text += text.slice(from, i);
        from = -1;
        this.finish(c);
      }
    }
    if (this.capture && from >= 0) this.capture.text += text.slice(from);
    this.offset += n;
    return this.events;
  }

  /** The file has ended. */
  end(): ReaderEvent[] {
    this.events = [];
    if (this.failed) return this.events;
    this.at = this.offset;
    if (this.capture?.kind === 'scalar') this.finish(this.capture);
    if (this.failed) return this.events;
    if (!this.started) this.fail(problem('', 'empty-file'));
    else if (this.expect !== 'end') this.failHere();
    return this.events;
  }

  /** Counts the line breaks in text[from, to). */
  private lines(text: string, from: number, to: number): void {
    for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) {
      this.line++;
      this.lineStart = this.offset + k + 1;
    }
  }

  /** One character of the document's frame (outside any value). */
  private frame(text: string, i: number, ch: number): void {
    if (this.keyText !== null) {
      this.keyText += text[i];
      if (this.escaped) this.escaped = false;
      else if (ch === 92) this.escaped = true;
      else if (ch === 34) {
        try {
          this.key = JSON.parse(this.keyText) as string;
        } catch {
          this.failHere();
          return;
        }
        this.keyText = null;
        this.expect = 'colon';
      } else if (ch < 0x20) this.failHere();
      return;
    }
    if (isSpace(ch)) return;
    this.started = true;
    switch (this.expect) {
      case 'document':
        if (ch === 123) {
          this.level = 1;
          this.expect = 'first-key';
        } else if (ch === 91 || ch === 34 || isScalarStart(ch)) {
          // JSON perhaps, but not an export.
          this.fail(problem('', 'not-an-export'));
        } else this.failHere();
        return;
      case 'first-key':
      case 'key':
        if (ch === 34) {
          this.keyText = '"';
          this.escaped = false;
        } else if (ch === 125 && this.expect === 'first-key') this.close();
        else this.failHere();
        return;
      case 'colon':
        if (ch === 58) this.expect = 'value';
        else this.failHere();
        return;
      case 'first-value':
        if (ch === 93) this.closeList();
        else this.startValue(ch);
        return;
      case 'value':
        this.startValue(ch);
        return;
      case 'comma':
        if (ch === 44) this.expect = this.level === 2 ? 'value' : 'key';
        else if (this.level === 2 && ch === 93) this.closeList();
        else if (this.level === 1 && ch === 125) this.close();
        else this.failHere();
        return;
      case 'end':
        this.failHere();
    }
  }

  private close(): void {
    this.level = 0;
    this.expect = 'end';
  }

  private closeList(): void {
    this.level = 1;
    this.list = null;
    this.expect = 'comma';
  }

  /** A value begins with `ch` (read by the frame; its scan goes on from the next character). */
  private startValue(ch: number): void {
    if (this.level === 1 && (this.key === 'mentions' || this.key === 'sightings') && ch === 91) {
      this.level = 2;
      this.list = this.key;
      this.expect = 'first-value';
      return;
    }
    const kind = ch === 123 || ch === 91 ? 'nested' : ch === 34 ? 'string' : 'scalar';
    if (kind === 'scalar' && !isScalarStart(ch)) {
      this.failHere();
      return;
    }
    this.capture = {
      text: '',
      kind,
      depth: kind === 'nested' ? 1 : 0,
      line: this.line,
      column: this.at - this.lineStart + 1,
      list: this.level === 2 ? this.list : null,
      key: this.key,
    };
    this.inString = kind === 'string';
    this.escaped = false;
  }

  private finish(c: Capture): void {
    this.capture = null;
    this.inString = false;
    this.expect = 'comma';
    let value: unknown;
    try {
      value = JSON.parse(c.text);
    } catch {
      const offset = Math.max(0, jsonErrorOffset(c.text));
      const at = lineAndColumn(c.text, offset);
      this.fail(
        problem('', 'not-json-at', {
          line: c.line + at.line - 1,
          column: at.line === 1 ? c.column + at.column - 1 : at.column,
        }),
      );
      return;
    }
    if (c.list) {
      this.events.push({ type: 'record', list: c.list, index: this.counts[c.list]++, value });
    } else if (c.key === 'mentions' || c.key === 'sightings') {
      this.events.push({ type: 'not-a-list', list: c.key });
    } else if (HEADER_FIELDS.includes(c.key)) {
      this.events.push({ type: 'field', name: c.key as HeaderField, value });
    }
  }

  private failHere(): void {
    this.fail(
      problem('', 'not-json-at', { line: this.line, column: this.at - this.lineStart + 1 }),
    );
  }

  private fail(p: Problem): void {
    this.failed = true;
    this.capture = null;
    this.events.push({ type: 'problem', problem: p });
  }
}
