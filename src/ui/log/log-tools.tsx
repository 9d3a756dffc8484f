import { useState } from 'preact/hooks';
import type { ImportSummary } from '../../core/messages.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';
import { formatProblem } from '../components/problems.ts';
import { exportLog } from '../download.ts';
import { t } from '../../platform/i18n.ts';

export interface ImportOutcome {
  fileName: string;
  summary: ImportSummary;
}

/** Export, import and clear: everything that moves the log as a whole. */
export function LogTools(props: {
  mentionCount: number;
  sightingCount: number;
  onImported: (outcome: ImportOutcome) => void;
  onCleared: () => void;
  onError: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const fail = (e: unknown) => props.onError(describeFailure(e));

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      // The worker validates and merges; a broken file is reported there and changes nothing.
      const summary = await callWorker('log/import', { text: await file.text() });
      props.onImported({ fileName: file.name, summary });
    } catch (e) {
      fail(e);
    } finally {
      // Choosing the same file again must fire another change event.
      input.value = '';
      setBusy(false);
    }
  };

  const clear = async () => {
    if (!window.confirm(t('logConfirmClear', props.mentionCount, props.sightingCount))) return;
    setBusy(true);
    try {
      await callWorker('log/clear', null);
      props.onCleared();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="log-tools" role="group" aria-label={t('logToolsLabel')}>
      <button type="button" onClick={() => void exportLog('json').catch(fail)}>
        {t('exportJson')}
      </button>
      <button type="button" onClick={() => void exportLog('csv').catch(fail)}>
        {t('exportCsv')}
      </button>
      <label class={`file-button${busy ? ' disabled' : ''}`}>
        {t('logImportJson')}
        <input
          type="file"
          accept=".json,application/json"
          class="visually-hidden"
          disabled={busy}
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </label>
      <span class="spacer" />
      <button type="button" class="danger" disabled={busy} onClick={() => void clear()}>
        {t('logClear')}
      </button>
    </div>
  );
}

/** What an import did: counts, and every record it could not take, or why the file was refused. */
export function ImportReport({ outcome }: { outcome: ImportOutcome }) {
  const { fileName, summary } = outcome;
  const problems = summary.problems.map((p) => formatProblem(p, t));
  const nothingRead = summary.added + summary.updated + summary.unchanged + summary.sightings === 0;
  if (nothingRead && problems.length > 0) {
    return (
      <div class="import-report import-failed">
        <p>{t('logImportFailed', fileName)}</p>
        <ProblemList problems={problems} />
        <p>{t('logImportNothingChanged')}</p>
      </div>
    );
  }
  return (
    <div class="import-report">
      <p>
        {t(
          'logImportDone',
          fileName,
          summary.added,
          summary.updated,
          summary.unchanged,
          summary.sightings,
        )}
      </p>
      {problems.length > 0 && (
        <>
          <p>{t('logImportSkipped', problems.length)}</p>
          <ProblemList problems={problems} />
        </>
      )}
    </div>
  );
}

/** Every problem, in a box that scrolls when there are many. */
function ProblemList({ problems }: { problems: string[] }) {
  return (
    <ul class="problems">
      {problems.map((problem, i) => (
        <li key={i}>{problem}</li>
      ))}
    </ul>
  );
}
