/**
 * How many page sightings a page may make. A document (one load of a page in
 * a frame) that rewrites its address and title as it runs (a single-page app,
 * a slideshow, an ad frame) would otherwise add a sighting for every address:
 * 50 frames doing so every 200 ms gave 495 sightings in 10 s (issue 10).
 *
 * So a sighting's identity is its address, but a document adds at most
 * MAX_PER_DOCUMENT of them (its first addresses), and a tab at most
 * MAX_PER_TAB_PER_MINUTE new ones in any minute; past either cap a report
 * refreshes nothing. Reports of an address the document already has go on
 * updating it. Pure; the worker keeps the state in storage.session.
 */

export const MAX_PER_DOCUMENT = 3;
export const MAX_PER_TAB_PER_MINUTE = 10;
/** Documents remembered per tab (the oldest are forgotten first). */
export const DOCUMENTS_PER_TAB = 50;
const MINUTE = 60_000;

export interface TabSightings {
  /** Sighting keys made by each document (`frameId/timeOrigin`), oldest document first. */
  documents: Record<string, string[]>;
  /** When the tab's recent new sightings were made (ms). */
  recent: number[];
}

export const emptyTab = (): TabSightings => ({ documents: {}, recent: [] });

export type Admission = 'known' | 'new' | 'capped';

export function admitPageSighting(
  state: TabSightings,
  document: string,
  key: string,
  now: number,
): { admission: Admission; state: TabSightings } {
  const keys = state.documents[document] ?? [];
  if (keys.includes(key)) return { admission: 'known', state };
  const recent = state.recent.filter((t) => now - t < MINUTE && t <= now);
  if (keys.length >= MAX_PER_DOCUMENT || recent.length >= MAX_PER_TAB_PER_MINUTE)
    return { admission: 'capped', state: { ...state, recent } };
  const documents = { ...state.documents };
  delete documents[document];
  documents[document] = [...keys, key];
  const names = Object.keys(documents);
  for (const old of names.slice(0, Math.max(0, names.length - DOCUMENTS_PER_TAB)))
    delete documents[old];
  return { admission: 'new', state: { documents, recent: [...recent, now] } };
}
