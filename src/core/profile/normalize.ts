/**
 * Reading a settings document, forgivingly. Other programs (team rollouts,
 * scripts) write it too, so every field is checked on its own and falls back
 * to its default, each brand and each term on its own too; what was dropped or
 * repaired is reported with its path (`brands[0].color`). A minimal document
 * such as `{"brands":[{"name":"ACME","terms":["ACME"],"exclude":["ACME Looney"]}]}`
 * is a complete profile.
 */
import * as v from 'valibot';
import { joinPath, problem, type Problem } from '../problem.ts';
import {
  coded,
  count,
  isRecord,
  oneOf,
  readFields,
  readList,
  validate,
  type Checked,
} from '../schema.ts';
import { termTextIssue } from '../term-text.ts';
import { migrateSettings } from './migrations.ts';
import { normalizeSite, slug } from './sites.ts';
import {
  BRAND_PALETTE,
  BRAND_ROLES,
  defaultSettings,
  defaultTerm,
  HIGHLIGHT_METHODS,
  HIGHLIGHT_STYLES,
  RECORDING_MODES,
  SETTINGS_VERSION,
  type Brand,
  type Settings,
  type Term,
} from './types.ts';

export interface NormalizedSettings {
  settings: Settings;
  problems: Problem[];
  /** An older document was brought up to SETTINGS_VERSION (the worker then writes it back). */
  migrated: boolean;
  /**
   * The document is newer than this code (a `too-new` problem says so): it
   * was read as far as this code understands it, and must not be written.
   */
  readOnly: boolean;
}

let schemas: ReturnType<typeof makeSchemas> | undefined;
/** The field schemas, made on first use (see "Shared schemas" in ../schema.ts). */
function makeSchemas() {
  return {
    settings: {
      highlightStyle: oneOf(HIGHLIGHT_STYLES),
      highlightMethod: oneOf(HIGHLIGHT_METHODS),
      paused: v.boolean(),
      mode: oneOf(RECORDING_MODES),
      retentionDays: count(0),
      mentionRetentionDays: count(0),
      exportedBy: v.pipe(v.string(), v.trim(), v.maxLength(200, coded('too-long', { max: 200 }))),
      sync: v.boolean(),
    },
    brandName: { name: v.string() },
    brand: {
      id: v.string(),
      role: oneOf(BRAND_ROLES),
      color: v.pipe(
        v.string(coded('expected-color')),
        v.regex(/^#[0-9a-f]{6}$/i, coded('expected-color')),
        v.toLowerCase(),
      ),
    },
    termFlags: {
      caseSensitive: v.union(
        [v.boolean(), v.literal('auto')],
        coded('expected-one-of', { allowed: 'true, false, "auto"' }),
      ),
      compounds: v.boolean(),
      stripUmlauts: v.boolean(),
    },
  };
}
const fields = () => (schemas ??= makeSchemas());

/**
 * Makes a `Settings` out of anything found in storage or sent by a page.
 * Never throws: what cannot be used is dropped and reported in `problems`.
 */
export function normalizeSettings(raw: unknown): NormalizedSettings {
  const settings = defaultSettings();
  const result: NormalizedSettings = { settings, problems: [], migrated: false, readOnly: false };
  if (raw === undefined || raw === null) return result;
  const problems = result.problems;
  if (!isRecord(raw)) {
    problems.push(problem('', 'expected-object'));
    return result;
  }
  const { doc, from, problems: versionProblems } = migrateSettings(raw);
  problems.push(...versionProblems);
  result.migrated = from < SETTINGS_VERSION;
  result.readOnly = from > SETTINGS_VERSION;

  const brands = readBrands(doc.brands, 'brands', problems);
  if (brands) settings.brands = brands;
  Object.assign(settings, readFields(doc, fields().settings, '', problems));
  const pausedSites = readSites(doc.pausedSites, 'pausedSites', problems);
  if (pausedSites) settings.pausedSites = pausedSites;
  return result;
}

/** The settings fields one value each (not brands, not pausedSites). */
export type ScalarSetting = keyof ReturnType<typeof makeSchemas>['settings'];

/** `value` for the settings field `field`, or the problems that keep it out. */
export function checkScalarSetting<F extends ScalarSetting>(
  field: F,
  value: unknown,
): Checked<Settings[F]> {
  return validate(fields().settings[field], value, field) as Checked<Settings[F]>;
}

/** Is `field` one of the fields {@link checkScalarSetting} checks? */
export const isScalarSetting = (field: string): field is ScalarSetting =>
  Object.hasOwn(fields().settings, field);

/**
 * A list of brands as the settings hold them (each read on its own; ids made
 * unique, also against `usedIds`, which grows by the ids handed out).
 * Undefined when `value` is absent or no list.
 */
export function readBrands(
  value: unknown,
  path: string,
  problems: Problem[],
  usedIds = new Set<string>(),
): Brand[] | undefined {
  return readList(value, path, problems, (item, itemPath, index) => {
    const brand = readBrand(item, itemPath, index, problems);
    if (brand) brand.id = uniqueId(brand.id, usedIds);
    return brand;
  });
}

/** One brand; undefined (with its problems noted) when it has no usable name or term. */
export function readBrand(
  value: unknown,
  path: string,
  index: number,
  problems: Problem[],
): Brand | undefined {
  if (!isRecord(value)) {
    problems.push(problem(path, 'expected-object'));
    return undefined;
  }
  const givenName = readFields(value, fields().brandName, path, problems).name?.trim() ?? '';
  const terms = dedupeTerms(
    readList(value.terms, joinPath(path, 'terms'), problems, (t, termPath) =>
      readTerm(t, termPath, problems),
    ) ?? [],
  );
  // A brand without terms is found by its name.
  if (terms.length === 0 && givenName && termTextIssue(givenName) === null)
    terms.push(defaultTerm(givenName));
  const name = givenName || terms[0]?.text || '';
  if (!name) {
    problems.push(problem(path, 'brand-unnamed'));
    return undefined;
  }
  const given = readFields(value, fields().brand, path, problems);
  const exclude = readList(value.exclude, joinPath(path, 'exclude'), problems, (e, ePath) => {
    if (typeof e === 'string') return e.trim() || undefined;
    problems.push(problem(ePath, 'expected-string'));
    return undefined;
  });
  return {
    id: given.id?.trim() || slug(name) || `brand-${index + 1}`,
    name,
    color: given.color ?? BRAND_PALETTE[index % BRAND_PALETTE.length] ?? '#ffd54f',
    role: given.role ?? 'own',
    terms,
    exclude: [...new Set(exclude)],
    sites: readSites(value.sites, joinPath(path, 'sites'), problems) ?? [],
  };
}

/** A plain string, or an object with `text` and optional flags (a bad flag keeps its default). */
function readTerm(value: unknown, path: string, problems: Problem[]): Term | undefined {
  const isObject = isRecord(value);
  const raw = isObject ? value.text : value;
  const textPath = isObject ? joinPath(path, 'text') : path;
  if (typeof raw !== 'string') {
    problems.push(
      isObject
        ? problem(textPath, raw === undefined ? 'missing' : 'expected-string')
        : problem(path, 'expected-term'),
    );
    return undefined;
  }
  const text = raw.trim();
  const issue = termTextIssue(text);
  if (issue) {
    problems.push(problem(textPath, issue));
    return undefined;
  }
  return isObject
    ? { ...defaultTerm(text), ...readFields(value, fields().termFlags, path, problems) }
    : defaultTerm(text);
}

/** Host names, each normalised; lines that name no host are reported. */
export function readSites(value: unknown, path: string, problems: Problem[]): string[] | undefined {
  const sites = readList(value, path, problems, (site, sitePath) => {
    if (typeof site !== 'string') {
      problems.push(problem(sitePath, 'expected-string'));
      return undefined;
    }
    const host = normalizeSite(site);
    if (!host && site.trim()) problems.push(problem(sitePath, 'not-a-site'));
    return host || undefined;
  });
  return sites && [...new Set(sites)];
}

function dedupeTerms(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => (seen.has(t.text) ? false : (seen.add(t.text), true)));
}

/** `id`, or `id-2`, `id-3`, … if taken; the result is added to `used`. */
export function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}
