/**
 * A mention's edit that met another tab's or window's change of the same
 * fields: what is stored now beside what the user typed (still unsaved),
 * and the two ways out. The workspace and the popup show it alike.
 */
import { useId } from 'preact/hooks';
import type { Mention } from '../../core/mention.ts';
import type { ConflictField, MentionSeen } from '../../core/messages.ts';
import { t } from '../../platform/i18n.ts';
import { sentimentLabel, statusLabel } from '../log/words.ts';

export interface ConflictRow {
  /** The field, as the page names it ("Note"). */
  field: string;
  theirs: string;
  mine: string;
}

export function EditConflict(props: {
  title: string;
  rows: ConflictRow[];
  onKeepTheirs: () => void;
  onOverwrite: () => void;
  /** Announce it as it appears (a page without a live region of its own). */
  alert?: boolean;
}) {
  const heading = useId();
  const shown = (value: string) => value || t('editConflictEmpty');
  return (
    <section
      class="banner banner-warn edit-conflict"
      role={props.alert ? 'alert' : 'group'}
      aria-labelledby={heading}
    >
      <p id={heading}>{t('editConflictTitle', props.title)}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('editConflictField')}</th>
            <th scope="col">{t('editConflictTheirs')}</th>
            <th scope="col">{t('editConflictMine')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">{row.field}</th>
              <td class="conflict-theirs">{shown(row.theirs)}</td>
              <td class="conflict-mine">{shown(row.mine)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="actions">
        <button type="button" onClick={props.onKeepTheirs}>
          {t('editConflictKeepTheirs')}
        </button>{' '}
        <button type="button" class="primary" onClick={props.onOverwrite}>
          {t('editConflictOverwrite')}
        </button>
      </p>
    </section>
  );
}

/** The fields in conflict, the stored value beside the user's, in the user's words. */
export function conflictRows(
  fields: readonly (ConflictField | 'tags')[],
  stored: Mention,
  mine: MentionSeen,
): ConflictRow[] {
  return fields.map((field): ConflictRow => {
    if (field === 'sentiment')
      return {
        field: t('logSentiment'),
        theirs: sentimentLabel(stored.sentiment),
        mine: mine.sentiment ? sentimentLabel(mine.sentiment) : '',
      };
    if (field === 'status')
      return {
        field: t('logStatus'),
        theirs: statusLabel(stored.status),
        mine: mine.status ? statusLabel(mine.status) : '',
      };
    if (field === 'tags')
      return {
        field: t('logTags'),
        theirs: stored.tags.join(', '),
        mine: (mine.tags ?? []).join(', '),
      };
    return { field: t('logNote'), theirs: stored.note, mine: mine.note ?? '' };
  });
}
