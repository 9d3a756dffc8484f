/**
 * Settings documents carry a `version`; older ones are brought up to
 * SETTINGS_VERSION one small step at a time, and the worker writes the result
 * back (background/settings-store.ts). A document newer than this code is
 * left as it is: it is read as far as this code understands it and never
 * written (see docs/design-notes.md, "Versioned data").
 *
 * To change the shape: add a step here with the date and a test that seeds the
 * old shape (migrations.test.ts), and raise SETTINGS_VERSION in types.ts.
 */
import { problem, type Problem } from '../problem.ts';
import { SETTINGS_VERSION } from './types.ts';

/** A settings document as found in storage, of any version. */
export type SettingsDocument = Readonly<Record<string, unknown>>;

export interface SettingsMigration {
  /** The version this step makes; it takes a document of version `to - 1`. */
  to: number;
  /** When the step was written (steps nobody can still need may be dropped after a year). */
  written: string;
  /** Pure: returns a new document, leaves its input alone, never throws. */
  migrate: (doc: SettingsDocument) => SettingsDocument;
}

/** Oldest first; the last one makes SETTINGS_VERSION. */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    // Version 0 is any document without a version, such as the README's
    // minimal document that rollouts write; its shape is that of version 1.
    to: 1,
    written: '2026-11-27',
    migrate: (doc) => ({ ...doc }),
  },
];

export interface MigratedSettings {
  doc: SettingsDocument;
  /** The version the document had: 0 when it named none. */
  from: number;
  /** A version this code cannot read (`too-new`), or a version that is no version. */
  problems: Problem[];
}

/** Runs every step the document still needs; each step's result is stamped with its version. */
export function migrateSettings(
  doc: SettingsDocument,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
  current: number = SETTINGS_VERSION,
): MigratedSettings {
  const problems: Problem[] = [];
  let from = 0;
  if (typeof doc.version === 'number' && Number.isInteger(doc.version) && doc.version >= 0)
    from = doc.version;
  else if (doc.version !== undefined)
    problems.push(problem('version', 'expected-count', { min: 0 }));
  if (from > current) {
    problems.push(problem('version', 'too-new', { version: from, supported: current }));
    return { doc, from, problems };
  }
  let migrated = doc;
  for (const step of migrations) {
    if (step.to <= from) continue;
    migrated = { ...step.migrate(migrated), version: step.to };
  }
  return { doc: migrated, from, problems };
}
