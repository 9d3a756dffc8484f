import type { Problem } from '../../core/problem.ts';
import { t } from '../../platform/i18n.ts';
import { formatProblem } from '../components/problems.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid';

/**
 * The foot of the form: what the worker adjusted on the last save, a note
 * when fields block saving, the Save button and the page's one status line.
 */
export function SaveBar(props: {
  state: SaveState;
  dirty: boolean;
  blocked: boolean;
  problems: Problem[];
  /** The stored settings are newer than this version: nothing can be saved. */
  readOnly: boolean;
}) {
  const { state, dirty, blocked, problems, readOnly } = props;
  const status =
    state === 'saving'
      ? t('optionsSaving')
      : dirty
        ? t('optionsPending')
        : state === 'saved'
          ? t('optionsSaved')
          : '';
  return (
    <>
      {problems.length > 0 && (
        <div class="banner banner-warn">
          <p>{t('optionsSavedWithProblems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}-${p.code}`}>{formatProblem(p, t)}</li>
            ))}
          </ul>
        </div>
      )}
      {state === 'invalid' && blocked && (
        <p class="banner banner-error" role="alert">
          {t('optionsFixMarked')}
        </p>
      )}
      <div class="save-bar">
        <button type="submit" class="primary" disabled={state === 'saving' || readOnly}>
          {t('optionsSave')}
        </button>
        <span role="status" class="save-status">
          {status}
        </span>
      </div>
    </>
  );
}
