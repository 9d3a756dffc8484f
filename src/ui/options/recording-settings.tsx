import type { EffectiveSettings, LockedSetting } from '../../core/policy.ts';
import { RECORDING_MODES, RETENTION_CHOICES, type RecordingMode } from '../../core/profile.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';
import type { OptionsDraft } from './draft.ts';

const MODE_TEXT: Record<RecordingMode, { label: MessageKey; hint: MessageKey }> = {
  full: { label: 'optionsModeFull', hint: 'optionsModeFullHint' },
  'manual-only': { label: 'optionsModeManual', hint: 'optionsModeManualHint' },
};

type Patch = (patch: Partial<OptionsDraft>) => void;

/** "30 days", "1 year", "Never". */
export function periodText(days: number): string {
  if (days === 0) return t('optionsRetentionNever');
  if (days === 365) return t('optionsRetentionYear');
  return t('optionsRetentionDays', days);
}

function PeriodSelect(props: {
  id: string;
  label: MessageKey;
  value: number;
  disabled: boolean;
  onChange: (days: number) => void;
}) {
  // A period a rollout wrote that the list does not offer is offered too.
  const choices = RETENTION_CHOICES.includes(props.value)
    ? RETENTION_CHOICES
    : [props.value, ...RETENTION_CHOICES];
  // A label beside the control, not around it: around it, the chosen option
  // would become part of the control's accessible name.
  return (
    <div class="period">
      <label for={props.id}>{t(props.label)}</label>
      <select
        id={props.id}
        value={String(props.value)}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {choices.map((days) => (
          <option key={days} value={String(days)}>
            {periodText(days)}
          </option>
        ))}
      </select>
    </div>
  );
}

const SetByCompany = ({ locked }: { locked: boolean }) =>
  locked ? <p class="field-hint managed-note">{t('optionsLockedByCompany')}</p> : null;

/**
 * What Markenlotse records and for how long: the works-council mode, the
 * retention periods, and the name exports carry. What the company's policy
 * sets is shown as it is in force, and cannot be changed.
 */
export function RecordingSettings(props: {
  draft: OptionsDraft;
  effective: EffectiveSettings;
  onChange: Patch;
}) {
  const { draft, effective, onChange } = props;
  const locked = (setting: LockedSetting) => effective.managed.locked.includes(setting);
  const mode = locked('mode') ? effective.mode : draft.mode;
  return (
    <section class="card" id="recording" aria-labelledby="recording-heading">
      <h2 id="recording-heading">{t('optionsRecording')}</h2>
      <fieldset>
        <legend id="mode-legend">{t('optionsMode')}</legend>
        <div role="radiogroup" aria-labelledby="mode-legend" class="mode-choices">
          {RECORDING_MODES.map((value) => (
            <label key={value} class="mode-choice">
              <input
                type="radio"
                name="mode"
                value={value}
                checked={mode === value}
                disabled={locked('mode')}
                onChange={() => onChange({ mode: value })}
              />
              <span>
                <strong>{t(MODE_TEXT[value].label)}</strong>
                <span class="field-hint">{t(MODE_TEXT[value].hint)}</span>
              </span>
            </label>
          ))}
        </div>
        <SetByCompany locked={locked('mode')} />
      </fieldset>
      <PeriodSelect
        id="retention-days"
        label="optionsRetention"
        value={locked('retentionDays') ? effective.retentionDays : draft.retentionDays}
        disabled={locked('retentionDays')}
        onChange={(retentionDays) => onChange({ retentionDays })}
      />
      <SetByCompany locked={locked('retentionDays')} />
      <PeriodSelect
        id="mention-retention-days"
        label="optionsMentionRetention"
        value={
          locked('mentionRetentionDays')
            ? effective.mentionRetentionDays
            : draft.mentionRetentionDays
        }
        disabled={locked('mentionRetentionDays')}
        onChange={(mentionRetentionDays) => onChange({ mentionRetentionDays })}
      />
      <SetByCompany locked={locked('mentionRetentionDays')} />
      <p class="field-hint">{t('optionsRetentionHint')}</p>
      <label>
        {t('optionsExportedBy')}
        <input
          type="text"
          value={draft.exportedBy}
          maxLength={200}
          aria-describedby="exported-by-hint"
          onInput={(e) => onChange({ exportedBy: e.currentTarget.value })}
        />
      </label>
      <p id="exported-by-hint" class="field-hint">
        {t('optionsExportedByHint')}
      </p>
    </section>
  );
}
