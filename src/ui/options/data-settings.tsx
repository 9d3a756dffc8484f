import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';

/**
 * Whether the browser may clear the log when disk space runs short: the
 * worker asks for persistent storage (navigator.storage.persist); this shows
 * what the browser granted.
 */
export function StorageState() {
  const [persisted, setPersisted] = useState<boolean | null | undefined>(undefined);
  useEffect(() => {
    if (!navigator.storage?.persisted) return setPersisted(null);
    navigator.storage.persisted().then(setPersisted, () => setPersisted(null));
  }, []);
  if (persisted === undefined) return null;
  return (
    <p class="storage-state" data-persisted={String(persisted)}>
      {t(
        persisted === null
          ? 'optionsStorageUnknown'
          : persisted
            ? 'optionsStoragePersisted'
            : 'optionsStorageNotPersisted',
      )}
    </p>
  );
}

/**
 * "Delete everything": the log, the sightings, the ranks and the user's
 * settings, after a confirmation; then the first-run page, as after install.
 */
export function DeleteEverything({ managed }: { managed: boolean }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  const erase = async () => {
    try {
      await callWorker('data/erase', null);
      location.replace('options.html?welcome=1');
    } catch (e) {
      setError(describeFailure(e));
    }
  };
  return (
    <div class="delete-everything">
      <p class="field-hint">
        {t(managed ? 'optionsDeleteEverythingManaged' : 'optionsDeleteEverythingHint')}
      </p>
      {asking ? (
        <div role="alertdialog" aria-labelledby="erase-question" class="confirm">
          <p id="erase-question">
            <strong>{t('optionsDeleteEverythingQuestion')}</strong>
          </p>
          <button type="button" class="danger" ref={confirm} onClick={() => void erase()}>
            {t('optionsDeleteEverythingConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {t('optionsCancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="danger" onClick={() => setAsking(true)}>
          {t('optionsDeleteEverything')}
        </button>
      )}
      {error && <p class="field-error">{error}</p>}
    </div>
  );
}
