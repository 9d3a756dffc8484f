import { useEffect, useState } from 'preact/hooks';
import type {
  MergeChoice,
  MergeChoices,
  ImportPreview,
  ImportSummary,
} from '../../../core/messages.ts';
import type { Problem } from '../../../core/problem.ts';
import { t } from '../../../platform/i18n.ts';
import { WorkerError } from '../../../platform/messaging.ts';
import { describeFailure } from '../../components/errors.tsx';
import { formatProblem } from '../../components/problems.ts';
import { useServices } from '../services.ts';
import { useAnnounce } from '../shared/live-region.tsx';
import { ImportDifferences } from './import-differences.tsx';
import { stageFile, type StageProgress } from './import-run.ts';

type Step =
  | { step: 'idle' }
  | { step: 'reading'; name: string; progress: StageProgress }
  | { step: 'refused'; name: string; problem: Problem }
  | PreviewStep
  | { step: 'committing'; name: string; importId: string; done: number; total: number }
  | { step: 'done'; name: string; summary: ImportSummary };

/** The staged file and what it would change; `failure`: why the last commit did not go through. */
interface PreviewStep {
  step: 'preview';
  name: string;
  importId: string;
  preview: ImportPreview;
  problems: Problem[];
  failure?: string;
}

/** The worker's refusal of a file (`import-refused`, with the problem), if that is what it was. */
const refusalOf = (error: unknown): Problem | undefined =>
  error instanceof WorkerError && error.code === 'import-refused' ? error.problem : undefined;

/**
 * Import of a JSON export: the file is read with progress, then a preview
 * says what it would add and what differs, the user chooses for the
 * differences, and only then is anything merged (in one transaction).
 */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const services = useServices();
  const { ask } = services;
  const announce = useAnnounce();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [choices, setChoices] = useState<MergeChoices>({});

  // The worker tells the progress of a commit on the port.
  useEffect(
    () =>
      services.listen((notice) => {
        if (notice.type !== 'import-progress') return;
        setState((s) =>
          s.step === 'committing' && s.importId === notice.importId
            ? { ...s, done: notice.done, total: notice.total }
            : s,
        );
      }),
    [],
  );

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Choosing the same file again must fire another change event.
    input.value = '';
    if (!file) return;
    setChoices({});
    setState({
      step: 'reading',
      name: file.name,
      progress: { bytes: 0, size: file.size, records: 0 },
    });
    try {
      const staged = await stageFile(
        file,
        ask,
        (progress) => setState({ step: 'reading', name: file.name, progress }),
        refusalOf,
      );
      if (!staged.ok) {
        setState({ step: 'refused', name: file.name, problem: staged.problem });
        announce({ text: t('logImportRefused', file.name), kind: 'error' });
        return;
      }
      const preview = await ask('import/preview', { importId: staged.importId });
      setState({
        step: 'preview',
        name: file.name,
        importId: staged.importId,
        preview,
        problems: staged.problems,
      });
    } catch (e) {
      setState({ step: 'idle' });
      announce({ text: t('logImportError', file.name, describeFailure(e)), kind: 'error' });
    }
  };

  const commit = async (staged: PreviewStep) => {
    const { name, importId } = staged;
    setState({ step: 'committing', name, importId, done: 0, total: 0 });
    try {
      const summary = await ask('import/commit', { importId, choices });
      setState({ step: 'done', name, summary });
      announce({
        text: t(
          'logImportDone',
          name,
          summary.added,
          summary.updated,
          summary.copied,
          summary.unchanged,
          summary.sightings,
        ),
        kind: 'ok',
      });
      onImported();
    } catch (e) {
      const failure = t('logImportError', name, describeFailure(e));
      // The commit is one transaction: refused (a full disk), it changed
      // nothing and the staged file is still there, so the preview stays (its
      // alert says why) for another try once there is room, or to cancel,
      // which frees the space.
      if (e instanceof WorkerError && e.code === 'import-gone') {
        setState({ step: 'idle' });
        announce({ text: failure, kind: 'error' });
      } else setState({ ...staged, failure });
    }
  };

  const cancel = async (importId: string) => {
    setState({ step: 'idle' });
    await ask('import/cancel', { importId }).catch(() => false);
    announce({ text: t('logImportCancelled') });
  };

  const busy = state.step === 'reading' || state.step === 'committing';
  return (
    <div class="import-panel">
      <label class={`file-button${busy ? ' disabled' : ''}`}>
        {t('logImportJson')}
        <input
          type="file"
          accept=".json,application/json"
          class="visually-hidden"
          disabled={busy}
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      {state.step === 'reading' && (
        <p class="import-progress" role="status">
          <progress max={Math.max(1, state.progress.size)} value={state.progress.bytes} />{' '}
          {t('logImportReading', state.name, state.progress.records)}
        </p>
      )}
      {state.step === 'committing' && (
        <p class="import-progress" role="status">
          <progress max={Math.max(1, state.total)} value={state.done} />{' '}
          {t('logImportCommitting', state.name)}
        </p>
      )}
      {state.step === 'refused' && (
        <div class="import-report import-failed" role="alert">
          <p>{t('logImportFailed', state.name)}</p>
          <p>{formatProblem(state.problem, t)}</p>
          <p>{t('logImportNothingChanged')}</p>
        </div>
      )}
      {state.step === 'preview' && (
        <Preview
          {...state}
          choices={choices}
          onChoices={setChoices}
          onCommit={() => void commit(state)}
          onCancel={() => void cancel(state.importId)}
        />
      )}
    </div>
  );
}

function Preview(props: {
  name: string;
  importId: string;
  preview: ImportPreview;
  problems: Problem[];
  failure?: string;
  choices: MergeChoices;
  onChoices: (choices: MergeChoices) => void;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { preview, choices } = props;
  const { mentions, sightings } = preview;
  const nothing = mentions.added + mentions.differing + sightings.added + sightings.combined === 0;
  const problems = [...props.problems, ...preview.problems].slice(0, 20);
  const problemCount = Math.max(preview.problemCount, props.problems.length);
  return (
    <section class="import-preview card" aria-labelledby="import-preview-heading">
      <h3 id="import-preview-heading">{t('logImportPreviewHeading', props.name)}</h3>
      <ul class="import-counts">
        <li data-count="added">{t('logImportNew', mentions.added)}</li>
        <li data-count="identical">{t('logImportPresent', mentions.identical)}</li>
        <li data-count="differing">{t('logImportDiffering', mentions.differing)}</li>
        <li data-count="sightings">
          {t('logImportSightings', sightings.added, sightings.combined)}
        </li>
      </ul>
      {problemCount > 0 && (
        <details class="import-problems">
          <summary>{t('logImportSkipped', problemCount)}</summary>
          <ul class="problems">
            {problems.map((p, i) => (
              <li key={i}>{formatProblem(p, t)}</li>
            ))}
          </ul>
        </details>
      )}
      {mentions.differing > 0 && (
        <ImportDifferences
          importId={props.importId}
          total={mentions.differing}
          choices={choices}
          onChoices={props.onChoices}
        />
      )}
      {nothing && <p class="muted">{t('logImportNothingNew')}</p>}
      {props.failure && (
        <p class="import-failed" role="alert">
          {props.failure}
        </p>
      )}
      <div class="import-actions">
        <button type="button" class="primary" onClick={props.onCommit}>
          {nothing ? t('logImportFinish') : t('logImportCommit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('logImportCancel')}
        </button>
      </div>
    </section>
  );
}

export type { MergeChoice };
