/** Brand roles from the current settings, for filters by role and for share of voice. */
import type { BrandRoles } from '../core/log-query.ts';
import { readSettings } from './settings-store.ts';

export async function brandRoles(): Promise<BrandRoles> {
  const { settings } = await readSettings();
  return new Map(settings.brands.map((b) => [b.name, b.role]));
}
