// The content script of the page-load mode's mark.js extension: mark.js 8
// (markjs-run.ts) over document.body, cold, at document_idle, with the terms
// of the count named in the page's address (`#terms=100`). mark.min.js and
// terms.js run before this one in the same isolated world.
import { markAll, type MarkConstructor } from './markjs-run.ts';

const world = globalThis as { __mlBenchTerms?: Record<string, string[]>; Mark?: MarkConstructor };
const terms = world.__mlBenchTerms?.[/terms=(\d+)/.exec(location.hash)?.[1] ?? ''];
if (terms && world.Mark && document.body) markAll(world.Mark, document.body, terms);
