import { useEffect, useState } from 'preact/hooks';
import type { SettingsReply, SyncStatus } from '../../core/messages.ts';
import { SYNC_QUOTA } from '../../core/sync-items.ts';
import { t, uiLanguage } from '../../platform/i18n.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';

const number = (n: number) => n.toLocaleString(uiLanguage());

function statusText(status: SyncStatus): string | null {
  if (status.error?.code === 'too-large')
    return t('optionsSyncTooLarge', number(status.error.bytes ?? 0), number(SYNC_QUOTA.totalBytes));
  if (status.error?.code === 'too-many-items') return t('optionsSyncTooManyItems');
  if (status.error) return t('optionsSyncWriteFailed');
  if (status.enabled && status.bytes !== undefined)
    return t('optionsSyncUsage', number(status.bytes), number(SYNC_QUOTA.totalBytes));
  return null;
}

/**
 * Sync of the settings (never the log) across the user's own browsers,
 * through storage.sync. Switching it on where other browsers have synced
 * settings asks which to keep.
 */
export function SyncSettings(props: { onChanged: (reply: SettingsReply) => void }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    callWorker('sync/status', null)
      .then(setStatus)
      .catch((e: unknown) => setError(describeFailure(e)));
  useEffect(() => {
    void refresh();
  }, []);

  const settle = async (next: Promise<unknown>) => {
    setError(null);
    try {
      await next;
      setAsking(false);
      props.onChanged(await callWorker('settings/get', null));
      await refresh();
    } catch (e) {
      setError(describeFailure(e));
    }
  };
  const start = (take: 'remote' | 'local') => settle(callWorker('sync/start', { take }));
  const toggle = (on: boolean) => {
    if (!on)
      return settle(
        callWorker('settings/change', { operations: [{ op: 'set', field: 'sync', value: false }] }),
      );
    if (status?.remote) return setAsking(true);
    return start('local');
  };

  if (!status) return null;
  const text = statusText(status);
  return (
    <div class="sync-settings">
      <label class="switch">
        <input
          type="checkbox"
          checked={status.enabled || asking}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        {t('optionsSync')}
      </label>
      <p class="field-hint">{t('optionsSyncHint')}</p>
      {asking && status.remote && (
        <div role="alertdialog" aria-labelledby="sync-question" class="confirm">
          <p id="sync-question">{t('optionsSyncQuestion', status.remote.brands)}</p>
          <button type="button" onClick={() => void start('remote')}>
            {t('optionsSyncTakeRemote')}
          </button>{' '}
          <button type="button" onClick={() => void start('local')}>
            {t('optionsSyncTakeLocal')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {t('optionsCancel')}
          </button>
        </div>
      )}
      {text && (
        <p class={status.error ? 'field-error' : 'field-hint'} aria-live="polite" data-sync-state>
          {text}
        </p>
      )}
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}
