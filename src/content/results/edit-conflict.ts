/**
 * A badge's edit that met another tab's change of the same fields: what the
 * next Save overwrites, and what the fields hold now, in the user's words.
 */
import type { Mention } from '../../core/mention.ts';
import type { ConflictField } from '../../core/messages.ts';
import { t } from '../../platform/i18n.ts';

/** The stored values of the fields in conflict. */
export function storedFields(stored: Mention, fields: readonly ConflictField[]): Partial<Mention> {
  const out: Partial<Mention> = {};
  for (const field of fields) {
    if (field === 'sentiment') out.sentiment = stored.sentiment;
    if (field === 'status') out.status = stored.status;
    if (field === 'note') out.note = stored.note;
  }
  return out;
}

/** "Note: “…”", what the fields in conflict hold now. */
export function describeFields(stored: Mention, fields: readonly ConflictField[]): string {
  const sentiments = {
    positive: 'sentimentPositive',
    neutral: 'sentimentNeutral',
    negative: 'sentimentNegative',
  } as const;
  const statuses = {
    new: 'logStatusNew',
    'in-progress': 'logStatusInProgress',
    done: 'logStatusDone',
  } as const;
  const words: Record<ConflictField, () => string> = {
    sentiment: () => `${t('popupSentiment')}: ${t(sentiments[stored.sentiment])}`,
    status: () => `${t('logStatus')}: ${t(statuses[stored.status])}`,
    note: () => `${t('popupNote')}: ${stored.note}`,
  };
  return fields.map((field) => words[field]()).join('; ');
}
