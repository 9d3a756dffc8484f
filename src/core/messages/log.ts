/**
 * The log's part of the worker protocol: what the workspace, the popup and
 * the result badges ask of the log, and what the worker tells an open
 * workspace on its port.
 *
 * Nothing here moves the whole log in one message (Chrome caps a message at
 * 64 MiB and sends it as JSON): lists come in pages, exports in chunks,
 * imports are staged chunk by chunk and committed in one transaction.
 */
import type { MentionConflict, MergeChoice, MergeChoices } from '../exchange/merge-plan.ts';
import type { Facet, LogFilter, MentionFacets } from '../log-query.ts';
import type { Day } from '../log-query/filter.ts';
import type { MentionSort, SightingSort } from '../log-query/sort.ts';
import type {
  Mention,
  MentionDraft,
  MentionStatus,
  Sentiment,
  Sighting,
  SightingKind,
} from '../mention.ts';
import type { Problem } from '../problem.ts';
import type { BrandRole } from '../profile.ts';

export type { Facet, MentionFacets };

/** What a user may change on a mention. Fields not named are never touched. */
export interface MentionPatch {
  sentiment?: Sentiment;
  status?: MentionStatus;
  /** Replaces the tags. */
  tags?: string[];
  /** Added to the tags (those already there stay once); applied after `tags`. */
  addTags?: string[];
  /** Taken out of the tags; applied last. */
  removeTags?: string[];
  note?: string;
}

/** The fields an edit can find changed by someone else meanwhile (tags merge as sets instead). */
export type ConflictField = 'sentiment' | 'status' | 'note';

/**
 * What the sender saw before its change, for the fields it changes: the
 * optimistic check of `mention/update`. A field changed meanwhile to another
 * value is a conflict; `tags` seen are merged (what the sender added and
 * removed is applied to the tags stored now), never a conflict.
 */
export interface MentionSeen {
  sentiment?: Sentiment;
  status?: MentionStatus;
  tags?: string[];
  note?: string;
}

/**
 * The answer to `mention/update`. On a conflict nothing was changed, and
 * `stored` is the mention as it stands now.
 */
export type MentionUpdate =
  | { kind: 'saved'; stored: Mention }
  | { kind: 'gone' }
  | { kind: 'conflict'; stored: Mention; fields: ConflictField[] };

/** One page of a mention query. */
export interface MentionPage {
  rows: Mention[];
  /** Index of the first row in the whole result. */
  offset: number;
  /** Mentions that pass the filter. */
  total: number;
  /** Mentions in the log. */
  all: number;
}

/** The mentions a bulk edit applies to: these ids, or all that pass a filter now. */
export type MentionTarget = { ids: string[] } | { filter: LogFilter };

/** One bulk edit: set sentiment or status, add or remove tags, or delete. */
export interface BulkChange {
  sentiment?: Sentiment;
  status?: MentionStatus;
  addTags?: string[];
  removeTags?: string[];
  delete?: true;
}

export interface BulkResult {
  /** Mentions changed (or deleted). */
  changed: number;
  /** Hand back to `mentions/undo` to restore them; null when nothing changed. Kept until the next bulk edit. */
  undo: string | null;
}

/** A page of sightings; `next` continues the list, null at its end. */
export interface SightingPage {
  rows: Sighting[];
  next: string | null;
  /** Sightings that pass the filter, where the worker knows it without a scan; else null. */
  total: number | null;
}

/** Sightings of one site (host without `www.`). */
export interface SiteGroup {
  site: string;
  sightings: number;
  hits: number;
  visits: number;
  firstSeen: string;
  lastSeen: string;
  kinds: Record<SightingKind, number>;
}

export interface SiteGroupPage {
  rows: SiteGroup[];
  next: string | null;
}

/** Mentions logged in a week (starting Monday, local time), by sentiment. */
export interface WeekCounts {
  week: Day;
  positive: number;
  neutral: number;
  negative: number;
}

/** One brand's presence on the results pages of a query in one week. */
export interface BrandPresence {
  brand: string;
  role: BrandRole;
  /** Results (not ads) that name the brand. */
  results: number;
  /** Ads that name it (on a competitor's own search, its ads are ads). */
  ads: number;
  /** Its hits over all those results and ads. */
  hits: number;
}

/** Share of voice on the results pages of one query, week by week. */
export interface QueryShare {
  engine: string;
  query: string;
  /** Results-page visits counted. */
  visits: number;
  weeks: { week: Day; visits: number; brands: BrandPresence[] }[];
}

/** The best rank of an own brand's result for a query, day by day. */
export interface RankSeries {
  engine: string;
  query: string;
  points: { day: Day; rank: number; url: string }[];
}

export interface SiteCount {
  site: string;
  mentions: number;
  sightings: number;
  hits: number;
}

/** The workspace's charts, computed in the worker: small, whatever the size of the log. */
export interface LogOverview {
  mentionsPerWeek: WeekCounts[];
  shareOfVoice: QueryShare[];
  ranks: RankSeries[];
  topSites: SiteCount[];
}

/** A chunk of an export; `next` asks for the following one, null after the last. */
export interface ExportChunk<T> {
  rows: T[];
  next: string | null;
  /** Records the export will hold in all, as the first chunk found them; -1 in later chunks or where unknown (a filtered sighting export). */
  total: number;
}

/** Keep mine / take theirs / keep both (exchange/merge-plan.ts has the rules). */
export type { MergeChoice, MergeChoices };

/** A staged mention whose stored version differs; `suggested` is taken unless the user chooses. */
export type MentionDifference = MentionConflict;

/** What committing the staged import would do (as the log stands now). */
export interface ImportPreview {
  mentions: { added: number; identical: number; differing: number };
  sightings: { added: number; combined: number; identical: number };
  /** Records received so far. */
  received: { mentions: number; sightings: number };
  /** The first problems (records skipped), and how many there are in all. */
  problems: Problem[];
  problemCount: number;
}

export interface ImportSummary {
  added: number;
  /** Stored mentions replaced by the file's ("take theirs"). */
  updated: number;
  /** The file's kept beside the stored ones ("keep both"). */
  copied: number;
  unchanged: number;
  sightings: number;
  problems: Problem[];
}

export interface LogStatus {
  mentions: number;
  sightings: number;
  /** ISO time of the last complete export (a backup); null if never. */
  lastExportAt: string | null;
  /** The backup reminder is wanted (the user can switch it off). */
  backupReminder: boolean;
  /** True when the log has not been backed up for 30 days and holds more than 20 mentions (and the reminder is on). */
  backupDue: boolean;
  /** navigator.storage.persisted(): the browser will not evict the log under storage pressure. */
  persisted: boolean | null;
  /** Bytes used and available to the extension's origin, as navigator.storage.estimate() says. */
  usage: number | null;
  quota: number | null;
  /** The log was found deleted (and started anew, empty); null once the user has read the notice. */
  lost: LogLoss | null;
}

/** A log that was not there any more when the worker opened it (background/log-presence.ts). */
export interface LogLoss {
  /** ISO time the worker found it gone and started a new, empty log. */
  at: string;
  /** ISO time the lost log had existed since (as far as this browser knows). */
  since: string;
}

/** The log's messages (merged into WorkerProtocol). */
export interface LogProtocol {
  /** Idempotent: with an `id` already stored it changes nothing and answers the stored mention. */
  'mention/add': { args: MentionDraft & { id?: string }; reply: Mention };
  /**
   * Patches the fields named. With `before` (what the sender saw), a field
   * someone else changed meanwhile makes it change nothing and answer the
   * conflict; without it, the patch applies as it is.
   */
  'mention/update': {
    args: MentionPatch & { id: string; before?: MentionSeen };
    reply: MentionUpdate;
  };
  'mention/delete': { args: { id: string }; reply: boolean };
  /** Full records by id, in the order asked (null where one is gone). */
  'mentions/get': { args: { ids: string[] }; reply: (Mention | null)[] };
  'mentions/query': {
    args: { filter: LogFilter; sort: MentionSort; offset: number; limit: number };
    reply: MentionPage;
  };
  /** Ids only, for selecting a range of rows the page has not loaded. */
  'mentions/ids': {
    args: { filter: LogFilter; sort: MentionSort; offset: number; limit: number };
    reply: string[];
  };
  /** Values the filter bar can offer, with counts, over the whole log. */
  'mentions/facets': { args: null; reply: MentionFacets };
  'mentions/bulk': { args: { target: MentionTarget; change: BulkChange }; reply: BulkResult };
  'mentions/undo': { args: { undo: string }; reply: { restored: number } };

  'sightings/query': {
    args: { filter: LogFilter; sort: SightingSort; limit: number; after: string | null };
    reply: SightingPage;
  };
  'sightings/sites': {
    args: { filter: LogFilter; limit: number; after: string | null };
    reply: SiteGroupPage;
  };
  /** Logs a sighting as a mention; idempotent by `id` like mention/add. */
  'sighting/promote': {
    args: {
      key: string;
      id: string;
      sentiment?: Sentiment;
      status?: MentionStatus;
      tags?: string[];
      note?: string;
    };
    reply: Mention;
  };

  'log/overview': { args: { filter: LogFilter }; reply: LogOverview };
  'log/status': { args: null; reply: LogStatus };
  /** Switches the backup reminder on or off. */
  'log/backup-reminder': { args: { on: boolean }; reply: LogStatus };
  /** The page saved a complete export (a backup): the reminder starts counting again. */
  'log/backup-done': { args: null; reply: LogStatus };
  /** The user has read the notice that the log was lost: it is not shown again. */
  'log/loss-seen': { args: null; reply: LogStatus };

  /** Mentions for an export file: all (`filter` null) or those of a query, in its order. */
  'export/mentions': {
    args: { filter: LogFilter | null; sort: MentionSort; after: string | null; limit: number };
    reply: ExportChunk<Mention>;
  };
  'export/sightings': {
    args: { filter: LogFilter | null; after: string | null; limit: number };
    reply: ExportChunk<Sighting>;
  };

  /**
   * Starts staging an import (any earlier staged one is dropped). Refused at
   * once, with a problem, for a file that is not an export of a version this
   * code reads, or too large.
   */
  'import/begin': {
    args: { name: string; size: number; format: unknown; version: unknown };
    reply: { importId: string };
  };
  /**
   * Records of the file as they stand in it (the worker checks each);
   * `first` is the index in the file of the chunk's first mention and
   * sighting. Sending a chunk again (same `seq`) replaces it.
   */
  'import/chunk': {
    args: {
      importId: string;
      seq: number;
      first: { mentions: number; sightings: number };
      mentions: unknown[];
      sightings: unknown[];
    };
    reply: { problems: Problem[] };
  };
  'import/preview': { args: { importId: string }; reply: ImportPreview };
  'import/differences': {
    args: { importId: string; offset: number; limit: number };
    reply: { rows: MentionDifference[]; total: number };
  };
  /**
   * Merges the staged records in one transaction, all or nothing. Asking
   * again after a commit answers the same summary and changes nothing.
   */
  'import/commit': { args: { importId: string; choices: MergeChoices }; reply: ImportSummary };
  'import/cancel': { args: { importId: string }; reply: boolean };
}

/** The name of the runtime port an open workspace keeps to the worker. */
export const LOG_PORT = 'markenlotse-log';

/** What the page sends on the port: a ping every 20 s keeps the worker (and its index) alive. */
export type LogPortRequest = { type: 'ping' };

/** What the worker tells the pages on the port. */
export type LogPortNotice =
  /** Records changed (by any page, a result badge, an import): lists should be asked again. */
  | { type: 'changed'; stores: ('mentions' | 'sightings')[] }
  /** An import's commit is under way. */
  | { type: 'import-progress'; importId: string; done: number; total: number };
