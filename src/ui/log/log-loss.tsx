import type { LogStatus } from '../../core/messages.ts';
import { formatDate, t } from '../../platform/i18n.ts';
import { describeFailure } from '../components/errors.tsx';
import { useServices } from './services.ts';
import { useAnnounce } from './shared/live-region.tsx';

/**
 * Said when the worker found the log deleted outside Markenlotse and had to
 * start a new, empty one (background/log-presence.ts): the loss is not
 * hidden. It stays until the user has read it.
 */
export function LogLossNotice({
  status,
  onStatus,
}: {
  status: LogStatus;
  onStatus: (s: LogStatus) => void;
}) {
  const services = useServices();
  const announce = useAnnounce();
  if (!status.lost) return null;
  const seen = async () => {
    try {
      onStatus(await services.ask('log/loss-seen', null));
    } catch (e) {
      announce({ text: describeFailure(e), kind: 'error' });
    }
  };
  return (
    <div class="banner banner-error log-loss" role="alert">
      <p>
        <strong>{t('logLostHeading')}</strong>{' '}
        {t('logLostText', formatDate(status.lost.at), formatDate(status.lost.since))}
      </p>
      <button type="button" onClick={() => void seen()}>
        {t('logLostSeen')}
      </button>
    </div>
  );
}
