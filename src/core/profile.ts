/**
 * The brand profile: which names to look for, and how the extension behaves.
 *
 * Settings are stored in `browser.storage.local` under the key `settings`
 * (README.md, "Contracts > Settings"). This is the face of ./profile/: the
 * types and defaults, the forgiving reader, the migrations, host names, and
 * the small operations that change a stored document.
 */
export * from './profile/types.ts';
export {
  checkScalarSetting,
  isScalarSetting,
  normalizeSettings,
  readBrand,
  readBrands,
  readSites,
  uniqueId,
  type NormalizedSettings,
  type ScalarSetting,
} from './profile/normalize.ts';
export {
  migrateSettings,
  SETTINGS_MIGRATIONS,
  type MigratedSettings,
  type SettingsDocument,
  type SettingsMigration,
} from './profile/migrations.ts';
export { isSitePaused, normalizeSite, slug } from './profile/sites.ts';
export {
  applyOperations,
  lockedBy,
  type AppliedOperations,
  type SettingsOperation,
  type SettingsOperationName,
} from './profile/operations.ts';
