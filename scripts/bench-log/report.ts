// docs/bench-log.md from the measurements.
import type { Measurement, Results } from './measure.ts';

const ms = (x: number) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));

export function report(input: {
  results: Results;
  counts: { mentions: number; sightings: number; visits: number };
  fillTimes: Record<string, number> | null;
  chromium: string;
  load: number[];
  date: Date;
}): string {
  const { results, counts } = input;
  const chromium = /Chrome\/([\d.]+)/.exec(results.userAgent)?.[1] ?? input.chromium;
  const lines: string[] = [
    '# The log at team scale: bench',
    '',
    'Written by `npm run bench:log` (scripts/bench-log/): headless Chromium with the built',
    'extension (`dist/chrome`), a profile filled straight into the worker’s IndexedDB with',
    `${counts.mentions.toLocaleString('en')} mentions, ${counts.sightings.toLocaleString('en')} sightings and`,
    `${counts.visits.toLocaleString('en')} results-page visits (generated, deterministic), then a fresh browser`,
    '(the worker has no index yet). Times are taken in an extension page and include the',
    'message round trip to the worker; a row with several runs shows the median and the range.',
    '',
    '```sh',
    'npm run build && npm run bench:log',
    '```',
    '',
    `- date: ${input.date.toISOString()}`,
    `- Chromium ${chromium}, load average ${input.load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min; other jobs ran on this 2-core machine: treat the times as upper bounds)`,
  ];
  if (input.fillTimes)
    lines.push(
      `- fill: ${Object.entries(input.fillTimes)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', ')}`,
    );
  let group = '';
  for (const m of results.measurements) {
    if (m.group !== group) {
      group = m.group;
      lines.push(
        '',
        `## ${group}`,
        '',
        '| what | ms | runs | goal | |',
        '| --- | ---: | --- | ---: | --- |',
      );
    }
    lines.push(row(m));
  }
  lines.push('');
  return lines.join('\n');
}

function row(m: Measurement): string {
  const range =
    m.runs.length > 1
      ? `${ms(Math.min(...m.runs))}–${ms(Math.max(...m.runs))} (${m.runs.length})`
      : '1';
  const verdict =
    m.goal === undefined || Number.isNaN(m.ms)
      ? ''
      : m.ms <= m.goal
        ? `< ${m.goal}`
        : `**over ${m.goal}**`;
  return `| ${m.name} | ${ms(m.ms)} | ${range} | ${verdict} | ${m.note ?? ''} |`;
}
