// Reads a DevTools CPU profile (Profiler.stop) of one page load: the samples
// whose stack holds a frame of an extension's script are that extension's
// cost, and each is put into a phase by the source module of the innermost
// frame that names one (through the bundle's source map).
//
// Time is the number of such samples times the median sampling interval of
// the profile, not the sum of their time deltas: on a shared machine the
// renderer's main thread waits for a core, and a sample taken after such a
// wait carries the whole wait as its delta (wall time), while the count of
// samples follows the time the thread actually ran.
import type { SourceMap } from './source-map.ts';

/** The shape of `Profiler.Profile` (DevTools protocol) that is read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export const PHASES = [
  'start-up',
  'settings',
  'matcher',
  'walk',
  'match',
  'paint',
  'report',
  'results page',
] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Source modules → phase. Modules not listed (fold.ts, the matcher's face,
 * DOM calls without a source) take the phase of the frame that called them.
 */
const PHASE_OF_SOURCE: readonly [RegExp, Phase][] = [
  [
    /src\/content\/(results|serp)\/|src\/core\/(mention-draft|ownership|snippet)\.ts/,
    'results page',
  ],
  [
    /src\/content\/(settings-feed|page-profile)|src\/core\/(profile|schema|problem|term-text)|src\/core\/profile\/|src\/core\/compiled-profile|valibot|src\/platform\/extension-api/,
    'settings',
  ],
  [/src\/core\/matcher\/(compile|automaton|tables|encode|decode)/, 'matcher'],
  [
    /src\/core\/matcher\/(scan|verify|boundary|windows)|src\/core\/(matcher|legal-forms)\.ts/,
    'match',
  ],
  [/src\/content\/(collect|change-queue|slice-clock|text-check|first-text)/, 'walk'],
  [
    /src\/content\/(painter|page-highlights|scanner|hidden-names|visibility|hit-order|highlight-guard)/,
    'paint',
  ],
  [/src\/content\/(hit-report|throttle)|src\/core\/term-counts|src\/platform\/messaging/, 'report'],
];

export interface LoadCost {
  /** CPU ms of every sample with one of our frames on its stack. */
  totalMs: number;
  /** The same by phase (samples whose frames name no phase are "start-up": the bundle's own evaluation). */
  phases: Record<Phase, number>;
  /** The median sampling interval of the profile (ms). */
  intervalMs: number;
  samples: number;
}

/**
 * Our cost in `profile`: samples with a frame whose URL starts with
 * `scriptOrigin` (`chrome-extension://<id>/`). With `maps` (script URL → its
 * source map), the phases too.
 */
export function loadCost(
  profile: CpuProfile,
  scriptOrigin: string,
  maps: ReadonlyMap<string, SourceMap> = new Map(),
): LoadCost {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  // Per node: is it (or an ancestor) ours, and the phase of its innermost phase-naming frame.
  const ours = new Map<number, boolean>();
  const phaseOf = new Map<number, Phase | null>();
  const frameSource = (id: number): string | null => {
    const frame = byId.get(id)?.callFrame;
    const map = frame && maps.get(frame.url);
    return map ? map.sourceAt(frame.lineNumber, frame.columnNumber) : null;
  };
  const resolve = (id: number): void => {
    if (ours.has(id)) return;
    const chain: number[] = [];
    for (let at: number | undefined = id; at !== undefined && !ours.has(at); at = parent.get(at))
      chain.push(at);
    // From the root down, so each node inherits from its parent.
    for (let k = chain.length - 1; k >= 0; k--) {
      const node = chain[k] as number;
      const up = parent.get(node);
      const frame = byId.get(node)?.callFrame;
      const mine = frame?.url.startsWith(scriptOrigin) ?? false;
      ours.set(node, mine || (up !== undefined && (ours.get(up) ?? false)));
      const source = frameSource(node);
      // The bundle itself (esbuild's IIFE starts the file): evaluating the modules.
      const bundle = mine && frame?.lineNumber === 0 && (frame.columnNumber ?? 0) < 16;
      const own: Phase | null = bundle
        ? 'start-up'
        : source
          ? (PHASE_OF_SOURCE.find(([re]) => re.test(source))?.[1] ?? null)
          : null;
      phaseOf.set(node, own ?? (up !== undefined ? (phaseOf.get(up) ?? null) : null));
    }
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const sorted = deltas.filter((d) => d > 0).sort((a, b) => a - b);
  const intervalMs = (sorted[sorted.length >> 1] ?? 100) / 1000;
  const phases = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  let count = 0;
  for (const id of samples) {
    resolve(id);
    if (!ours.get(id)) continue;
    count++;
    phases[phaseOf.get(id) ?? 'start-up'] += intervalMs;
  }
  return { totalMs: count * intervalMs, phases, intervalMs, samples: count };
}
