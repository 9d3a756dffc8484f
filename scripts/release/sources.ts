/**
 * The files that make up the sources, for the source archive Mozilla's
 * reviewers build from: what git tracks, plus new files git does not ignore
 * (a file not yet committed is part of what the build sees, so it must be
 * part of the archive too). Files deleted from the work tree are left out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceFile {
  path: string;
  executable: boolean;
}

function git(root: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

const paths = (output: string | undefined): string[] => (output ?? '').split('\0').filter(Boolean);

/** undefined when `root` is not the top of a git work tree (an unpacked source archive). */
export function sourceFiles(
  root: string,
): { files: SourceFile[]; untracked: string[] } | undefined {
  const top = git(root, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top || realpathSync(top) !== realpathSync(root)) return undefined;
  const tracked = paths(git(root, ['ls-files', '-z', '--cached']));
  const untracked = paths(git(root, ['ls-files', '-z', '--others', '--exclude-standard']));
  const files = [...new Set([...tracked, ...untracked])]
    .filter((path) => existsSync(join(root, path)) && statSync(join(root, path)).isFile())
    .sort()
    .map((path) => ({ path, executable: (statSync(join(root, path)).mode & 0o111) !== 0 }));
  return { files, untracked: untracked.sort() };
}
