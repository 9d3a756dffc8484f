/** Content script entry: runs in every frame of every http(s) page. */
import { PageSession } from './page-session.ts';

void new PageSession().start().catch((error: unknown) => {
  // Never let our failure become the page's problem; say it quietly.
  console.debug('Markenlotse could not start on this page', error);
});
