/**
 * Whose is a search ad, and whose site does a result lie on? An ad on a
 * search for the company's own name that points somewhere else is someone
 * else bidding on the brand.
 */
import { fold } from './fold.ts';
import type { Brand } from './profile.ts';
import { normalizeSite } from './profile.ts';

/**
 * The ways a name can be spelled in a host name, folded as the matcher folds
 * (fold.ts): with umlauts by the phone-book rule and stripped (DIN 5007-2 and
 * -1), letters and digits only: "Müller Werke" -> "muellerwerke", "mullerwerke".
 */
export function hostSpellings(name: string): string[] {
  const compact = (folded: string): string => folded.replace(/[^a-z0-9]/g, '');
  return [...new Set([compact(fold(name, 'din2')), compact(fold(name, 'din1'))])].filter(
    (s) => s.length >= 3,
  );
}

function hostOf(url: string): string {
  try {
    return normalizeSite(new URL(url).hostname);
  } catch {
    return '';
  }
}

/**
 * Is `url` on one of the brand's own sites? The sites the user listed decide;
 * without a list, a host that spells one of the brand's terms counts as its own
 * ("mueller-werkzeugbau.de" for "Müller Werkzeugbau").
 */
export function isOwnSite(url: string, brand: Pick<Brand, 'sites' | 'terms'>): boolean {
  const host = hostOf(url);
  if (!host) return false;
  if (brand.sites.length)
    return brand.sites.some((site) => host === site || host.endsWith(`.${site}`));
  const labels = host.replace(/\.[a-z]+$/, '').replace(/[^a-z0-9]/g, '');
  return brand.terms.some((term) =>
    hostSpellings(term.text).some((spelling) => labels.includes(spelling)),
  );
}

/** What a results page's reader needs to know of a brand to judge an ad. */
export type AdJudgedBrand = Pick<Brand, 'name' | 'role' | 'sites' | 'terms'>;

/**
 * Is a search ad one "by someone else on your name"? Only on a search for
 * an own brand (the company or its products), and only when the ad leads
 * to none of the own brands searched for. On a search for a competitor
 * alone its ads are plain ads: resellers and the competitor itself bidding
 * on the competitor's name is no concern of ours (they count for share of
 * voice instead).
 *
 * `searched`: the brands whose names the query holds.
 */
export function isAdByOther(adUrl: string, searched: readonly AdJudgedBrand[]): boolean {
  const own = searched.filter((brand) => brand.role === 'own');
  return own.length > 0 && own.every((brand) => !isOwnSite(adUrl, brand));
}

/** The brands on whose own sites `url` lies (their names, in the order given). */
export function siteOwners(url: string, brands: readonly AdJudgedBrand[]): string[] {
  return brands.filter((brand) => isOwnSite(url, brand)).map((brand) => brand.name);
}
