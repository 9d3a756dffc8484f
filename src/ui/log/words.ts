/** The workspace's words for stored values: sentiment, status, role, sighting kind, engine. */
import type { MentionStatus, SightingKind } from '../../core/mention.ts';
import type { BrandRole } from '../../core/profile.ts';
import { engineLabel, t, type MessageKey } from '../../platform/i18n.ts';
import { sentimentLabel } from '../components/sentiment-picker.tsx';

export { engineLabel, sentimentLabel };

const STATUS: Record<MentionStatus, MessageKey> = {
  new: 'logStatusNew',
  'in-progress': 'logStatusInProgress',
  done: 'logStatusDone',
};
export const statusLabel = (status: MentionStatus): string => t(STATUS[status]);

const ROLE: Record<BrandRole, MessageKey> = { own: 'logRoleOwn', competitor: 'logRoleCompetitor' };
export const roleLabel = (role: BrandRole): string => t(ROLE[role]);

const KIND: Record<SightingKind, MessageKey> = {
  page: 'logKindPage',
  result: 'logKindResult',
  ad: 'logKindAd',
  'competitor-ad': 'logKindCompetitorAd',
};
export const kindLabel = (kind: SightingKind): string => t(KIND[kind]);
