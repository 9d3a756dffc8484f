import { useState } from 'preact/hooks';
import type { LogStatus } from '../../core/messages.ts';
import { formatDate, t } from '../../platform/i18n.ts';
import { describeFailure } from '../components/errors.tsx';
import { saveBackup } from './exchange/backup.ts';
import { useServices } from './services.ts';
import { useAnnounce } from './shared/live-region.tsx';

/**
 * Shown when the log holds more than 20 mentions and has not been exported
 * for 30 days (the worker decides: LogStatus.backupDue): a backup in one
 * click, or the reminder switched off for good.
 */
export function BackupReminder({
  status,
  onStatus,
}: {
  status: LogStatus;
  onStatus: (s: LogStatus) => void;
}) {
  const services = useServices();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  if (!status.backupDue) return null;
  const backup = async () => {
    setBusy(true);
    try {
      const { name, status: next } = await saveBackup(services);
      announce({ text: t('logExported', name), kind: 'ok' });
      onStatus(next);
    } catch (e) {
      announce({ text: t('logExportFailed', describeFailure(e)), kind: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const off = async () => {
    try {
      onStatus(await services.ask('log/backup-reminder', { on: false }));
      announce({ text: t('logBackupReminderOff') });
    } catch (e) {
      announce({ text: describeFailure(e), kind: 'error' });
    }
  };
  return (
    <div
      class="banner banner-warn backup-reminder"
      role="region"
      aria-label={t('logBackupHeading')}
    >
      <p>
        <strong>{t('logBackupHeading')}</strong>{' '}
        {status.lastExportAt
          ? t('logBackupSince', formatDate(status.lastExportAt), status.mentions)
          : t('logBackupNever', status.mentions)}
      </p>
      <button type="button" class="primary" disabled={busy} onClick={() => void backup()}>
        {t('logBackupNow')}
      </button>
      <button type="button" class="quiet" disabled={busy} onClick={() => void off()}>
        {t('logBackupOff')}
      </button>
    </div>
  );
}
