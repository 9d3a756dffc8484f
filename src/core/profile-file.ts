/**
 * "Share the setup": the brand profile (brands with their roles, terms,
 * exclusions, colours and sites) as a small versioned JSON file a colleague
 * imports (docs/profile-format.md). Import shows what it would change before
 * it changes anything: a plan of brands added, changed and unchanged, which
 * the options page lists and, on confirmation, sends as settings operations.
 *
 * Read with the settings' own forgiving reader, so a file written by another
 * program gets the same defaults and the same per-field fallbacks.
 */
import { parseJsonFile } from './exchange/json-error.ts';
import { problem, shown, type Problem } from './problem.ts';
import { readBrands } from './profile/normalize.ts';
import type { SettingsOperation } from './profile/operations.ts';
import type { Brand } from './profile/types.ts';
import { isRecord } from './schema.ts';

export const PROFILE_FORMAT = 'markenlotse-profile';
export const PROFILE_VERSION = 1;
/** A profile of a few hundred brands is well under this; a larger file is not one. */
export const MAX_PROFILE_CHARS = 5_000_000;

/** The file's brand fields, in the order they are written. */
const BRAND_FIELDS = ['id', 'name', 'role', 'color', 'terms', 'exclude', 'sites'] as const;

export interface ProfileFile {
  format: typeof PROFILE_FORMAT;
  version: typeof PROFILE_VERSION;
  exportedAt: string;
  /** Only when the user set a name for exports (options, "Exported by"). */
  exportedBy?: string;
  brands: Brand[];
}

/** The file for these brands, pretty-printed. */
export function profileFileText(
  brands: readonly Brand[],
  identity: { exportedBy?: string },
  now = new Date(),
): string {
  const file: ProfileFile = {
    format: PROFILE_FORMAT,
    version: PROFILE_VERSION,
    exportedAt: now.toISOString(),
    ...identity,
    brands: brands.map((brand) => {
      const copy: Record<string, unknown> = {};
      for (const field of BRAND_FIELDS) copy[field] = structuredClone(brand[field]);
      return copy as unknown as Brand;
    }),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

export type ProfileReading =
  | { ok: true; brands: Brand[]; problems: Problem[] }
  /** Not a profile file at all: nothing of it is used. */
  | { ok: false; problem: Problem };

/** Reads a profile file. Never throws. */
export function readProfileFile(text: string): ProfileReading {
  const refuse = (p: Problem): ProfileReading => ({ ok: false, problem: p });
  if (text.length > MAX_PROFILE_CHARS)
    return refuse(problem('', 'too-long', { max: MAX_PROFILE_CHARS }));
  const parsed = parseJsonFile(text);
  if (!parsed.ok) return refuse(parsed.problem);
  const doc = parsed.doc;
  if (!isRecord(doc) || doc.format === undefined) return refuse(problem('', 'not-a-profile'));
  if (doc.format !== PROFILE_FORMAT)
    return refuse(problem('format', 'foreign-profile', { found: shown(doc.format) }));
  if (typeof doc.version === 'number' && doc.version > PROFILE_VERSION)
    return refuse(
      problem('version', 'too-new', { version: doc.version, supported: PROFILE_VERSION }),
    );
  if (doc.version !== PROFILE_VERSION)
    return refuse(
      problem('version', 'unsupported-version', {
        found: shown(doc.version),
        supported: PROFILE_VERSION,
      }),
    );
  const problems: Problem[] = [];
  const brands = readBrands(doc.brands, 'brands', problems);
  if (!brands) return refuse(problems[0] ?? problem('brands', 'missing'));
  return { ok: true, brands, problems };
}

/** A field of a brand that an import would change. */
export type BrandField = (typeof BRAND_FIELDS)[number];

export interface ProfileChange {
  kind: 'add' | 'change' | 'same';
  /** The brand as it will be stored (for a change: with the id it has here). */
  brand: Brand;
  /** For a change: the brand as it is here, and which of its fields differ. */
  before?: Brand;
  fields: BrandField[];
}

const sameName = (a: Brand, b: Brand): boolean =>
  a.name.trim().toLocaleLowerCase() === b.name.trim().toLocaleLowerCase();

/**
 * What importing `incoming` would do to `current` (the user's brands): a
 * brand of the file replaces the one here with the same id, or else the same
 * name; any other is added. Brands only here are kept.
 */
export function planProfileImport(
  current: readonly Brand[],
  incoming: readonly Brand[],
): ProfileChange[] {
  const taken = new Set<Brand>();
  return incoming.map((brand): ProfileChange => {
    const match =
      current.find((b) => !taken.has(b) && b.id === brand.id) ??
      current.find((b) => !taken.has(b) && sameName(b, brand));
    if (!match) return { kind: 'add', brand, fields: [] };
    taken.add(match);
    const next = { ...brand, id: match.id };
    const fields = BRAND_FIELDS.filter(
      (field) => JSON.stringify(next[field]) !== JSON.stringify(match[field]),
    );
    return { kind: fields.length ? 'change' : 'same', brand: next, before: match, fields };
  });
}

/** The settings operations that carry out a plan. */
export function profileImportOperations(plan: readonly ProfileChange[]): SettingsOperation[] {
  return plan
    .filter((change) => change.kind !== 'same')
    .map((change) => ({ op: 'put-brand', brand: change.brand }));
}

/** `markenlotse-profile-2026-12-01.json` (the local date). */
export function profileFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `markenlotse-profile-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
