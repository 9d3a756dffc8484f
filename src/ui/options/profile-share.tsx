import { useState } from 'preact/hooks';
import { exportedByField } from '../../core/export-identity.ts';
import type { SettingsReply } from '../../core/messages.ts';
import {
  planProfileImport,
  profileFileName,
  profileFileText,
  profileImportOperations,
  readProfileFile,
  type BrandField,
  type ProfileChange,
} from '../../core/profile-file.ts';
import type { Problem } from '../../core/problem.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';
import { callWorker } from '../../platform/messaging.ts';
import { describeFailure } from '../components/errors.tsx';
import { formatProblem } from '../components/problems.ts';
import { saveBlob } from '../download.ts';
import { ROLE_TEXT } from './role-choice.tsx';

const FIELD_TEXT: Record<BrandField, MessageKey> = {
  id: 'optionsFieldId',
  name: 'optionsFieldName',
  role: 'optionsRole',
  color: 'optionsColour',
  terms: 'optionsTerms',
  exclude: 'optionsExclusions',
  sites: 'optionsOwnSites',
};

interface Preview {
  fileName: string;
  plan: ProfileChange[];
  problems: Problem[];
}

/**
 * "Share the setup": the brands as a small file for a colleague, and the
 * import of such a file, which lists what it would change (brands added,
 * brands changed and how, brands unchanged) and changes nothing until the
 * user applies it.
 */
export function ProfileShare(props: {
  reply: SettingsReply;
  /** Unsaved edits would be lost when the page takes the imported settings. */
  dirty: boolean;
  onImported: (reply: SettingsReply) => void;
}) {
  const { settings, effective } = props.reply;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const locked = effective.managed.locked.includes('userBrands');

  const exportProfile = () =>
    saveBlob(
      new Blob([profileFileText(settings.brands, exportedByField(settings))], {
        type: 'application/json',
      }),
      profileFileName(),
    );

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMessage(null);
    const read = readProfileFile(await file.text());
    if (!read.ok) {
      setPreview(null);
      setMessage(formatProblem(read.problem, t));
      return;
    }
    setPreview({
      fileName: file.name,
      plan: planProfileImport(settings.brands, read.brands),
      problems: read.problems,
    });
  };

  const apply = async () => {
    if (!preview) return;
    try {
      const reply = await callWorker('settings/change', {
        operations: profileImportOperations(preview.plan),
      });
      props.onImported(reply);
      setPreview(null);
      setMessage(t('optionsProfileImported'));
    } catch (e) {
      setMessage(describeFailure(e));
    }
  };

  const changes = preview?.plan.filter((c) => c.kind !== 'same') ?? [];
  const same = (preview?.plan.length ?? 0) - changes.length;
  return (
    <section class="card" id="share" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('optionsShare')}</h2>
      <p class="field-hint">{t('optionsShareIntro')}</p>
      <div class="share-tools">
        <button type="button" onClick={exportProfile} disabled={settings.brands.length === 0}>
          {t('optionsExportProfile')}
        </button>
        <label class={`file-button${locked ? ' disabled' : ''}`}>
          {t('optionsImportProfile')}
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            disabled={locked}
            onChange={(e) => void choose(e.currentTarget)}
          />
        </label>
      </div>
      {message && (
        <p class="share-message" aria-live="polite">
          {message}
        </p>
      )}
      {preview && (
        <div class="profile-preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading">{t('optionsProfilePreview', preview.fileName)}</h3>
          {changes.length === 0 ? (
            <p>{t('optionsProfileNothingNew')}</p>
          ) : (
            <ul>
              {changes.map((change) => (
                <li key={change.brand.id}>
                  <strong>
                    {t(change.kind === 'add' ? 'optionsProfileAdds' : 'optionsProfileChanges')}
                  </strong>{' '}
                  {change.brand.name} ({t(ROLE_TEXT[change.brand.role])})
                  {change.kind === 'change' &&
                    `: ${change.fields.map((f) => t(FIELD_TEXT[f])).join(', ')}`}
                </li>
              ))}
            </ul>
          )}
          {same > 0 && <p class="muted">{t('optionsProfileSame', same)}</p>}
          {preview.problems.length > 0 && (
            <ul class="field-error">
              {preview.problems.map((p) => (
                <li key={`${p.path}-${p.code}`}>{formatProblem(p, t)}</li>
              ))}
            </ul>
          )}
          {props.dirty && changes.length > 0 && (
            <p class="field-hint">{t('optionsProfileUnsaved')}</p>
          )}
          <button
            type="button"
            class="primary"
            disabled={changes.length === 0}
            onClick={() => void apply()}
          >
            {t('optionsProfileApply')}
          </button>{' '}
          <button type="button" onClick={() => setPreview(null)}>
            {t('optionsCancel')}
          </button>
        </div>
      )}
    </section>
  );
}
