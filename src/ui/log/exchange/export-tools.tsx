import { useState } from 'preact/hooks';
import {
  CSV_DIALECTS,
  defaultCsvDialect,
  defaultXlsxDateFormat,
  exportFileName,
  type CsvDialect,
} from '../../../core/exchange.ts';
import type { LogFilter, MentionSort } from '../../../core/log-query.ts';
import type { LogStatus } from '../../../core/messages.ts';
import { t, type MessageKey } from '../../../platform/i18n.ts';
import { describeFailure } from '../../components/errors.tsx';
import { selectedCount, type Selection } from '../grid/selection.ts';
import { useServices } from '../services.ts';
import { useAnnounce } from '../shared/live-region.tsx';
import { csvFile, jsonFile, xlsxFile } from './export-file.ts';
import { exchangeLabels } from './labels.ts';
import { mentionChunks, selectionChunks, sightingChunks } from './worker-chunks.ts';

export type ExportScope = 'view' | 'all';
type CsvRecords = 'mentions' | 'sightings';

const DIALECT_LABEL: Record<CsvDialect, MessageKey> = {
  'excel-de': 'logDialectExcelDe',
  standard: 'logDialectStandard',
};

/**
 * Export where you work: JSON, CSV (in the dialect chosen) and Excel, of
 * what is on screen (the filter, or the rows selected) or of everything,
 * with a progress bar while the chunks come; and the printable report.
 */
export function ExportTools(props: {
  filter: LogFilter;
  sort: MentionSort;
  selection: Selection;
  /** Mentions that pass the filter now. */
  total: number;
  reportPath: string;
  onBackedUp: (status: LogStatus) => void;
}) {
  const services = useServices();
  const { ask } = services;
  const announce = useAnnounce();
  const [scope, setScope] = useState<ExportScope>('view');
  const [dialect, setDialect] = useState<CsvDialect>(() => defaultCsvDialect(services.language));
  const [records, setRecords] = useState<CsvRecords>('mentions');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const picked = selectedCount(props.selection) > 0;
  const filter = scope === 'all' ? null : props.filter;
  const mentions = () =>
    scope === 'view' && picked
      ? selectionChunks(ask, props.selection, props.filter, props.sort, props.total)
      : mentionChunks(ask, filter, props.sort, services.logReader());
  // Sightings follow the filter; a selection of mentions leaves them out.
  const sightings = () => sightingChunks(ask, filter, services.logReader());
  const timeZone = services.timeZone ? { timeZone: services.timeZone } : {};
  const onProgress = (done: number, total: number) => setProgress({ done, total });

  const run = async (format: 'json' | 'csv' | 'xlsx', build: () => Promise<Blob>) => {
    setProgress({ done: 0, total: 0 });
    try {
      const file = await build();
      const now = new Date(services.now());
      const name = exportFileName(
        format,
        now,
        format === 'csv' && records === 'sightings' ? 'sightings' : 'log',
      );
      services.saveFile(file, name);
      announce({ text: t('logExported', name), kind: 'ok' });
      // A complete JSON export is a backup: the reminder starts counting again.
      if (format === 'json' && scope === 'all')
        props.onBackedUp(await ask('log/backup-done', null));
    } catch (e) {
      announce({ text: t('logExportFailed', describeFailure(e)), kind: 'error' });
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <fieldset class="export-tools" disabled={busy}>
      <legend>{t('logExport')}</legend>
      <label>
        <span class="visually-hidden">{t('logExportScope')}</span>
        <select value={scope} onChange={(e) => setScope(e.currentTarget.value as ExportScope)}>
          <option value="view">
            {picked ? t('logScopeSelected', selectedCount(props.selection)) : t('logScopeView')}
          </option>
          <option value="all">{t('logScopeAll')}</option>
        </select>
      </label>
      <button
        type="button"
        onClick={() =>
          void run('json', async () =>
            jsonFile(
              {
                mentions: mentions(),
                ...(scope === 'view' && picked ? {} : { sightings: sightings() }),
              },
              new Date(services.now()),
              onProgress,
              await services.exportIdentity(),
            ),
          )
        }
      >
        {t('logExportJson')}
      </button>
      <span class="csv-export">
        <button
          type="button"
          onClick={() =>
            void run('csv', () => {
              const options = { dialect, labels: exchangeLabels(), ...timeZone };
              return records === 'mentions'
                ? csvFile('mentions', mentions(), options, onProgress)
                : csvFile('sightings', sightings(), options, onProgress);
            })
          }
        >
          {t('logExportCsv')}
        </button>
        <label>
          <span class="visually-hidden">{t('logCsvDialect')}</span>
          <select
            aria-label={t('logCsvDialect')}
            value={dialect}
            onChange={(e) => setDialect(e.currentTarget.value as CsvDialect)}
          >
            {CSV_DIALECTS.map((d) => (
              <option key={d} value={d}>
                {t(DIALECT_LABEL[d])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="visually-hidden">{t('logCsvRecords')}</span>
          <select
            aria-label={t('logCsvRecords')}
            value={records}
            onChange={(e) => setRecords(e.currentTarget.value as CsvRecords)}
          >
            <option value="mentions">{t('logMentions')}</option>
            <option value="sightings">{t('logSightings')}</option>
          </select>
        </label>
      </span>
      <button
        type="button"
        onClick={() =>
          void run('xlsx', () =>
            xlsxFile(
              { mentions: mentions(), sightings: sightings() },
              {
                labels: exchangeLabels(),
                dateFormat: defaultXlsxDateFormat(services.language),
                now: new Date(services.now()),
                ...timeZone,
              },
              onProgress,
            ),
          )
        }
      >
        {t('logExportExcel')}
      </button>
      <button type="button" onClick={() => services.openPage(props.reportPath)}>
        {t('logOpenReport')}
      </button>
      {progress && (
        <span class="export-progress" role="status">
          <progress max={Math.max(1, progress.total)} value={progress.done} />
          {progress.total > 0
            ? t('logExporting', progress.done, progress.total)
            : t('logExportStarting')}
        </span>
      )}
    </fieldset>
  );
}
