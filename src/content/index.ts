/**
 * Content script entry: runs in every frame of every http(s) page. The top
 * frame starts at once (its styles go in before the first render); any
 * other frame once it is parsed and has text (first-text.ts): until then
 * nothing of Markenlotse is made in it.
 *
 * The rest is imported dynamically, which the build (esbuild, one IIFE per
 * context) turns into modules that are initialised only when imported: a
 * frame without text does not even evaluate them.
 */
import { documentParsed, whenTextArrives } from './first-text.ts';

function start(): void {
  import('./page-session.ts')
    .then(({ PageSession }) => new PageSession().start())
    .catch((error: unknown) => {
      // Never let our failure become the page's problem; say it quietly.
      console.debug('Markenlotse could not start on this page', error);
    });
}

if (window === window.top) start();
else
  void documentParsed(document)
    .then(() => whenTextArrives(document))
    .then(start);
