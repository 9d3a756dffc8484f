/** Short context around a hit, for the popup and for logged mentions. */

const BLOCK_BREAK = /[\u2029\n\r\t\u00a0\u2009\u202f\s]+/g;

/** Collapses white space (and block separators) to single spaces. */
export function tidy(text: string): string {
  return text.replace(BLOCK_BREAK, ' ');
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/**
 * The hit with up to `radius` characters on each side, cut at word
 * boundaries where possible and marked with an ellipsis where cut.
 */
export function snippetAround(text: string, start: number, end: number, radius = 60): Snippet {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  const before = tidy(text.slice(from, start)).trimStart();
  const after = tidy(text.slice(end, to)).trimEnd();
  return {
    before: (from > 0 ? '… ' : '') + before,
    match: tidy(text.slice(start, end)),
    after: after + (to < text.length ? ' …' : ''),
  };
}

export function snippetText(snippet: Snippet): string {
  return `${snippet.before}${snippet.match}${snippet.after}`;
}
