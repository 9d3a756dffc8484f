import { SENTIMENTS } from '../../core/mention.ts';
import { t } from '../../platform/i18n.ts';
import { sentimentLabel } from '../components/sentiment-picker.tsx';
import type { OverviewModel } from './overview-model.ts';
import { SENTIMENT_FILLS } from './palette.ts';
import { RankHistory } from './rank-history.tsx';
import { ShareOfVoice } from './share-of-voice.tsx';
import { TopSites } from './top-sites.tsx';
import { WeeklyBars } from './weekly-bars.tsx';

/** The four charts of the overview, for the workspace and the printed report. */
export function OverviewCharts(props: {
  model: OverviewModel;
  lang: string;
  tablesOpen?: boolean;
}) {
  const { model, lang } = props;
  const open = props.tablesOpen ? { tableOpen: true } : {};
  return (
    <div class="overview-charts">
      <WeeklyBars
        id="chart-mentions"
        title={t('chartMentionsPerWeek')}
        lang={lang}
        weeks={model.mentionWeeks}
        series={SENTIMENTS.map((s) => ({
          key: s,
          label: sentimentLabel(s),
          fill: SENTIMENT_FILLS[s],
          values: model.bySentiment[s],
        }))}
        {...open}
      />
      <ShareOfVoice
        id="chart-share"
        title={t('chartShareOfVoice')}
        lang={lang}
        weeks={model.shareWeeks}
        queries={model.shares}
        {...open}
      />
      <RankHistory
        id="chart-rank"
        title={t('chartRankHistory')}
        lang={lang}
        weeks={model.rankWeeks}
        lines={model.ranks}
        {...open}
      />
      <TopSites
        id="chart-sites"
        title={t('chartTopSites')}
        lang={lang}
        sites={model.topSites}
        {...open}
      />
    </div>
  );
}
