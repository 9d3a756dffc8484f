// The content script of the page-load mode's floor extension: the floor
// pass (floor.ts) over document.body, cold, at document_idle, with the terms
// of the count named in the page's address (`#terms=100`). The terms come
// from terms.js, a content script the bench writes before this one in the
// same isolated world.
import { floorPass, floorRegex } from './floor.ts';

const sets = (globalThis as { __mlBenchTerms?: Record<string, string[]> }).__mlBenchTerms;
const terms = sets?.[/terms=(\d+)/.exec(location.hash)?.[1] ?? ''];
if (terms && document.body) floorPass(document.body, floorRegex(terms));
