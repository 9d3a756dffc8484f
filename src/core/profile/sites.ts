/** Host names as the settings keep them, and the slugs brand ids are made of. */
import type { Settings } from './types.ts';

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "https://www.Example.com/x" or "www.example.com" -> "example.com"; "" if it is no host. */
export function normalizeSite(site: string): string {
  let host = site.trim().toLowerCase();
  try {
    if (host.includes('/'))
      host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
  } catch {
    return '';
  }
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

/** Is `hostname` one of `sites` or a subdomain of one? */
export function isSitePaused(settings: Settings, hostname: string): boolean {
  const host = normalizeSite(hostname);
  return settings.pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}
