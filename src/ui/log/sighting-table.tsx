import type { Sighting, SightingKind } from '../../core/mention.ts';
import { formatDate, t, type MessageKey } from '../../platform/i18n.ts';
import { PageCell, SearchInfo } from './page-cell.tsx';
import { useShowMore } from './show-more.tsx';

const KIND: Record<SightingKind, MessageKey> = {
  page: 'logKindPage',
  result: 'logKindResult',
  ad: 'logKindAd',
  'competitor-ad': 'logKindCompetitorAd',
};

/** Where the names were seen automatically, most recent first. */
export function SightingTable({ sightings }: { sightings: Sighting[] }) {
  const { visible, more } = useShowMore(sightings);
  return (
    <>
      <div class="table-scroll">
        <table class="log-table sightings">
          <thead>
            <tr>
              <th scope="col">{t('logPage')}</th>
              <th scope="col">{t('logKind')}</th>
              <th scope="col" class="num">
                {t('logHits')}
              </th>
              <th scope="col" class="num">
                {t('logVisits')}
              </th>
              <th scope="col">{t('logFirstSeen')}</th>
              <th scope="col">{t('logLastSeen')}</th>
              <th scope="col">{t('logSearchColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((s) => (
              <tr key={s.key} class={`kind-${s.kind}`}>
                <td class="page-col">
                  <PageCell url={s.url} title={s.title} />
                  {s.terms.length > 0 && (
                    <span class="terms muted">
                      {s.terms.map((term) => `${term.term} ×${term.count}`).join(', ')}
                    </span>
                  )}
                </td>
                <td>{t(KIND[s.kind])}</td>
                <td class="num">{s.hits}</td>
                <td class="num">{s.visits}</td>
                <td class="nowrap">
                  <time dateTime={s.firstSeen}>{formatDate(s.firstSeen)}</time>
                </td>
                <td class="nowrap">
                  <time dateTime={s.lastSeen}>{formatDate(s.lastSeen)}</time>
                </td>
                <td>{s.search && <SearchInfo search={s.search} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more}
    </>
  );
}
