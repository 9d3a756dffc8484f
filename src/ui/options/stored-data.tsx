import { useState } from 'preact/hooks';
import type { EffectiveSettings } from '../../core/policy.ts';
import {
  describeStoredData,
  reportAsText,
  type Line,
  type StoredDataReport,
} from '../../core/stored-data-report.ts';
import { t, type MessageKey } from '../../platform/i18n.ts';

/** Catalog texts are locale keys by construction (core/stored-data.ts; a unit test checks both languages). */
const say = (line: Line): string => t(line.key as MessageKey, ...(line.params ?? []));

/** The report for the settings in force. */
export function storedDataReport(effective: EffectiveSettings): StoredDataReport {
  return describeStoredData({
    mode: effective.mode,
    retentionDays: effective.retentionDays,
    mentionRetentionDays: effective.mentionRetentionDays,
    sync: effective.sync,
    managed: effective.managed.active,
  });
}

/**
 * "What is stored, in plain words", generated from the code's own catalog
 * for the settings in force; printable and copyable, to attach to a works
 * agreement or a record of processing (Art. 30 GDPR).
 */
export function StoredData({ effective }: { effective: EffectiveSettings }) {
  const [copied, setCopied] = useState(false);
  const report = storedDataReport(effective);
  const copy = async () => {
    await navigator.clipboard.writeText(
      reportAsText(report, (key, params) => t(key as MessageKey, ...params), t('storedTitle')),
    );
    setCopied(true);
  };
  const printReport = () => {
    // The print styles (ui.css) show only this section while the class is set.
    document.body.classList.add('printing-stored');
    window.addEventListener('afterprint', () => document.body.classList.remove('printing-stored'), {
      once: true,
    });
    window.print();
  };
  return (
    <section class="card stored-data" id="stored" aria-labelledby="stored-heading">
      <h2 id="stored-heading">{t('storedTitle')}</h2>
      <p class="field-hint no-print">{t('storedIntroPage')}</p>
      <div class="stored-tools no-print">
        <button type="button" onClick={() => void copy()}>
          {t('storedCopy')}
        </button>
        <button type="button" onClick={printReport}>
          {t('storedPrint')}
        </button>
        <span aria-live="polite">{copied ? t('storedCopied') : ''}</span>
      </div>
      {report.intro.map((line) => (
        <p key={line.key}>{say(line)}</p>
      ))}
      {report.places.map((place) => (
        <section key={place.place} class="stored-place">
          <h3>{say(place.title)}</h3>
          {place.records.map((record) => (
            <article key={record.where} class="stored-record">
              <h4>
                {say(record.what)} <code>{record.where}</code>
              </h4>
              <p>
                {say(record.written)} {say(record.kept)}
              </p>
              <dl class="stored-fields" aria-label={t('storedFields')}>
                {record.fields.map((field) => (
                  <div key={field.name}>
                    <dt>
                      <code>{field.name}</code>
                    </dt>
                    <dd>{say(field.text)}</dd>
                  </div>
                ))}
              </dl>
            </article>
          ))}
        </section>
      ))}
      {report.outro.map((line) => (
        <p key={line.key}>{say(line)}</p>
      ))}
    </section>
  );
}
