import { useEffect, useState } from 'preact/hooks';
import type { RecordingMode } from '../../core/profile.ts';
import { t } from '../../platform/i18n.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';

/**
 * In the works-council mode nothing about visited pages is recorded any
 * more; what was recorded before stays until deleted or expired. This offers
 * to delete it at once (whoever switched the mode on: the user or the policy).
 */
export function SightingsOffer({ mode, version }: { mode: RecordingMode; version: unknown }) {
  const [count, setCount] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (mode !== 'manual-only') return setCount(null);
    callWorker('log/counts', null)
      .then((counts) => setCount(counts.sightings))
      .catch(() => setCount(null));
  }, [mode, version]);

  if (done) return <p class="banner banner-ok">{t('optionsSightingsDeleted')}</p>;
  if (mode !== 'manual-only' || !count) return null;
  const remove = async () => {
    try {
      await callWorker('log/delete-sightings', null);
      setDone(true);
    } catch (e) {
      setError(describeFailure(e));
    }
  };
  return (
    <div class="banner banner-warn sightings-offer">
      <p>{t('optionsSightingsOffer', count)}</p>
      <button type="button" class="danger" onClick={() => void remove()}>
        {t('optionsDeleteSightings')}
      </button>
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}
