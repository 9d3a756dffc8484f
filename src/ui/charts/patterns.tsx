import type { Fill, MarkerName, PatternName } from './palette.ts';

/** The id of a fill's pattern in one chart (ids are per document, so each chart has its own). */
export const patternId = (chart: string, fill: Fill): string =>
  `${chart}-${fill.pattern}-${fill.color.slice(1)}`;

/** `fill` attribute for a shape: the colour, or the pattern drawn over it. */
export const fillOf = (chart: string, fill: Fill): string =>
  fill.pattern === 'solid' ? fill.color : `url(#${patternId(chart, fill)})`;

const MARKS: Record<Exclude<PatternName, 'solid'>, string> = {
  dots: 'M2 2h1.6v1.6H2z',
  hatch: 'M-1 1l2-2M0 6l6-6M5 7l2-2',
  cross: 'M-1 1l2-2M0 6l6-6M5 7l2-2M-1 5l2 2M0 0l6 6M5 -1l2 2',
  lines: 'M0 3h6',
};

/** `<defs>` with the patterns the fills need: the colour as ground, dark marks over it. */
export function Patterns({ chart, fills }: { chart: string; fills: readonly Fill[] }) {
  const unique = [...new Map(fills.map((f) => [patternId(chart, f), f])).values()];
  return (
    <defs>
      {unique
        .filter((f) => f.pattern !== 'solid')
        .map((f) => (
          <pattern
            key={patternId(chart, f)}
            id={patternId(chart, f)}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
          >
            <rect width="6" height="6" fill={f.color} />
            <path
              d={MARKS[f.pattern as Exclude<PatternName, 'solid'>]}
              stroke="#000"
              stroke-opacity="0.55"
              stroke-width="1.2"
              fill="#000"
              fill-opacity="0.55"
            />
          </pattern>
        ))}
    </defs>
  );
}

/** A point marker of a line chart, centred on (x, y). */
export function Marker(props: { shape: MarkerName; x: number; y: number; color: string }) {
  const { shape, x, y, color } = props;
  const r = 3.5;
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} fill={color} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={color} />;
    case 'triangle':
      return <path d={`M${x} ${y - r - 1}L${x + r + 1} ${y + r}H${x - r - 1}z`} fill={color} />;
    case 'diamond':
      return (
        <path
          d={`M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}z`}
          fill={color}
        />
      );
    case 'cross':
      return (
        <path
          d={`M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}`}
          stroke={color}
          stroke-width="2.2"
        />
      );
  }
}

/** A legend entry's swatch, drawn with the same fill as the chart. */
export function Swatch({ chart, fill }: { chart: string; fill: Fill }) {
  return (
    <svg class="swatch-svg" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <Patterns chart={`${chart}-swatch`} fills={[fill]} />
      <rect
        width="14"
        height="14"
        rx="2"
        fill={fillOf(`${chart}-swatch`, fill)}
        stroke="currentColor"
        stroke-opacity="0.4"
      />
    </svg>
  );
}
