// Reads a Chrome trace (browser.startTracing/stopTracing with the categories
// below) and measures one labelled run: the main-thread tasks between the
// performance marks `<label>:s` and `<label>:e` that the page put around it.
//
// Durations are thread CPU time (the trace's `tdur`), not wall time: the
// machine this runs on is shared, and wall time there mostly measures how
// long the renderer waited for a core. Wall times are kept alongside.

export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

interface RawEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { timerId?: number; timeout?: number } };
}

/** A main-thread task (a top-level ThreadControllerImpl::RunTask). */
interface Task {
  ts: number;
  end: number;
  /** Microseconds. */
  dur: number;
  cpu: number;
  /** CPU time of style recalcs and layouts inside the task (forced by script, if the task runs script). */
  styleLayoutCpu: number;
  /** The task runs page script: a timer, an event listener or a DevTools evaluate. */
  script: boolean;
}

export interface RunCost {
  /** The marks were found. */
  found: boolean;
  /** The end mark is missing (the run was terminated); the window ends with the start mark's task. */
  truncated: boolean;
  /** Tasks that ran the measured code. */
  tasks: number;
  /** Their CPU time, ms (script + the style and layout it forced). */
  ownCpuMs: number;
  ownWallMs: number;
  /** Of ownCpuMs: style recalculation and layout forced by the code. */
  styleLayoutCpuMs: number;
  /** ownCpuMs − styleLayoutCpuMs: JavaScript, DOM calls and the garbage collection they cause. */
  scriptCpuMs: number;
  /** Other main-thread tasks inside the window (rendering frames painting the highlights, …). */
  otherCpuMs: number;
  /** The longest task in the window, ours or not: CPU and wall ms, and whether it ran script. */
  longestCpuMs: number;
  longestWallMs: number;
  longestIsScript: boolean;
  /** The longest of our tasks without the style and layout it forced (CPU ms): what slicing alone achieves. */
  longestScriptCpuMs: number;
  /** Wall time from the start mark to the end mark. */
  windowMs: number;
}

const TASK = 'ThreadControllerImpl::RunTask';
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);
const SCRIPT = new Set(['TimerFire', 'FunctionCall', 'EvaluateScript', 'FireAnimationFrame']);

export class TraceIndex {
  private readonly tasks: Task[] = [];
  private readonly marks = new Map<string, number>();
  /** Top-level function calls from the browser into script (timers, observer callbacks, listeners): start, CPU µs. */
  private readonly calls: { ts: number; cpu: number }[] = [];
  /** Timers installed (setTimeout): when, their id and delay. */
  private readonly timerInstalls: { ts: number; id: number; timeout: number }[] = [];
  /** Timer tasks: the id of the timer each ran. */
  private readonly timerFires = new Map<number, number>();
  /** Style recalculations and layouts on the main thread (outermost only): start, end, CPU µs. */
  private readonly styleEvents: { ts: number; end: number; cpu: number }[] = [];

  constructor(json: string) {
    const parsed = JSON.parse(json) as { traceEvents?: RawEvent[] } | RawEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    // The renderer's main thread is the one that recorded the marks.
    let main: string | null = null;
    for (const e of events) {
      if (e.cat.includes('blink.user_timing') && e.ph !== 'M') {
        main = `${e.pid}:${e.tid}`;
        if (e.name.endsWith(':s') || e.name.endsWith(':e')) this.marks.set(e.name, e.ts);
      }
    }
    if (!main) return;
    const onMain = events
      .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X')
      .sort((a, b) => a.ts - b.ts);
    // Timer installs are instant events; they are read for their timer id only.
    for (const e of events) {
      const timerId = e.args?.data?.timerId;
      if (e.name === 'TimerInstall' && timerId !== undefined && `${e.pid}:${e.tid}` === main)
        this.timerInstalls.push({ ts: e.ts, id: timerId, timeout: e.args?.data?.timeout ?? -1 });
    }
    this.timerInstalls.sort((a, b) => a.ts - b.ts);
    let task: Task | null = null;
    // The style/layout events already counted in the current task, so nested ones are not counted twice.
    let styleUntil = -1;
    for (const e of onMain) {
      const dur = e.dur ?? 0;
      if (e.name === TASK) {
        if (task && e.ts < task.end) continue; // nested run loop: part of the outer task
        task = {
          ts: e.ts,
          end: e.ts + dur,
          dur,
          cpu: e.tdur ?? dur,
          styleLayoutCpu: 0,
          script: false,
        };
        this.tasks.push(task);
        continue;
      }
      if (!task || e.ts >= task.end) continue;
      if (STYLE_LAYOUT.has(e.name) && e.ts >= styleUntil) {
        task.styleLayoutCpu += e.tdur ?? dur;
        styleUntil = e.ts + dur;
        this.styleEvents.push({ ts: e.ts, end: e.ts + dur, cpu: e.tdur ?? dur });
      }
      if (SCRIPT.has(e.name)) task.script = true;
      if (e.name === 'FunctionCall') this.calls.push({ ts: e.ts, cpu: e.tdur ?? dur });
      const timerId = e.args?.data?.timerId;
      if (e.name === 'TimerFire' && timerId !== undefined) this.timerFires.set(timerId, e.ts);
    }
  }

  hasMark(name: string): boolean {
    return this.marks.has(name);
  }

  /** The cost of the run labelled `label`. */
  run(label: string): RunCost {
    const cost: RunCost = {
      found: false,
      truncated: false,
      tasks: 0,
      ownCpuMs: 0,
      ownWallMs: 0,
      styleLayoutCpuMs: 0,
      scriptCpuMs: 0,
      otherCpuMs: 0,
      longestCpuMs: 0,
      longestWallMs: 0,
      longestIsScript: false,
      longestScriptCpuMs: 0,
      windowMs: 0,
    };
    const start = this.marks.get(`${label}:s`);
    if (start === undefined) return cost;
    const first = this.taskAt(start);
    let end = this.marks.get(`${label}:e`);
    if (end === undefined) {
      cost.truncated = true;
      end = first ? first.end : start;
    }
    cost.found = true;
    cost.windowMs = (end - start) / 1000;
    for (const task of this.tasks) {
      if (task.end < start || task.ts > end) continue;
      // Ours: the tasks holding the marks, and the script tasks between them (the scanner's timer slices).
      const ours = task === first || (task.ts <= end && end <= task.end) || task.script;
      if (ours) {
        cost.tasks++;
        cost.ownCpuMs += task.cpu / 1000;
        cost.ownWallMs += task.dur / 1000;
        cost.styleLayoutCpuMs += task.styleLayoutCpu / 1000;
        cost.longestScriptCpuMs = Math.max(
          cost.longestScriptCpuMs,
          (task.cpu - task.styleLayoutCpu) / 1000,
        );
      } else cost.otherCpuMs += task.cpu / 1000;
      if (task.cpu / 1000 > cost.longestCpuMs) {
        cost.longestCpuMs = task.cpu / 1000;
        cost.longestIsScript = ours;
      }
      cost.longestWallMs = Math.max(cost.longestWallMs, task.dur / 1000);
    }
    cost.scriptCpuMs = cost.ownCpuMs - cost.styleLayoutCpuMs;
    return cost;
  }

  /**
   * What a page change costs the scanner, for a change made between the marks
   * `<label>:s` and `<label>:e` in one task, with no other script on the page:
   * - the observer callbacks: the script calls after the end mark in that task
   *   (MutationObserver callbacks run when the task's own script is done);
   * - the rescan: the timer task that fires the timer installed after the end
   *   mark in that task (the callback schedules its rescan), and the tasks of
   *   the slices after it (each slice installs a 0 ms timer for the next),
   *   counted whole: CPU ms without style/layout, that part, and the longest.
   * None of these tasks holds any code or mark of the bench.
   */
  afterChange(label: string): {
    observerCpuMs: number;
    rescan: {
      scriptCpuMs: number;
      styleLayoutCpuMs: number;
      tasks: number;
      longestCpuMs: number;
    } | null;
  } {
    const end = this.marks.get(`${label}:e`);
    const task = end === undefined ? undefined : this.taskAt(end);
    if (end === undefined || !task) return { observerCpuMs: NaN, rescan: null };
    let observerCpu = 0;
    for (const call of this.calls) if (call.ts > end && call.ts < task.end) observerCpu += call.cpu;
    const chain: Task[] = [];
    let install = this.timerInstalls.find((t) => t.ts > end && t.ts < task.end);
    while (install && chain.length < 10_000) {
      const fired = this.timerFires.get(install.id);
      const slice = fired === undefined ? undefined : this.taskAt(fired);
      if (!slice) break;
      chain.push(slice);
      install = this.timerInstalls.find(
        (t) => t.ts > slice.ts && t.ts < slice.end && t.timeout === 0,
      );
    }
    if (!chain.length) return { observerCpuMs: observerCpu / 1000, rescan: null };
    let cpu = 0;
    let style = 0;
    let longest = 0;
    for (const t of chain) {
      cpu += t.cpu;
      style += t.styleLayoutCpu;
      longest = Math.max(longest, t.cpu);
    }
    return {
      observerCpuMs: observerCpu / 1000,
      rescan: {
        scriptCpuMs: (cpu - style) / 1000,
        styleLayoutCpuMs: style / 1000,
        tasks: chain.length,
        longestCpuMs: longest / 1000,
      },
    };
  }

  /** CPU ms of the style recalculations and layouts between the marks `<label>:s` and `<label>:e`, or NaN. */
  styleLayoutBetween(label: string): number {
    const start = this.marks.get(`${label}:s`);
    const end = this.marks.get(`${label}:e`);
    if (start === undefined || end === undefined) return NaN;
    let cpu = 0;
    for (const e of this.styleEvents) if (e.ts >= start && e.end <= end) cpu += e.cpu;
    return cpu / 1000;
  }

  private taskAt(ts: number): Task | undefined {
    // Tasks are sorted by start; binary search for the last one starting at or before ts.
    let lo = 0;
    let hi = this.tasks.length - 1;
    let found: Task | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const task = this.tasks[mid] as Task;
      if (task.ts <= ts) {
        found = task;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && ts <= found.end ? found : undefined;
  }
}

/**
 * The traces of one page: tracing is stopped and started again between the
 * phases of a page's bench, so that no phase fills the trace buffer (a full
 * buffer silently drops what comes after). Each label is read from the trace
 * that holds its marks.
 */
export class TraceSet {
  private readonly traces: TraceIndex[] = [];

  add(json: string): void {
    this.traces.push(new TraceIndex(json));
  }

  private holding(label: string): TraceIndex {
    const found = this.traces.find((t) => t.hasMark(`${label}:s`) || t.hasMark(`${label}:e`));
    return found ?? this.traces[0] ?? new TraceIndex('[]');
  }

  run(label: string): RunCost {
    return this.holding(label).run(label);
  }

  afterChange(label: string): ReturnType<TraceIndex['afterChange']> {
    return this.holding(label).afterChange(label);
  }

  styleLayoutBetween(label: string): number {
    return this.holding(label).styleLayoutBetween(label);
  }
}
