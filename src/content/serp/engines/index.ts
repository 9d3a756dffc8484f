import type { EngineDef } from '../types.ts';
import { bing } from './bing.ts';
import { duckduckgo } from './duckduckgo.ts';
import { ecosia } from './ecosia.ts';
import { google } from './google.ts';
import { qwant } from './qwant.ts';
import { startpage } from './startpage.ts';
import { urlOnlyEngines } from './url-only.ts';

/** Every engine, in the order their URL patterns are tried. */
export const ENGINES: readonly EngineDef[] = [
  google,
  bing,
  duckduckgo,
  ecosia,
  startpage,
  qwant,
  urlOnlyEngines,
];
