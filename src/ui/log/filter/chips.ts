/** The values a filter holds, each as "Brand: ACME", for the chips of the filter bar and the report's header. */
import type { LogFilter } from '../../../core/log-query.ts';
import type { MentionStatus, Sentiment, SightingKind } from '../../../core/mention.ts';
import { t, uiLanguage } from '../../../platform/i18n.ts';
import { engineLabel, kindLabel, roleLabel, sentimentLabel, statusLabel } from '../words.ts';

export type ChipField = keyof Omit<LogFilter, 'text'>;

export interface Chip {
  field: ChipField;
  value: string;
  label: string;
}

export function filterChips(filter: LogFilter): Chip[] {
  const chips: Chip[] = [];
  const each = <F extends ChipField>(
    field: F,
    name: string,
    label: (v: string) => string = (v) => v,
  ) => {
    const values = filter[field];
    for (const value of Array.isArray(values) ? (values as string[]) : [])
      chips.push({ field, value, label: `${name}: ${label(value)}` });
  };
  each('brands', t('logFilterBrand'));
  if (filter.role)
    chips.push({
      field: 'role',
      value: filter.role,
      label: `${t('logFilterRole')}: ${roleLabel(filter.role)}`,
    });
  each('sentiments', t('logFilterSentiment'), (v) => sentimentLabel(v as Sentiment));
  each('tags', t('logFilterTag'));
  each('statuses', t('logFilterStatus'), (v) => statusLabel(v as MentionStatus));
  each('kinds', t('logFilterKind'), (v) => kindLabel(v as SightingKind));
  each('sites', t('logFilterSite'));
  each('engines', t('logFilterEngine'), engineLabel);
  each('queries', t('logFilterQuery'));
  if (filter.from)
    chips.push({
      field: 'from',
      value: filter.from,
      label: `${t('logFilterFrom')}: ${formatDay(filter.from)}`,
    });
  if (filter.to)
    chips.push({
      field: 'to',
      value: filter.to,
      label: `${t('logFilterTo')}: ${formatDay(filter.to)}`,
    });
  return chips;
}

/** A chip taken out of the filter. */
export function withoutChip(filter: LogFilter, chip: Chip): LogFilter {
  const next = { ...filter };
  const { field } = chip;
  if (field === 'role' || field === 'from' || field === 'to' || field === 'source')
    delete next[field];
  else next[field] = (filter[field] as string[]).filter((v) => v !== chip.value) as never;
  return next;
}

/** A local calendar day (`2026-11-01`) as the user writes it. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toLocaleDateString(uiLanguage(), {
    dateStyle: 'medium',
  });
}
