/**
 * Generated log data for the log bench: deterministic (a seeded generator),
 * shaped like a team's real log (a few own brands and competitors, German
 * titles with umlauts, tags, notes, search sources, sightings on many sites).
 */
import {
  emptySite,
  storedSighting,
  updateSite,
  type SiteRecord,
  type StoredSighting,
} from '../../src/core/log-records.ts';
import { queryKey } from '../../src/core/log-query.ts';
import {
  MENTION_STATUSES,
  SENTIMENTS,
  SIGHTING_KINDS,
  type Mention,
  type Sighting,
} from '../../src/core/mention.ts';

/** mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BRANDS = [
  { name: 'Müller Werkzeugbau', role: 'own' },
  { name: 'RoboDrill', role: 'own' },
  { name: 'ACME', role: 'own' },
  { name: 'Konkurrenz AG', role: 'competitor' },
  { name: 'Bohrfix', role: 'competitor' },
  { name: 'Schraub & Söhne', role: 'competitor' },
] as const;

const WORDS = (
  'Bohrmaschine Lieferung Qualität Preis Händler Messe Rückruf Garantie Werkstatt Kunde Straße ' +
  'Test Bewertung Angebot Service Ersatzteil Akku Motor Präzision Fräse Drehbank Industrie ' +
  'Mittelstand Export Fabrik Auftrag Umsatz Erfolg Problem Lösung Innovation Nachhaltigkeit ' +
  'Ausschreibung Großhandel Zulieferer Stahl Aluminium Werkzeug Schlüssel Sicherheit Prüfung'
).split(' ');
const TAGS = [
  'Presse',
  'Messe',
  'Kunde',
  'Preis',
  'Beschwerde',
  'Lob',
  'Blog',
  'Forum',
  'Video',
  'Händler',
  'Social',
  'Test',
  'Wettbewerb',
  'Dringend',
  'Intern',
];
const ENGINES = ['google', 'bing', 'duckduckgo', 'ecosia', 'startpage', 'qwant'];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const words = (r: () => number, n: number) =>
  Array.from({ length: n }, () => pick(r, WORDS)).join(' ');

export const siteName = (i: number) => `site-${i}.example.de`;
const YEAR = 365 * 86_400_000;
const END = Date.UTC(2026, 11, 1);

export function queries(count: number): string[] {
  const r = random(7);
  return Array.from(
    { length: count },
    (_, i) => `${pick(r, BRANDS).name.toLowerCase()} ${words(r, 1 + (i % 2))}`,
  );
}

export function mention(i: number, r: () => number, queryList: readonly string[]): Mention {
  const brand = pick(r, BRANDS).name;
  const created = END - Math.floor(r() * YEAR);
  const updated = created + Math.floor(r() * 86_400_000 * 10);
  const site = siteName(Math.floor(r() * r() * 5_000));
  const m: Mention = {
    id: `bench-${String(i).padStart(7, '0')}`,
    url: `https://${site}/artikel/${i}-${words(r, 2).toLowerCase().replace(/\s/g, '-')}`,
    title: `${brand}: ${words(r, 6)}`,
    brands: r() < 0.2 ? [brand, pick(r, BRANDS).name] : [brand],
    terms: [brand],
    sentiment: pick(r, SENTIMENTS),
    status: pick(r, MENTION_STATUSES),
    tags: Array.from(new Set(Array.from({ length: Math.floor(r() * 3) }, () => pick(r, TAGS)))),
    note: r() < 0.4 ? words(r, 8) : '',
    snippet: `… ${words(r, 12)} ${brand} ${words(r, 14)} …`,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
  };
  if (r() < 0.5)
    m.search = {
      engine: pick(r, ENGINES),
      query: pick(r, queryList),
      rank: 1 + Math.floor(r() * 30),
      page: 1,
    };
  return m;
}

export function sighting(i: number, r: () => number, queryList: readonly string[]): StoredSighting {
  const kind = r() < 0.7 ? 'page' : pick(r, SIGHTING_KINDS);
  const site = siteName(Math.floor(r() * 20_000));
  const brand = pick(r, BRANDS).name;
  const last = END - Math.floor(r() * YEAR);
  const first = last - Math.floor(r() * YEAR * 0.3);
  const url = `https://${site}/seite/${i}`;
  const hits = 1 + Math.floor(r() * 9);
  const s: Sighting = {
    key: `${kind} ${url}`,
    kind,
    url,
    title: `${words(r, 5)} ${brand}`,
    terms: [{ brand, term: brand, count: hits }],
    hits,
    firstSeen: new Date(first).toISOString(),
    lastSeen: new Date(last).toISOString(),
    visits: 1 + Math.floor(r() * r() * 40),
  };
  if (kind !== 'page')
    s.search = {
      engine: pick(r, ENGINES),
      query: pick(r, queryList),
      rank: 1 + Math.floor(r() * 20),
      page: 1,
    };
  return storedSighting(s);
}

/** Adds a sighting to the per-site totals being built. */
export function addToSites(sites: Map<string, SiteRecord>, s: StoredSighting): void {
  sites.set(s.site, updateSite(sites.get(s.site) ?? emptySite(s.site), undefined, s));
}

export interface GeneratedVisit {
  id: string;
  time: string;
  engine: string;
  query: string;
  queryKey: string;
  page: number;
  results: { url: string; kind: Sighting['kind']; rank: number; brands: Record<string, number> }[];
}

export function visit(i: number, r: () => number, queryList: readonly string[]): GeneratedVisit {
  const query = queryList[i % queryList.length]!;
  const time = END - Math.floor(r() * YEAR);
  const results = Array.from({ length: 8 }, (_, rank): GeneratedVisit['results'][number] => {
    const brand = pick(r, BRANDS).name;
    return {
      url: `https://${siteName(Math.floor(r() * 2_000))}/r/${rank}`,
      kind: r() < 0.8 ? 'result' : 'ad',
      rank: rank + 1,
      brands: { [brand]: 1 + Math.floor(r() * 3) },
    };
  });
  return {
    id: `bench-visit-${i}`,
    time: new Date(time).toISOString(),
    engine: pick(r, ENGINES),
    query,
    queryKey: queryKey(query),
    page: 1,
    results,
  };
}
