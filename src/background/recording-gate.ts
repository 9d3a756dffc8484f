/**
 * The works-council mode's one gate (README, "Works-council mode"): may the
 * worker record what pages and results pages show, or only what the user
 * logs on purpose? The page/report and results/report handlers ask it first
 * and, when it says no, write nothing to the log (the badge and this
 * session's "new"/rank marks still work: session-results.ts).
 */
import { readSettings } from './settings-store.ts';

/** False in manual-only mode, chosen by the user or enforced by the company's policy. */
export async function recordsAutomatically(): Promise<boolean> {
  return (await readSettings()).effective.mode === 'full';
}
