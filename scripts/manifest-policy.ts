// What a manifest may ask for, checked by the build for each browser's
// manifest (and by scripts/release/package.test.ts on the store zips):
// - every permission, host pattern and content-script match has a row in the
//   README's "Permissions" table, and every row names one the manifest asks
//   for (the table is where each is justified to users and store reviewers);
// - extension pages run under a CSP with no remote code, no eval and no
//   connections: script-src 'self' and nothing else, object-src 'none' or
//   'self', connect-src 'none'.
// https://developer.chrome.com/docs/extensions/reference/manifest/content-security-policy

/** The part of a manifest this looks at (the functions take any manifest object). */
export interface ManifestPermissions {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
}

/** Everything the manifest asks for, each once. */
export function requestedPermissions(source: object): string[] {
  const manifest = source as ManifestPermissions;
  return [
    ...new Set([
      ...(manifest.permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
      ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
    ]),
  ];
}

/**
 * What the first column of the README's permission table names: each
 * `code` span of a row's first cell (a row may name several, such as the
 * content script's match patterns).
 */
export function documentedPermissions(readme: string): string[] {
  const section = /^## Permissions\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    // The header row and the |---| line name nothing.
    .slice(2);
  return rows.flatMap((row) => {
    const first = row.split('|')[1] ?? '';
    return [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  });
}

/** Permissions without a row, and rows without a permission, as messages. */
export function permissionTableProblems(manifest: object, readme: string): string[] {
  const requested = requestedPermissions(manifest);
  const documented = documentedPermissions(readme);
  return [
    ...requested
      .filter((p) => !documented.includes(p))
      .map(
        (p) => `the manifest asks for "${p}", and the README's Permissions table does not say why`,
      ),
    ...documented
      .filter((p) => !requested.includes(p))
      .map(
        (p) => `the README's Permissions table names "${p}", which the manifest does not ask for`,
      ),
  ];
}

/** The directives of a CSP: name -> its sources. */
export function cspDirectives(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What is wrong with the extension pages' CSP, as messages. */
export function cspProblems(manifest: object): string[] {
  const csp = (manifest as ManifestPermissions).content_security_policy;
  if (typeof csp !== 'object' || typeof csp.extension_pages !== 'string')
    return ['content_security_policy.extension_pages is missing'];
  const directives = cspDirectives(csp.extension_pages);
  const problems: string[] = [];
  const expect = (name: string, allowed: string[]) => {
    const sources = directives.get(name);
    if (!sources) problems.push(`the extension pages' CSP has no ${name}`);
    else if (sources.length === 0 || sources.some((s) => !allowed.includes(s)))
      problems.push(`the extension pages' CSP allows ${name} ${sources.join(' ')}`);
  };
  expect('script-src', ["'self'"]);
  expect('object-src', ["'none'", "'self'"]);
  expect('connect-src', ["'none'"]);
  for (const name of ['script-src-elem', 'script-src-attr', 'worker-src'])
    if (directives.has(name))
      problems.push(`the extension pages' CSP widens script-src with ${name}`);
  if (csp.sandbox !== undefined) problems.push('content_security_policy.sandbox is not used');
  return problems;
}
