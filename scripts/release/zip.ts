/**
 * Zip archives whose bytes depend on their files' paths and contents only.
 *
 * fflate writes them, not the system `zip`: that one stores each file's
 * mtime, owner ids and "extra fields" unless told otherwise, differs between
 * versions and is missing on some machines; and not node:zlib, whose deflate
 * output may change with the zlib bundled in a Node release. fflate's output
 * depends on nothing but its own version, which package-lock.json pins.
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes and no leading slash. */
  path: string;
  data: Uint8Array;
  /** Stored as mode 0755 instead of 0644 (a script such as .ci/run). */
  executable?: boolean;
}

/**
 * 1980-01-01 00:00:00, the earliest time a zip can state, unless the
 * SOURCE_DATE_EPOCH convention (reproducible-builds.org/specs/source-date-epoch)
 * asks for another.
 */
export function archiveTime(env: NodeJS.ProcessEnv = process.env): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return Date.UTC(1980, 0, 1) / 1000;
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH is not a number: ${epoch}`);
  return Number(epoch);
}

/** Host system "Unix" in the central directory, so the mode bits below count. */
const UNIX = 3;
const mode = (executable: boolean): number => ((executable ? 0o100755 : 0o100644) << 16) >>> 0;

/**
 * One archive: entries sorted by path, every one with the same time and a
 * fixed mode, maximum compression, no extra fields, no comment.
 */
export function deterministicZip(entries: readonly ZipEntry[], epochSeconds: number): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // fflate reads the time with local-time getters (getHours() …), so the
  // UTC fields are handed over as a local date: the same bytes in every time zone.
  const utc = new Date(epochSeconds * 1000);
  const mtime = new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
  const files: Zippable = {};
  for (const entry of sorted) {
    if (!/^[\w.@+-]+(\/[\w.@+-]+)*$/.test(entry.path))
      throw new Error(`not a plain relative path for a zip entry: ${entry.path}`);
    // An integer-like key would be moved to the front of the object by
    // JavaScript, and the archive's order would no longer be sorted.
    if (/^\d+$/.test(entry.path)) throw new Error(`an entry may not be named ${entry.path}`);
    if (entry.path in files) throw new Error(`two entries named ${entry.path}`);
    files[entry.path] = [
      entry.data,
      { level: 9, mtime, os: UNIX, attrs: mode(entry.executable ?? false) },
    ];
  }
  return zipSync(files);
}
