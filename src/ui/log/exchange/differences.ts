/** What differs between the stored version of a mention and the file's, field by field, for the import preview. */
import type { Mention } from '../../../core/mention.ts';

export type DifferingField =
  | 'sentiment'
  | 'status'
  | 'tags'
  | 'note'
  | 'title'
  | 'url'
  | 'snippet'
  | 'brands'
  | 'terms'
  | 'search'
  | 'createdAt';

const list = (values: readonly string[]) => values.join('\n');
const search = (m: Mention) =>
  m.search
    ? [m.search.engine, m.search.query, m.search.rank ?? '', m.search.page ?? ''].join('\n')
    : '';

const FIELDS: Record<DifferingField, (m: Mention) => string> = {
  sentiment: (m) => m.sentiment,
  status: (m) => m.status,
  tags: (m) => list(m.tags),
  note: (m) => m.note,
  title: (m) => m.title,
  url: (m) => m.url,
  snippet: (m) => m.snippet,
  brands: (m) => list(m.brands),
  terms: (m) => list(m.terms),
  search,
  createdAt: (m) => String(Date.parse(m.createdAt)),
};

/** The fields the user sees differ, in the order they matter to them (the judgement first). */
export function differingFields(mine: Mention, theirs: Mention): DifferingField[] {
  return (Object.keys(FIELDS) as DifferingField[]).filter(
    (field) => FIELDS[field](mine) !== FIELDS[field](theirs),
  );
}
