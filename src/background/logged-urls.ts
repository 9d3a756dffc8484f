/**
 * Which of a results page's addresses are logged already, so that the popup
 * marks them (and offers no second "Log"). Compared by canonical URL, as
 * mentions are stored.
 */
import { canonicalUrl } from '../core/mention.ts';
import { db } from './log-db.ts';

/** The addresses of `urls` (as given) that a mention has. */
export async function loggedUrls(urls: readonly string[]): Promise<string[]> {
  const wanted = new Map<string, string[]>();
  for (const url of urls) {
    const key = canonicalUrl(url);
    wanted.set(key, [...(wanted.get(key) ?? []), url]);
  }
  const found = new Set<string>();
  if (wanted.size > 0) {
    const store = (await db()).transaction('mentions').store;
    // An index on the address, where the log has one, answers each address
    // at once; without it one pass over the mentions, stopped once all are found.
    if (store.indexNames.contains('url' as never)) {
      const byUrl = store.index('url' as never);
      for (const key of wanted.keys())
        if ((await byUrl.getKey(key as never)) !== undefined) found.add(key);
    } else {
      for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
        if (wanted.has(cursor.value.url)) found.add(cursor.value.url);
        if (found.size === wanted.size) break;
      }
    }
  }
  return urls.filter((url) => found.has(canonicalUrl(url)));
}
