import { WorkerError } from '../../platform/messaging.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';
import type { WorkerErrorCode } from '../../core/messages.ts';
import { formatProblem } from './problems.ts';

const ERROR_TEXT: Partial<Record<WorkerErrorCode, MessageKey>> = {
  'quota-exceeded': 'errorQuota',
  'log-blocked': 'errorLogBlocked',
  'log-unavailable': 'errorLogUnavailable',
  'log-too-new': 'errorLogTooNew',
  'settings-too-new': 'errorSettingsTooNew',
  'settings-locked': 'errorSettingsLocked',
  'settings-full': 'errorSettingsFull',
  'unknown-message': 'errorUnknownMessage',
  'no-answer': 'errorNoAnswer',
};

/** A failure as a sentence a user can act on. */
export function describeFailure(error: unknown): string {
  if (error instanceof WorkerError) {
    if (error.code === 'invalid-message' && error.problem)
      return t('errorInvalidMessage', formatProblem(error.problem, t));
    const key = Object.hasOwn(ERROR_TEXT, error.code)
      ? ERROR_TEXT[error.code as WorkerErrorCode]
      : undefined;
    if (key) return t(key);
  }
  return t('errorGeneric', error instanceof Error ? error.message : String(error));
}

export function ErrorBanner({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p class="banner banner-error" role="alert">
      {error}
    </p>
  );
}
