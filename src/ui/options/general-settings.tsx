import { readableTextColor } from '../../core/color.ts';
import type { HighlightStyle } from '../../core/profile.ts';
import { t } from '../../platform/i18n.ts';
import type { OptionsDraft } from './draft.ts';

const STYLES: { value: HighlightStyle; label: 'optionsStyleFill' | 'optionsStyleUnderline' }[] = [
  { value: 'fill', label: 'optionsStyleFill' },
  { value: 'underline', label: 'optionsStyleUnderline' },
];

type Patch = (patch: Partial<OptionsDraft>) => void;

/** How hits are painted. */
export function DisplaySettings({ draft, onChange }: { draft: OptionsDraft; onChange: Patch }) {
  const color = draft.brands[0]?.color ?? '#ffd54f';
  const sample = (style: HighlightStyle) =>
    style === 'fill'
      ? { background: color, color: readableTextColor(color) }
      : { borderBottom: `3px solid ${color}` };
  return (
    <section class="card" aria-labelledby="display-heading">
      <h2 id="display-heading">{t('optionsDisplay')}</h2>
      <fieldset>
        <legend id="style-legend">{t('optionsHighlightStyle')}</legend>
        <div class="style-choices" role="radiogroup" aria-labelledby="style-legend">
          {STYLES.map((style) => (
            <div key={style.value} class="style-choice">
              <label>
                <input
                  type="radio"
                  name="highlightStyle"
                  value={style.value}
                  checked={draft.highlightStyle === style.value}
                  onChange={() => onChange({ highlightStyle: style.value })}
                />
                {t(style.label)}
              </label>
              <span class="style-sample" style={sample(style.value)} aria-hidden="true">
                {t('optionsStyleSample')}
              </span>
            </div>
          ))}
        </div>
      </fieldset>
    </section>
  );
}

/** Where the extension looks: a global pause and sites it never scans. */
export function ScanSettings(props: {
  draft: OptionsDraft;
  onChange: Patch;
  invalidSites: string[] | null;
  /** Sites the company's policy never scans (not editable here). */
  managedSites: string[];
}) {
  const { draft, onChange, invalidSites, managedSites } = props;
  const invalid = invalidSites !== null && invalidSites.length > 0;
  return (
    <section class="card" aria-labelledby="scan-heading">
      <h2 id="scan-heading">{t('optionsWhereToScan')}</h2>
      <label class="switch">
        <input
          type="checkbox"
          checked={draft.paused}
          onChange={(e) => onChange({ paused: e.currentTarget.checked })}
        />
        {t('optionsPauseEverywhere')}
      </label>
      <label>
        {t('optionsPausedSites')}
        <textarea
          rows={4}
          value={draft.pausedSitesText}
          placeholder="intranet.example.com"
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? 'sites-error sites-hint' : 'sites-hint'}
          onInput={(e) => onChange({ pausedSitesText: e.currentTarget.value })}
        />
      </label>
      <p id="sites-hint" class="field-hint">
        {t('optionsPausedSitesHint')}
      </p>
      {invalid && (
        <p id="sites-error" class="field-error">
          {t('optionsInvalidSites', invalidSites.join(', '))}
        </p>
      )}
      {managedSites.length > 0 && (
        <div class="managed-sites">
          <p>
            {t('optionsManagedSites')}{' '}
            <span class="pill managed-pill">{t('optionsSetByCompany')}</span>
          </p>
          <ul>
            {managedSites.map((site) => (
              <li key={site}>
                <code>{site}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
