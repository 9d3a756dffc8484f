/**
 * Colours and fills of the charts. The colours are Okabe and Ito's palette
 * for colour-blind readers (https://jfly.uni-koeln.de/color/), and no chart
 * relies on colour alone: each series also has a pattern (it survives a
 * black-and-white print), and values are labelled directly or in the table
 * beside the chart.
 */
import type { Sentiment } from '../../core/mention.ts';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

/** A fill: a colour with a pattern over it (`solid`: none). */
export interface Fill {
  color: string;
  pattern: PatternName;
}

export type PatternName = 'solid' | 'dots' | 'hatch' | 'cross' | 'lines';

export const SENTIMENT_FILLS: Record<Sentiment, Fill> = {
  positive: { color: OKABE_ITO.bluishGreen, pattern: 'solid' },
  neutral: { color: OKABE_ITO.grey, pattern: 'dots' },
  negative: { color: OKABE_ITO.vermillion, pattern: 'hatch' },
};

export const ROLE_FILLS = {
  own: { color: OKABE_ITO.blue, pattern: 'solid' },
  competitors: { color: OKABE_ITO.orange, pattern: 'hatch' },
} as const satisfies Record<string, Fill>;

/** Lines of the rank chart, in order: colour and marker differ for each. */
export const LINE_STYLES: readonly { color: string; marker: MarkerName; dash: string }[] = [
  { color: OKABE_ITO.blue, marker: 'circle', dash: '' },
  { color: OKABE_ITO.vermillion, marker: 'square', dash: '6 3' },
  { color: OKABE_ITO.bluishGreen, marker: 'triangle', dash: '2 3' },
  { color: OKABE_ITO.reddishPurple, marker: 'diamond', dash: '8 3 2 3' },
  { color: OKABE_ITO.orange, marker: 'cross', dash: '' },
  { color: OKABE_ITO.skyBlue, marker: 'circle', dash: '6 3' },
];

export type MarkerName = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

export function lineStyle(index: number): (typeof LINE_STYLES)[number] {
  return LINE_STYLES[index % LINE_STYLES.length] ?? LINE_STYLES[0]!;
}
