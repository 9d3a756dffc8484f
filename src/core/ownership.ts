/**
 * Whose is a search ad? An ad on a search for the company's own name that
 * points somewhere else is a competitor bidding on the brand.
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
