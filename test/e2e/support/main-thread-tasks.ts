/**
 * The page's main-thread tasks, read from a Chromium trace recorded over CDP.
 *
 * A long task's wall time on this shared 2-core machine says little: the
 * renderer is descheduled mid-task and the task's wall time grows with the
 * machine's load. Each trace event also carries its thread time (`tdur`, CPU
 * time spent on the thread), which descheduling does not inflate, so "no task
 * over 50 ms" is checked on thread time. Which task is whose comes from the
 * trace too: the content script's JavaScript is found in the V8 sampling
 * profile's stacks (its frames carry the script's chrome-extension:// URL), and
 * the rest of a task's work is named by the trace event that holds most of its
 * thread time (Blink's style recalc, layout, Chrome's own page-text capture, …).
 */
import type { CDPSession } from 'playwright-core';

/** One event of a trace (Trace Event Format), the fields read here. Times in µs. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

/** What the trace records: top-level tasks, what is inside them, the page's lifecycle and JS samples. */
export const TRACE_CATEGORIES = [
  // ThreadControllerImpl::RunTask, the scheduler's task, with its thread time.
  'toplevel',
  // RunTask (a task with its microtask checkpoint), Layout, UpdateLayoutTree, EvaluateScript, …
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  // ChromeRenderFrameObserver::CapturePageText: Chrome reads the page's text after load.
  'renderer',
  // RunMicrotasks: where promise continuations (most of the content script's work) run.
  'v8.execute',
  // Stack samples of the page's JavaScript: whose code a task ran.
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * Records a trace of the browser while `run` runs. Trace data goes through a
 * stream (IO.read), which holds traces of any size; the page's session is
 * enough, Chromium traces every process.
 */
export async function recordTrace<T>(
  cdp: CDPSession,
  run: () => Promise<T>,
  categories: readonly string[] = TRACE_CATEGORIES,
): Promise<{ result: T; events: TraceEvent[] }> {
  const complete = new Promise<{ stream?: string }>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: [...categories], recordMode: 'recordContinuously' },
    transferMode: 'ReturnAsStream',
  });
  let result: T;
  try {
    result = await run();
  } finally {
    await cdp.send('Tracing.end');
  }
  const { stream } = await complete;
  if (!stream) throw new Error('Tracing.tracingComplete gave no stream to read the trace from');
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  return { result, events: parseTrace(chunks.join('')) };
}

/** A trace file's events: either `{"traceEvents": [...]}` or a bare array. */
export function parseTrace(text: string): TraceEvent[] {
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents?: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  if (!Array.isArray(events)) throw new Error('not a trace: no traceEvents array');
  return events;
}

/** A thread of the trace. */
export interface TraceThread {
  pid: number;
  tid: number;
}

/**
 * The main thread (CrRendererMain) of the renderer that shows `pageUrl`: the
 * process the browser committed that URL's main frame to.
 */
export function pageMainThread(events: TraceEvent[], pageUrl: string): TraceThread {
  const committed = events.filter(
    (event) =>
      (event.name === 'FrameCommittedInBrowser' || event.name === 'TracingStartedInBrowser') &&
      frameDataOf(event).some((frame) => frame.url === pageUrl),
  );
  const pid = committed
    .flatMap((event) => frameDataOf(event))
    .find((frame) => frame.url === pageUrl)?.processId;
  if (pid === undefined) throw new Error(`the trace shows no renderer committing ${pageUrl}`);
  const thread = events.find(
    (event) =>
      event.ph === 'M' &&
      event.name === 'thread_name' &&
      event.pid === pid &&
      (event.args as { name?: string } | undefined)?.name === 'CrRendererMain',
  );
  if (!thread) throw new Error(`renderer ${pid} has no CrRendererMain thread in the trace`);
  return { pid, tid: thread.tid };
}

interface FrameData {
  url?: string;
  processId?: number;
}

function frameDataOf(event: TraceEvent): FrameData[] {
  const data = (event.args as { data?: FrameData & { frames?: FrameData[] } } | undefined)?.data;
  if (!data) return [];
  return data.frames ?? [data];
}

/** One top-level task of a main thread. */
export interface MainThreadTask {
  /** Start on the trace clock, µs. */
  ts: number;
  wallMs: number;
  /** CPU time on the thread: what the task cost, whatever the machine's load. */
  threadMs: number;
  /**
   * What the task did: the chain of events that hold most of its thread time,
   * outermost first ("ProxyMain::BeginMainFrame > UpdateLayoutTree").
   */
  work: string[];
  /**
   * The pieces of work the task ran, one level below the scheduler's wrappers
   * (a frame's Layout, Paint and CapturePageText; a microtask checkpoint's
   * RunMicrotasks), each with its thread time.
   */
  items: WorkItem[];
  /** Time (sampled, wall) the content script's own JavaScript ran in the task, ms. */
  ourJsMs: number;
}

/** One piece of a task's work: a trace event directly under the task's wrappers. */
export interface WorkItem {
  name: string;
  threadMs: number;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Wrappers that say nothing of a task's work; the chain of work skips them. */
const WRAPPERS = new Set([...TASK_NAMES, 'BlinkScheduler_PerformMicrotaskCheckpoint']);

/**
 * The top-level tasks of `thread` (a task nested in another, as in a nested
 * run loop, is part of the outer one), each with its thread time, its work and
 * how much of it was JavaScript from `ourUrlPrefix` (the extension's origin).
 * A task still running when tracing stopped has no end ("B" phase) and is not
 * listed: callers stop tracing only after the stretch they judge.
 */
export function mainThreadTasks(
  events: TraceEvent[],
  thread: TraceThread,
  ourUrlPrefix: string,
): MainThreadTask[] {
  const onThread = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const samples = ourSamples(events, thread, ourUrlPrefix);
  const tasks: MainThreadTask[] = [];
  let end = -Infinity;
  for (let i = 0; i < onThread.length; i++) {
    const event = onThread[i]!;
    if (!TASK_NAMES.has(event.name) || event.ts < end) continue;
    if (event.dur === undefined || event.tdur === undefined) {
      throw new Error(`task ${event.name} at ${event.ts} has no dur/tdur: no thread time`);
    }
    end = event.ts + event.dur;
    const inside: TraceEvent[] = [];
    for (let j = i + 1; j < onThread.length && onThread[j]!.ts < end; j++)
      inside.push(onThread[j]!);
    tasks.push({
      ts: event.ts,
      wallMs: event.dur / 1000,
      threadMs: event.tdur / 1000,
      work: dominantWork(event, inside),
      items: workItems(event, inside, 0),
      ourJsMs: samples
        .filter((sample) => sample.ts >= event.ts && sample.ts < end)
        .reduce((sum, sample) => sum + sample.ms, 0),
    });
  }
  return tasks;
}

/**
 * From `task` down, the child holding more than half of its parent's thread
 * time, as long as there is one: the names of that chain, wrappers left out.
 * `inside` is every event within the task, sorted by start (outer events first).
 */
function dominantWork(task: TraceEvent, inside: TraceEvent[]): string[] {
  const chain: string[] = [];
  let parent = task;
  let from = 0;
  for (;;) {
    const children = directChildren(parent, inside, from);
    const heaviest = children.sort((a, b) => (b.event.tdur ?? 0) - (a.event.tdur ?? 0))[0];
    if (!heaviest || (heaviest.event.tdur ?? 0) * 2 <= (parent.tdur ?? 0)) return chain;
    if (!WRAPPERS.has(heaviest.event.name)) chain.push(heaviest.event.name);
    parent = heaviest.event;
    from = heaviest.index + 1;
  }
}

/** The events directly under `parent`, looking through the scheduler's wrappers. */
function workItems(parent: TraceEvent, inside: TraceEvent[], from: number): WorkItem[] {
  return directChildren(parent, inside, from).flatMap(({ event, index }) =>
    WRAPPERS.has(event.name)
      ? workItems(event, inside, index + 1)
      : [{ name: event.name, threadMs: (event.tdur ?? 0) / 1000 }],
  );
}

/**
 * The events of `inside` from index `from` on that lie within `parent` and
 * within no other of them. Only events after the parent in the sort order can
 * be its children, so two events of the same span nest one way only.
 */
function directChildren(
  parent: TraceEvent,
  inside: TraceEvent[],
  from: number,
): { event: TraceEvent; index: number }[] {
  const parentEnd = parent.ts + (parent.dur ?? 0);
  const children: { event: TraceEvent; index: number }[] = [];
  let end = -Infinity;
  for (let index = from; index < inside.length; index++) {
    const event = inside[index]!;
    if (event.ts >= parentEnd) break;
    if (event.ts < end || event.ts + (event.dur ?? 0) > parentEnd) continue;
    children.push({ event, index });
    end = event.ts + (event.dur ?? 0);
  }
  return children;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string };
}

interface ProfileChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/**
 * The V8 samples of `thread`'s isolate whose stack holds a frame of
 * `urlPrefix`, each with its time and the time until the next sample (ms).
 * The profile ("Profile" event, on the sampled thread) gives the start; its
 * chunks (from the sampler's thread, same id) give nodes and time deltas.
 */
function ourSamples(
  events: TraceEvent[],
  thread: TraceThread,
  urlPrefix: string,
): { ts: number; ms: number }[] {
  const profiles = events.filter(
    (e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid,
  );
  const found: { ts: number; ms: number }[] = [];
  for (const profile of profiles) {
    const start = (profile.args as { data?: { startTime?: number } }).data?.startTime ?? profile.ts;
    const parents = new Map<number, number | undefined>();
    const ours = new Set<number>();
    const times: number[] = [];
    const nodesOfSamples: number[] = [];
    let at = start;
    const chunks = events.filter(
      (e) => e.name === 'ProfileChunk' && e.pid === thread.pid && e.id === profile.id,
    );
    for (const chunk of chunks) {
      const data = (chunk.args as { data?: ProfileChunkData }).data ?? {};
      for (const node of data.cpuProfile?.nodes ?? []) {
        parents.set(node.id, node.parent);
        if (node.callFrame?.url?.startsWith(urlPrefix)) ours.add(node.id);
      }
      const deltas = data.timeDeltas ?? [];
      (data.cpuProfile?.samples ?? []).forEach((node, i) => {
        at += deltas[i] ?? 0;
        times.push(at);
        nodesOfSamples.push(node);
      });
    }
    const isOurs = (node: number | undefined): boolean => {
      for (let n = node; n !== undefined; n = parents.get(n)) if (ours.has(n)) return true;
      return false;
    };
    nodesOfSamples.forEach((node, i) => {
      if (!isOurs(node)) return;
      const next = times[i + 1] ?? times[i]!;
      found.push({ ts: times[i]!, ms: (next - times[i]!) / 1000 });
    });
  }
  return found;
}

/**
 * What {@link holdingTasksThreadMs} reads: every task of the main thread with its
 * thread time, the page lifecycle that names the page's renderer, and User
 * Timing measures (one ties the page's clock to the trace's). Lighter than
 * {@link TRACE_CATEGORIES}: no JavaScript sampling, which would slow the code measured.
 */
export const STRETCH_TRACE_CATEGORIES = [
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

/**
 * The task (RunTask) of `thread` that holds each stretch of synchronous work
 * given as flat `start, end` pairs on the page's performance clock (ms since
 * its time origin), as lib/page/scan-timing.ts records its slices: the
 * innermost one, for a nested run loop. The clocks are tied by `anchor`, a
 * User Timing measure with its start on the performance clock, which the
 * trace records at the same instant.
 */
export function tasksHolding(
  events: TraceEvent[],
  thread: TraceThread,
  anchor: { name: string; startTime: number },
  stretches: readonly number[],
): { task: TraceEvent; stretchMs: number }[] {
  const mark = events.find(
    (e) => e.name === anchor.name && e.pid === thread.pid && (e.ph === 'b' || e.ph === 'X'),
  );
  if (!mark) throw new Error(`the trace has no User Timing measure "${anchor.name}"`);
  const offset = mark.ts - anchor.startTime * 1000;
  const tasks = events.filter(
    (e) =>
      e.pid === thread.pid &&
      e.tid === thread.tid &&
      e.ph === 'X' &&
      e.name === 'RunTask' &&
      e.dur !== undefined &&
      e.tdur !== undefined,
  );
  // performance.now() is coarsened to 100 µs outside cross-origin isolation.
  const slack = 150;
  const held: { task: TraceEvent; stretchMs: number }[] = [];
  for (let i = 0; i + 1 < stretches.length; i += 2) {
    const start = stretches[i]! * 1000 + offset;
    const end = stretches[i + 1]! * 1000 + offset;
    let holder: TraceEvent | undefined;
    for (const task of tasks) {
      if (task.ts > start + slack || task.ts + task.dur! < end - slack) continue;
      if (!holder || task.dur! < holder.dur!) holder = task;
    }
    if (!holder)
      throw new Error(
        `no task of the trace holds the stretch ${stretches[i]}–${stretches[i + 1]} ms`,
      );
    held.push({ task: holder, stretchMs: (end - start) / 1000 });
  }
  return held;
}

/**
 * The thread time of the tasks that hold the stretches, each task once: the
 * stretches' own work and what the browser did for it in the same tasks
 * (turning a message's answer into JavaScript values before our callback
 * runs, the microtask checkpoint around an await).
 */
export function holdingTasksThreadMs(
  events: TraceEvent[],
  thread: TraceThread,
  anchor: { name: string; startTime: number },
  stretches: readonly number[],
): number {
  const tasks = new Set(tasksHolding(events, thread, anchor, stretches).map(({ task }) => task));
  let sum = 0;
  for (const task of tasks) sum += task.tdur! / 1000;
  return sum;
}

/** The first time (trace clock) a script of `urlPrefix` ran on `thread`: the content script's start. */
export function firstScriptRun(
  events: TraceEvent[],
  thread: TraceThread,
  urlPrefix: string,
): number | null {
  const runs = events.filter(
    (e) =>
      e.pid === thread.pid &&
      e.tid === thread.tid &&
      e.name === 'EvaluateScript' &&
      String((e.args as { data?: { url?: string } }).data?.url ?? '').startsWith(urlPrefix),
  );
  return runs.length === 0 ? null : Math.min(...runs.map((e) => e.ts));
}

/** When the page's DOMContentLoaded fired (trace clock), from Blink's MarkDOMContent. */
export function domContentLoadedAt(events: TraceEvent[], thread: TraceThread): number {
  const mark = events.find(
    (e) => e.name === 'MarkDOMContent' && e.pid === thread.pid && e.tid === thread.tid,
  );
  if (!mark) throw new Error('the trace has no MarkDOMContent: the page never finished parsing');
  return mark.ts;
}

/** A long task of the extension's run and why it is the page's, if it is. */
export interface JudgedTask {
  task: MainThreadTask;
  /** Why this long task is the page's own; null when nothing shows it is. */
  pagesOwn: string | null;
}

/**
 * Judges the long tasks (thread time over `limitMs`) of a run with the
 * extension against a run of the same page without it. A long task is the
 * page's own only if
 *
 * - it ended before the content script first ran (nothing of ours existed), or
 * - its pieces of work (see {@link MainThreadTask.items}) also occur in the
 *   run without the extension after its DOMContentLoaded (the earliest a
 *   document_idle content script starts), except for less than `limitMs` of
 *   its thread time: what the extension could have added is less than a long
 *   task. A piece occurs without the extension when that run did work of the
 *   same name: the run with the extension may spend on each kind of work up
 *   to twice what the run without it spent after its DOMContentLoaded, and
 *   every piece after DOMContentLoaded spends (short ones too), so the page's
 *   own style recalc cannot excuse a second one that the extension caused.
 *   The work is compared, not the tasks or their pieces: whether Chrome's
 *   page-text capture shares a task with a frame, and in how many events it
 *   comes, depends on timing.
 *
 * A task in which the content script's JavaScript ran for half its wall time
 * or more is never the page's.
 */
export function judgeLongTasks(
  withExtension: { tasks: MainThreadTask[]; domContentLoaded: number; contentScriptStart: number },
  withoutExtension: { tasks: MainThreadTask[]; domContentLoaded: number },
  limitMs: number,
): JudgedTask[] {
  // Each kind of work the page did without the extension, added up: Chrome splits
  // the same work differently from run to run (its page-text capture comes in
  // one or two events, in one or two tasks), so pieces are not paired one for one.
  const there = new Map<string, number>();
  for (const task of withoutExtension.tasks) {
    if (task.ts < withoutExtension.domContentLoaded) continue;
    for (const item of task.items)
      there.set(item.name, (there.get(item.name) ?? 0) + item.threadMs);
  }
  // Up to twice that may be spent on the same kind of work with the extension.
  const left = new Map([...there].map(([name, ms]) => [name, ms * 2]));
  const pairOf = (item: WorkItem): WorkItem | undefined => {
    const budget = left.get(item.name) ?? 0;
    if (budget < item.threadMs) return undefined;
    left.set(item.name, budget - item.threadMs);
    return { name: item.name, threadMs: there.get(item.name)! };
  };
  const judged: JudgedTask[] = [];
  for (const task of withExtension.tasks) {
    if (task.ts < withExtension.domContentLoaded) {
      // Before DOMContentLoaded no content script of ours has run (document_idle).
      if (task.threadMs > limitMs) judged.push({ task, pagesOwn: BEFORE_START });
      continue;
    }
    const paired = task.items.flatMap((item) => {
      const other = pairOf(item);
      return other ? [{ item, other }] : [];
    });
    if (task.threadMs <= limitMs) continue;
    const ours = task.ourJsMs * 2 >= task.wallMs;
    const before = task.ts + task.wallMs * 1000 <= withExtension.contentScriptStart;
    const unexplainedMs = task.threadMs - paired.reduce((sum, { item }) => sum + item.threadMs, 0);
    let pagesOwn: string | null = null;
    if (before && !ours) pagesOwn = BEFORE_START;
    else if (!ours && paired.length > 0 && unexplainedMs < limitMs) {
      const pieces = paired.map(
        ({ item, other }) => `${item.name} (${Math.round(other.threadMs)} ms there)`,
      );
      pagesOwn = `without the extension too: ${pieces.join(', ')}; the rest ${Math.round(unexplainedMs)} ms`;
    }
    judged.push({ task, pagesOwn });
  }
  return judged;
}

const BEFORE_START = 'ended before the content script first ran';
