/**
 * Everything Markenlotse stores, record by record and field by field: the
 * one list that the "What is stored" page of the options is generated from
 * (stored-data-report.ts), that the worker's retention and "delete
 * everything" go by, and that tests hold to the code's own record types:
 * the type checks below fail when a field is added to a stored type and not
 * here; stored-data.test.ts fails when one is added here without a text, in
 * both languages, or when a schema or a database upgrade step stores
 * something this list does not name.
 *
 * A field's text is the locale message `stored<Record><Field>` (storedFieldKey);
 * a record's is `stored<Record>`.
 */
import type { BackupState } from './backup-reminder.ts';
import type { StoredProfile } from './compiled-profile.ts';
import type { SiteRecord, StoredSighting } from './log-records.ts';
import type { Mention } from './mention.ts';
import type { Settings } from './profile/types.ts';
import type { TabSightings } from './sighting-caps.ts';

/** Where in the browser profile a record lives. All of them are on this computer only, except `sync`. */
export type StoragePlace = 'indexedDb' | 'local' | 'session' | 'sync';

/**
 * Who makes the record: `automatic` records are written as pages are seen
 * (never in the works-council mode); `on-purpose` ones when the user logs
 * something; `settings` when the user (or a rollout) sets something;
 * `policy` when the browser hands over the company's policy; `derived`
 * records (counts) hold nothing the others do not;
 * `session` ones live in memory until the browser closes.
 */
export type RecordOrigin =
  'automatic' | 'on-purpose' | 'derived' | 'settings' | 'policy' | 'session';

/** Which setting deletes a record, by which of its times. */
export interface RetentionRule {
  setting: 'retentionDays' | 'mentionRetentionDays';
  /** The field holding the time the period counts from. */
  field: 'createdAt' | 'lastSeen' | 'seenAt' | 'time';
  /** The IndexedDB index over that field, if there is one (the worker reads a range of it). */
  index?: string;
}

export interface StoredRecord {
  /** The catalog's name for it, also the base of its texts ("mentions" -> storedMentions). */
  id: string;
  place: StoragePlace;
  /** The IndexedDB store, or the storage key (`tab:<id>` for one per tab). */
  where: string;
  origin: RecordOrigin;
  fields: readonly string[];
  retention?: RetentionRule;
  /** The value maps each of these (one of `fields`) to an entry of the other fields, e.g. one per frame. */
  entryPer?: string;
  /** Only while sync is on. */
  onlyWithSync?: true;
}

/** Every field of T and nothing else, as a list (checked when the list is written `satisfies`). */
type FieldsOf<T> = readonly (keyof T & string)[];
/** `true` only when `L` names every key of `T`. */
type Complete<T, L extends readonly string[]> =
  Exclude<keyof T, L[number]> extends never ? true : false;

export const MENTION_FIELDS = [
  'id',
  'url',
  'title',
  'brands',
  'terms',
  'sentiment',
  'tags',
  'note',
  'status',
  'snippet',
  'createdAt',
  'updatedAt',
  'search',
] as const satisfies FieldsOf<Mention>;

const SIGHTING_FIELDS = [
  'key',
  'kind',
  'url',
  'title',
  'terms',
  'hits',
  'firstSeen',
  'lastSeen',
  'visits',
  'search',
  'site',
] as const satisfies FieldsOf<StoredSighting>;

const SITE_FIELDS = [
  'site',
  'sightings',
  'hits',
  'visits',
  'firstSeen',
  'lastSeen',
  'kinds',
  'brands',
] as const satisfies FieldsOf<SiteRecord>;

const SETTINGS_FIELDS = [
  'version',
  'brands',
  'highlightStyle',
  'highlightMethod',
  'paused',
  'pausedSites',
  'mode',
  'retentionDays',
  'mentionRetentionDays',
  'exportedBy',
  'sync',
] as const satisfies FieldsOf<Settings>;

const PROFILE_FIELDS = [
  'format',
  'source',
  'settings',
  'matcher',
] as const satisfies FieldsOf<StoredProfile>;

const BACKUP_FIELDS = ['lastExportAt', 'reminder'] as const satisfies FieldsOf<BackupState>;

const TAB_SIGHTINGS_FIELDS = ['documents', 'recent'] as const satisfies FieldsOf<TabSightings>;

// A stored type that gains a field fails here until the field is listed (and described).
const complete: [
  Complete<Mention, typeof MENTION_FIELDS>,
  Complete<StoredSighting, typeof SIGHTING_FIELDS>,
  Complete<SiteRecord, typeof SITE_FIELDS>,
  Complete<Settings, typeof SETTINGS_FIELDS>,
  Complete<StoredProfile, typeof PROFILE_FIELDS>,
  Complete<BackupState, typeof BACKUP_FIELDS>,
  Complete<TabSightings, typeof TAB_SIGHTINGS_FIELDS>,
] = [true, true, true, true, true, true, true];
void complete;

/** The rank record of the log database (background/log-schema.ts, `ranks`; held to it in background/stored-data.test.ts). */
export const RANK_FIELDS = ['key', 'rank', 'seenAt'] as const;
/** The other records of the log database (background/log-schema.ts; held to it in background/stored-data.test.ts). */
export const VISIT_FIELDS = [
  'id',
  'time',
  'engine',
  'query',
  'queryKey',
  'page',
  'results',
] as const;
export const UNDO_FIELDS = ['token', 'part', 'time', 'mentions', 'after'] as const;
export const IMPORT_FIELDS = [
  'importId',
  'state',
  'name',
  'size',
  'createdAt',
  'chunks',
  'summary',
] as const;
export const STAGED_FIELDS = [
  'importId',
  'seq',
  'mentions',
  'sightings',
  'problems',
  'differing',
] as const;
export const META_FIELDS = ['key', 'mentions', 'sightings'] as const;

export const STORED_RECORDS: readonly StoredRecord[] = [
  {
    id: 'mentions',
    place: 'indexedDb',
    where: 'mentions',
    origin: 'on-purpose',
    fields: MENTION_FIELDS,
    retention: { setting: 'mentionRetentionDays', field: 'createdAt', index: 'createdAt' },
  },
  {
    id: 'sightings',
    place: 'indexedDb',
    where: 'sightings',
    origin: 'automatic',
    fields: SIGHTING_FIELDS,
    retention: { setting: 'retentionDays', field: 'lastSeen', index: 'lastSeen' },
  },
  {
    id: 'ranks',
    place: 'indexedDb',
    where: 'ranks',
    origin: 'automatic',
    fields: RANK_FIELDS,
    retention: { setting: 'retentionDays', field: 'seenAt' },
  },
  {
    id: 'sites',
    place: 'indexedDb',
    where: 'sites',
    origin: 'automatic',
    fields: SITE_FIELDS,
    retention: { setting: 'retentionDays', field: 'lastSeen', index: 'lastSeen' },
  },
  {
    id: 'visits',
    place: 'indexedDb',
    where: 'visits',
    origin: 'automatic',
    fields: VISIT_FIELDS,
    retention: { setting: 'retentionDays', field: 'time', index: 'time' },
  },
  {
    id: 'undo',
    place: 'indexedDb',
    where: 'undo',
    origin: 'on-purpose',
    fields: UNDO_FIELDS,
    // It holds copies of mentions: they go with the mentions' period.
    retention: { setting: 'mentionRetentionDays', field: 'time' },
  },
  {
    id: 'imports',
    place: 'indexedDb',
    where: 'imports',
    origin: 'on-purpose',
    fields: IMPORT_FIELDS,
  },
  {
    id: 'staged',
    place: 'indexedDb',
    where: 'staged',
    origin: 'on-purpose',
    fields: STAGED_FIELDS,
  },
  {
    id: 'meta',
    place: 'indexedDb',
    where: 'meta',
    origin: 'derived',
    fields: META_FIELDS,
  },
  {
    id: 'settings',
    place: 'local',
    where: 'settings',
    origin: 'settings',
    fields: SETTINGS_FIELDS,
  },
  {
    id: 'compiledProfile',
    place: 'local',
    where: 'compiledProfile',
    origin: 'derived',
    fields: PROFILE_FIELDS,
  },
  {
    id: 'backup',
    place: 'local',
    where: 'backup',
    origin: 'on-purpose',
    fields: BACKUP_FIELDS,
  },
  {
    id: 'policyCopy',
    place: 'local',
    where: 'managedPolicy',
    origin: 'policy',
    fields: ['policy'],
  },
  {
    id: 'logPresence',
    place: 'local',
    where: 'logPresence',
    origin: 'derived',
    fields: ['since', 'lost'],
  },
  {
    id: 'syncState',
    place: 'local',
    where: 'syncState',
    origin: 'settings',
    fields: ['error', 'bytes'],
    onlyWithSync: true,
  },
  {
    id: 'tabCounts',
    place: 'session',
    where: 'tab:<id>',
    origin: 'session',
    fields: ['frame', 'total', 'timeOrigin'],
    entryPer: 'frame',
  },
  {
    id: 'tabSightings',
    place: 'session',
    where: 'sightings:<id>',
    origin: 'session',
    fields: TAB_SIGHTINGS_FIELDS,
  },
  {
    id: 'sessionResults',
    place: 'session',
    where: 'sessionResults',
    origin: 'session',
    fields: ['firstSeen', 'ranks'],
  },
  {
    id: 'syncedSettings',
    place: 'sync',
    where: 'settings.meta, settings.0 …',
    origin: 'settings',
    fields: ['meta', 'chunks'],
    onlyWithSync: true,
  },
];

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** The locale message that says what a record is. */
export const storedRecordKey = (record: Pick<StoredRecord, 'id'>): string =>
  `stored${pascal(record.id)}`;

/** The locale message that says what a field holds. */
export const storedFieldKey = (record: Pick<StoredRecord, 'id'>, field: string): string =>
  `stored${pascal(record.id)}${pascal(field)}`;

/** The IndexedDB stores that hold records made automatically (the works-council mode writes none). */
export const automaticStores = (): string[] =>
  STORED_RECORDS.filter((r) => r.place === 'indexedDb' && r.origin === 'automatic').map(
    (r) => r.where,
  );
