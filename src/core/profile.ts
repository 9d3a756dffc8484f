/**
 * The brand profile: which names to look for, and how the extension behaves.
 *
 * Settings are stored in `browser.storage.local` under the key `settings`
 * (README.md, "Contracts > Settings"). This is the face of ./profile/: the
 * types and defaults, the forgiving reader, the migrations, and host names.
 */
export * from './profile/types.ts';
export { normalizeSettings, type NormalizedSettings } from './profile/normalize.ts';
export {
  migrateSettings,
  SETTINGS_MIGRATIONS,
  type MigratedSettings,
  type SettingsDocument,
  type SettingsMigration,
} from './profile/migrations.ts';
export { isSitePaused, normalizeSite, slug } from './profile/sites.ts';
