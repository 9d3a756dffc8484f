/**
 * Does every installed package run on every Node version the project claims?
 * package.json's `engines.node` is the claim (and what README names);
 * package-lock.json records each dependency's own `engines`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

interface LockPackage {
  version?: string;
  engines?: Record<string, string> | string[];
  dev?: boolean;
  optional?: boolean;
}

export interface EngineRange {
  /** "eslint@10.0.1" */
  name: string;
  range: string;
}

export interface EnginesReport {
  /** package.json's engines.node. */
  claimed: string;
  /** Dependencies that reject some Node version the project claims. */
  narrower: EngineRange[];
  /** How many dependencies state engines.node at all, by range. */
  ranges: Map<string, number>;
}

export function enginesReport(root: string): EnginesReport {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    engines?: { node?: string };
  };
  const claimed = manifest.engines?.node;
  if (!claimed || !semver.validRange(claimed))
    throw new Error('package.json needs a valid engines.node range');
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>;
  };
  const narrower: EngineRange[] = [];
  const ranges = new Map<string, number>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    // Old packages wrote engines as an array of strings; npm ignores those.
    const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (!range) continue;
    ranges.set(range, (ranges.get(range) ?? 0) + 1);
    const name = `${path.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'}`;
    if (!semver.validRange(range) || !semver.subset(claimed, range)) narrower.push({ name, range });
  }
  return { claimed, narrower, ranges };
}
