/**
 * Mozilla's addons-linter (the checks addons.mozilla.org runs on upload) on
 * the Firefox zip. It works offline: its schemas and rules ship in the npm
 * package. Every warning it may give is explained in docs/release.md and
 * listed here with a test of the claim, so that a new warning fails.
 */
import { createInstance, type LinterMessage } from 'addons-linter';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';

interface ExplainedWarning {
  code: string;
  file: string;
  /** Proves the reason docs/release.md gives, on the packed file. */
  holds: (message: LinterMessage, text: string) => boolean;
}

/**
 * preact sets `innerHTML` in one place only: an element given
 * `dangerouslySetInnerHTML`, which no code of ours uses (innerHTML nowhere in src/).
 * The assignment the linter points at must be that one.
 */
const preactInnerHtml = (message: LinterMessage, text: string): boolean => {
  const line = text.split('\n')[(message.line ?? 1) - 1] ?? '';
  const at = message.column ?? -1;
  return (
    at >= 0 &&
    /\.innerHTML\s*=\s*[\w$]+\.__html\b/.test(line.slice(Math.max(0, at - 20), at + 40)) &&
    line.slice(Math.max(0, at - 400), at).includes('"dangerouslySetInnerHTML"')
  );
};

export const EXPLAINED_WARNINGS: readonly ExplainedWarning[] = [
  ...['popup.js', 'options.js', 'log.js', 'report.js'].map((file) => ({
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file,
    holds: preactInnerHtml,
  })),
  {
    // No Firefox for Android build is offered (docs/release.md): the key is
    // read by Firefox for Android 142+ only, and desktop 140+ reads it.
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: 'manifest.json',
    holds: (message) => message.description?.includes('data_collection_permissions') ?? false,
  },
];

export interface AmoLintResult {
  errors: LinterMessage[];
  notices: LinterMessage[];
  /** Warnings not in EXPLAINED_WARNINGS, or whose explanation does not hold. */
  unexplained: LinterMessage[];
  explained: LinterMessage[];
}

export async function lintFirefoxZip(zipPath: string): Promise<AmoLintResult> {
  const output = await createInstance({
    config: {
      _: [zipPath],
      logLevel: 'fatal',
      stack: false,
      pretty: false,
      warningsAsErrors: false,
      metadata: false,
      output: 'none',
      boring: true,
      selfHosted: false,
    },
    runAsBinary: false,
  }).run();
  const files = unzipSync(readFileSync(zipPath));
  const textOf = (file = ''): string => new TextDecoder().decode(files[file] ?? new Uint8Array());
  const used = new Set<ExplainedWarning>();
  const explained: LinterMessage[] = [];
  const unexplained: LinterMessage[] = [];
  for (const warning of output.warnings) {
    const reason = EXPLAINED_WARNINGS.find(
      (known) =>
        !used.has(known) &&
        known.code === warning.code &&
        known.file === warning.file &&
        known.holds(warning, textOf(warning.file)),
    );
    if (reason) used.add(reason);
    (reason ? explained : unexplained).push(warning);
  }
  return { errors: output.errors, notices: output.notices, unexplained, explained };
}
