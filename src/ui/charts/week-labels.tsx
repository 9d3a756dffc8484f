import { weekLabel } from './format.ts';

/**
 * The weeks under a chart's x axis: every `every`th one is labelled (labelEvery
 * picks it so that the labels never overlap), centred on its slot.
 */
export function WeekLabels(props: {
  weeks: readonly string[];
  every: number;
  centre: (index: number) => number;
  y: number;
  lang: string;
}) {
  const { weeks, every, centre, y, lang } = props;
  return (
    <>
      {weeks.map((week, w) =>
        w % every === 0 ? (
          <text key={week} x={centre(w)} y={y} text-anchor="middle" class="axis-label">
            {weekLabel(week, lang)}
          </text>
        ) : null,
      )}
    </>
  );
}
