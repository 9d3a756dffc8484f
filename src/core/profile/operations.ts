/**
 * Small changes to the stored settings, applied by the worker one after the
 * other on the document as it is at that moment. Pages send what the user
 * changed ("pause this site", "this brand now reads so"), never the whole
 * document: two popups pausing two sites at once keep both, and an options
 * page saved after a popup paused a site keeps the pause (issue 10, lost
 * updates). Each operation is checked on its own; one that cannot be used is
 * reported and changes nothing.
 */
import { joinPath, problem, type Problem } from '../problem.ts';
import type { ManagedState } from '../policy/effective.ts';
import { checkScalarSetting, readBrand, uniqueId, type ScalarSetting } from './normalize.ts';
import { normalizeSite, slug } from './sites.ts';
import type { Settings } from './types.ts';

export type SettingsOperation =
  /** One field of a single value (`mode`, `retentionDays`, `paused`, …). */
  | { op: 'set'; field: ScalarSetting; value: unknown }
  | { op: 'pause-site'; site: string }
  | { op: 'resume-site'; site: string }
  /** Adds a brand, or replaces the one with the same `id`; without an id, a new one is made from the name. */
  | { op: 'put-brand'; brand: unknown }
  | { op: 'remove-brand'; id: string };

export type SettingsOperationName = SettingsOperation['op'];

export interface AppliedOperations {
  settings: Settings;
  /** Operations (by index, `operations[2].brand.color`) that were not applied as sent. */
  problems: Problem[];
  /** Something changed (nothing to write otherwise). */
  changed: boolean;
}

/** Applies `operations` in order to a copy of `settings`. Pure; never throws. */
export function applyOperations(
  settings: Settings,
  operations: readonly SettingsOperation[],
): AppliedOperations {
  const next: Settings = structuredClone(settings);
  const problems: Problem[] = [];
  operations.forEach((operation, index) =>
    applyOne(next, operation, joinPath('operations', index), problems),
  );
  return { settings: next, problems, changed: JSON.stringify(next) !== JSON.stringify(settings) };
}

function applyOne(
  settings: Settings,
  operation: SettingsOperation,
  path: string,
  problems: Problem[],
): void {
  switch (operation.op) {
    case 'set': {
      const checked = checkScalarSetting(operation.field, operation.value);
      if (!checked.ok) {
        problems.push(...checked.problems.map((p) => ({ ...p, path: joinPath(path, p.path) })));
        return;
      }
      (settings as unknown as Record<string, unknown>)[operation.field] = checked.value;
      return;
    }
    case 'pause-site': {
      const host = normalizeSite(operation.site);
      if (!host) return void problems.push(problem(joinPath(path, 'site'), 'not-a-site'));
      if (!settings.pausedSites.includes(host)) settings.pausedSites.push(host);
      return;
    }
    case 'resume-site': {
      const host = normalizeSite(operation.site);
      settings.pausedSites = settings.pausedSites.filter((site) => site !== host);
      return;
    }
    case 'put-brand': {
      const brandPath = joinPath(path, 'brand');
      const brand = readBrand(operation.brand, brandPath, settings.brands.length, problems);
      if (!brand) return;
      const given = hasOwnId(operation.brand);
      const at = given ? settings.brands.findIndex((b) => b.id === brand.id) : -1;
      if (at >= 0) {
        settings.brands[at] = brand;
        return;
      }
      const others = new Set(settings.brands.map((b) => b.id));
      brand.id = uniqueId(given ? brand.id : slug(brand.name) || brand.id, others);
      settings.brands.push(brand);
      return;
    }
    case 'remove-brand':
      settings.brands = settings.brands.filter((b) => b.id !== operation.id);
      return;
  }
}

const hasOwnId = (brand: unknown): boolean =>
  typeof brand === 'object' &&
  brand !== null &&
  typeof (brand as { id?: unknown }).id === 'string' &&
  (brand as { id: string }).id.trim() !== '';

/**
 * The setting an operation would change against the company's policy, or
 * null when the policy leaves it to the user. The worker refuses such an
 * operation as a whole (`settings-locked`): the options page shows those
 * settings read-only, so only a page that ignores that sends one.
 */
export function lockedBy(operation: SettingsOperation, managed: ManagedState): string | null {
  switch (operation.op) {
    case 'set':
      return (operation.field === 'mode' ||
        operation.field === 'retentionDays' ||
        operation.field === 'mentionRetentionDays') &&
        managed.locked.includes(operation.field)
        ? operation.field
        : null;
    case 'put-brand':
      return managed.locked.includes('userBrands') ? 'brands' : null;
    case 'resume-site':
      return managed.pausedSites.includes(normalizeSite(operation.site)) ? 'pausedSites' : null;
    default:
      return null;
  }
}
