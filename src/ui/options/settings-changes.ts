/**
 * What Save sends: the operations that turn the settings the page loaded into
 * the draft, and nothing else (core/profile/operations.ts). A field, brand or
 * paused site the user did not touch is not sent, so what another page (a
 * popup pausing a site) changed since the page loaded stays as it is.
 */
import {
  readBrand,
  type ScalarSetting,
  type Settings,
  type SettingsOperation,
} from '../../core/profile.ts';
import { brandDocument, isBlank, toSettingsDocument, type OptionsDraft } from './draft.ts';

/** The single-value fields the options form edits. */
const FORM_FIELDS = [
  'highlightStyle',
  'paused',
  'mode',
  'retentionDays',
  'mentionRetentionDays',
  'exportedBy',
] as const satisfies readonly ScalarSetting[];

export function settingsChanges(loaded: Settings, draft: OptionsDraft): SettingsOperation[] {
  const doc = toSettingsDocument(draft);
  const operations: SettingsOperation[] = [];
  for (const field of FORM_FIELDS)
    if (doc[field] !== loaded[field]) operations.push({ op: 'set', field, value: doc[field] });

  const sites = doc.pausedSites as string[];
  for (const site of sites)
    if (!loaded.pausedSites.includes(site)) operations.push({ op: 'pause-site', site });
  for (const site of loaded.pausedSites)
    if (!sites.includes(site)) operations.push({ op: 'resume-site', site });

  const before = new Map(loaded.brands.map((brand) => [brand.id, brand]));
  const kept = new Set<string>();
  for (const card of draft.brands) {
    if (isBlank(card)) continue;
    const brand = brandDocument(card);
    const old = card.id ? before.get(card.id) : undefined;
    if (old) {
      kept.add(old.id);
      // Compared as the worker will store it, so an untouched card sends nothing.
      const stored = readBrand(brand, '', 0, []);
      if (JSON.stringify(stored) === JSON.stringify(old)) continue;
    }
    operations.push({ op: 'put-brand', brand });
  }
  for (const brand of loaded.brands)
    if (!kept.has(brand.id)) operations.push({ op: 'remove-brand', id: brand.id });
  return operations;
}
