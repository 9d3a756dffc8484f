import { WorkerError } from '../../platform/messaging.ts';
import { t } from '../../platform/i18n.ts';

/** A failure as a sentence a user can act on. */
export function describeFailure(error: unknown): string {
  if (error instanceof WorkerError && error.code === 'quota-exceeded') return t('errorQuota');
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
