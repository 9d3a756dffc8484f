import { t } from '../../platform/i18n.ts';
import { ChartFrame } from './chart-frame.tsx';
import { numberLabel } from './format.ts';
import { OKABE_ITO } from './palette.ts';
import { linearScale } from './scale.ts';
import { truncate } from './share-of-voice.tsx';

export interface SiteCount {
  site: string;
  mentions: number;
  sightings: number;
  hits: number;
}

const W = 640;
const ROW = 22;
const LABEL = 190;

/** The sites with the most mentions, as bars with their number at the end. */
export function TopSites(props: {
  id: string;
  title: string;
  lang: string;
  sites: readonly SiteCount[];
  tableOpen?: boolean;
}) {
  const { id, sites, lang } = props;
  const x = linearScale(Math.max(0, ...sites.map((s) => s.mentions)), [LABEL, W - 48]);
  const height = sites.length * ROW + 4;
  const first = sites[0];
  return (
    <ChartFrame
      id={id}
      title={props.title}
      summary={
        first
          ? t('chartTopSitesSummary', first.site, numberLabel(first.mentions, lang))
          : t('chartNoData')
      }
      empty={sites.length === 0 ? t('chartNoData') : undefined}
      {...(props.tableOpen ? { tableOpen: true } : {})}
      chart={
        <svg viewBox={`0 0 ${W} ${height}`} class="chart-canvas" aria-hidden="true">
          {sites.map((s, i) => (
            <g key={s.site} data-site={s.site}>
              <text x={LABEL - 8} y={i * ROW + 15} text-anchor="end" class="row-label">
                <title>{s.site}</title>
                {truncate(s.site, 28)}
              </text>
              <rect
                x={LABEL}
                y={i * ROW + 3}
                height={ROW - 6}
                width={Math.max(1, x.at(s.mentions) - LABEL)}
                fill={OKABE_ITO.blue}
              />
              <text x={x.at(s.mentions) + 6} y={i * ROW + 15} class="value">
                {numberLabel(s.mentions, lang)}
              </text>
            </g>
          ))}
        </svg>
      }
      table={
        <table class="chart-data">
          <thead>
            <tr>
              <th scope="col">{t('chartSite')}</th>
              <th scope="col" class="num">
                {t('chartMentions')}
              </th>
              <th scope="col" class="num">
                {t('chartSightings')}
              </th>
              <th scope="col" class="num">
                {t('chartHits')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.site}>
                <th scope="row">{s.site}</th>
                <td class="num">{s.mentions}</td>
                <td class="num">{s.sightings}</td>
                <td class="num">{s.hits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
