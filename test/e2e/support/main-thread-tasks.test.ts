/**
 * The trace reading behind the stress E2E's "no task over 50 ms", on two tiny
 * hand-written traces (test/fixtures/traces): the same page with the extension
 * (its own layout before the content script, a slice of ours, Chrome's text
 * capture, a style recalc nothing explains, a nested run loop, another
 * renderer's long task) and without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  domContentLoadedAt,
  firstScriptRun,
  judgeLongTasks,
  mainThreadTasks,
  pageMainThread,
  parseTrace,
  holdingTasksThreadMs,
  tasksHolding,
  type TraceEvent,
  type MainThreadTask,
  type WorkItem,
} from './main-thread-tasks';

const FIXTURES = join(import.meta.dirname, '../../fixtures/traces');
const PAGE = 'http://127.0.0.1:8000/p';
const OURS = 'chrome-extension://abcdefgh/';

function trace(name: string) {
  return parseTrace(readFileSync(join(FIXTURES, name), 'utf8'));
}

describe('reading the page main thread from a trace', () => {
  const events = trace('with-extension.json');
  const thread = pageMainThread(events, PAGE);

  it("finds the renderer the page's URL was committed to, not another one", () => {
    expect(thread).toEqual({ pid: 10, tid: 11 });
  });

  it('lists top-level tasks only, with wall and thread time and the work holding most of it', () => {
    const tasks = mainThreadTasks(events, thread, OURS);
    expect(tasks.map(({ ts, wallMs, threadMs, work }) => ({ ts, wallMs, threadMs, work }))).toEqual(
      [
        { ts: 500, wallMs: 80, threadMs: 70, work: ['Layout'] },
        { ts: 100000, wallMs: 5, threadMs: 4, work: ['EvaluateScript'] },
        { ts: 200000, wallMs: 120, threadMs: 60, work: ['RunMicrotasks'] },
        {
          ts: 400000,
          wallMs: 150,
          threadMs: 110,
          work: ['ChromeRenderFrameObserver::CapturePageText'],
        },
        { ts: 600000, wallMs: 90, threadMs: 60, work: ['UpdateLayoutTree'] },
        // The nested run loop's inner task is part of the outer one; neither holds a named event.
        { ts: 700000, wallMs: 10, threadMs: 9, work: [] },
      ],
    );
  });

  it('splits each task into the pieces of work under its wrappers', () => {
    const items = mainThreadTasks(events, thread, OURS).map((task) => task.items);
    expect(items[2]).toEqual([{ name: 'RunMicrotasks', threadMs: 59.5 }]);
    expect(items[4]).toEqual([
      { name: 'UpdateLayoutTree', threadMs: 55 },
      { name: 'Paint', threadMs: 4 },
    ]);
  });

  it("counts the content script's sampled JavaScript in the task it ran in, and only there", () => {
    const ourJs = mainThreadTasks(events, thread, OURS).map((task) => task.ourJsMs);
    // 24 samples of a builtin called from content.js, 5 ms apart, in the slice at 200 ms.
    expect(ourJs).toEqual([0, 0, 120, 0, 0, 0]);
  });

  it('finds when the content script first ran and when DOMContentLoaded fired', () => {
    expect(firstScriptRun(events, thread, OURS)).toBe(100100);
    expect(domContentLoadedAt(events, thread)).toBe(90000);
  });

  it('says what is missing when the page is not in the trace', () => {
    expect(() => pageMainThread(events, 'http://127.0.0.1:8000/other')).toThrow(
      'the trace shows no renderer committing http://127.0.0.1:8000/other',
    );
    expect(() => parseTrace('{"events": []}')).toThrow('not a trace: no traceEvents array');
  });
});

describe('judging long tasks against the page without the extension', () => {
  const withEvents = trace('with-extension.json');
  const withThread = pageMainThread(withEvents, PAGE);
  const withoutEvents = trace('without-extension.json');
  const withoutThread = pageMainThread(withoutEvents, PAGE);
  const judged = judgeLongTasks(
    {
      tasks: mainThreadTasks(withEvents, withThread, OURS),
      domContentLoaded: domContentLoadedAt(withEvents, withThread),
      contentScriptStart: firstScriptRun(withEvents, withThread, OURS)!,
    },
    {
      tasks: mainThreadTasks(withoutEvents, withoutThread, OURS),
      domContentLoaded: domContentLoadedAt(withoutEvents, withoutThread),
    },
    50,
  );

  it('keeps only tasks over the limit in thread time, however long their wall time', () => {
    expect(judged.map(({ task }) => task.ts)).toEqual([500, 200000, 400000, 600000]);
  });

  it("calls a task the page's own only when it precedes the content script or happens without the extension too", () => {
    expect(judged.map(({ pagesOwn }) => pagesOwn)).toEqual([
      'ended before the content script first ran',
      // Our JavaScript ran for all of it: never the page's.
      null,
      'without the extension too: ChromeRenderFrameObserver::CapturePageText (98 ms there); the rest 5 ms',
      // The page's own style recalc came before its DOMContentLoaded: it explains nothing later.
      null,
    ]);
  });

  it('lets one task of the run without the extension stand for one task only', () => {
    const capture = mainThreadTasks(withEvents, withThread, OURS).find(
      (task) => task.work.at(-1) === 'ChromeRenderFrameObserver::CapturePageText',
    )!;
    const twice = judgeLongTasks(
      {
        tasks: [capture, { ...capture, ts: capture.ts + 1 }],
        domContentLoaded: 0,
        contentScriptStart: 0,
      },
      {
        tasks: mainThreadTasks(withoutEvents, withoutThread, OURS),
        domContentLoaded: domContentLoadedAt(withoutEvents, withoutThread),
      },
      50,
    );
    expect(twice.map(({ pagesOwn }) => pagesOwn !== null)).toEqual([true, false]);
  });

  /** A task after DOMContentLoaded and the content script's start, made of `items`. */
  function taskOf(ts: number, items: WorkItem[]): MainThreadTask {
    const threadMs = items.reduce((sum, item) => sum + item.threadMs, 0);
    return { ts, wallMs: threadMs, threadMs, work: [], items, ourJsMs: 0 };
  }
  const without = {
    tasks: mainThreadTasks(withoutEvents, withoutThread, OURS),
    domContentLoaded: domContentLoadedAt(withoutEvents, withoutThread),
  };
  const capture = 'ChromeRenderFrameObserver::CapturePageText';

  /** How one task made of `pieces`, run after the content script started, is judged. */
  const judgeAlone = (pieces: Parameters<typeof taskOf>[1]) =>
    judgeLongTasks(
      { tasks: [taskOf(1, pieces)], domContentLoaded: 0, contentScriptStart: 0 },
      without,
      50,
    )[0]!;

  it('does not excuse the same work when it costs more than twice as much as without the extension', () => {
    expect(judgeAlone([{ name: capture, threadMs: 250 }]).pagesOwn).toBeNull();
  });

  it('does not excuse a task whose other work comes to a long task', () => {
    const pieces = [
      { name: capture, threadMs: 105 },
      { name: 'UpdateLayoutTree', threadMs: 60 },
    ];
    expect(judgeAlone(pieces).pagesOwn).toBeNull();
  });

  it('compares the same kind of work however Chrome split it, in events and in tasks', () => {
    const inPieces = {
      tasks: [
        taskOf(5, [
          { name: capture, threadMs: 60 },
          { name: 'Paint', threadMs: 5 },
        ]),
        taskOf(6, [{ name: capture, threadMs: 35 }]),
        taskOf(7, [{ name: capture, threadMs: 25 }]),
      ],
      domContentLoaded: 0,
    };
    const judge = (pieces: number[]) =>
      judgeLongTasks(
        {
          tasks: pieces.map((ms, i) => taskOf(i + 1, [{ name: capture, threadMs: ms }])),
          domContentLoaded: 0,
          contentScriptStart: 0,
        },
        inPieces,
        50,
      ).map(({ pagesOwn }) => pagesOwn);
    expect(judge([125])).toEqual([
      expect.stringMatching(/without the extension too: .*CapturePageText \(120 ms there\)/),
    ]);
    expect(judge([30, 79.5])).toEqual([expect.stringContaining('CapturePageText')]);
    // Twice the 120 ms there is all it may spend, short pieces included.
    expect(judge([241])).toEqual([null]);
    expect(judge([30, 215])).toEqual([null]);
  });

  it('counts the work of short tasks too, so that it cannot also excuse a later long one', () => {
    // The fixture's page captured its text for 98 ms without the extension: 196 ms may be spent.
    const judged = judgeLongTasks(
      {
        tasks: [
          taskOf(1, [{ name: capture, threadMs: 45 }]),
          taskOf(2, [{ name: capture, threadMs: 45 }]),
          taskOf(3, [{ name: capture, threadMs: 45 }]),
          taskOf(4, [{ name: capture, threadMs: 90 }]),
        ],
        domContentLoaded: 0,
        contentScriptStart: 0,
      },
      without,
      50,
    );
    expect(judged.map(({ task, pagesOwn }) => [task.ts, pagesOwn])).toEqual([[4, null]]);
  });
});

describe('the thread time of stretches given on the page clock', () => {
  const thread = { pid: 10, tid: 11 };
  const task = (ts: number, dur: number, tdur: number, tid = 11): TraceEvent => ({
    name: 'RunTask',
    ph: 'X',
    pid: 10,
    tid,
    ts,
    dur,
    tdur,
  });
  // The measure started at 1,000 ms on the page clock and at ts 5,000,000 µs on the trace clock.
  const anchor: TraceEvent = {
    name: 'dramatis:scan',
    ph: 'b',
    pid: 10,
    tid: 11,
    ts: 5_000_000,
  };
  const events = [
    anchor,
    // Descheduled for half its wall time.
    task(5_000_000, 20_000, 10_000),
    // A nested run loop: the inner task holds the stretch, and its own thread time counts.
    task(5_100_000, 40_000, 40_000),
    task(5_110_000, 10_000, 2_500),
    // Another thread's task at the same time holds nothing of ours.
    task(5_200_000, 50_000, 50_000, 12),
    task(5_205_000, 4_000, 4_000),
  ];
  const measure = { name: 'dramatis:scan', startTime: 1000 };

  it('finds the innermost task of the thread holding each stretch', () => {
    const held = tasksHolding(events, thread, measure, [1000, 1016, 1110, 1118, 1205, 1209]);
    expect(held.map(({ task, stretchMs }) => [task.ts, task.tid, stretchMs])).toEqual([
      [5_000_000, 11, 16],
      [5_110_000, 11, 8],
      [5_205_000, 11, 4],
    ]);
  });

  it('adds up the thread time of the tasks holding the stretches, each task once', () => {
    // Two stretches in the first task, one in the nested run loop's inner task.
    expect(
      holdingTasksThreadMs(events, thread, measure, [1000, 1005, 1010, 1016, 1110, 1118]),
    ).toBe(10 + 2.5);
  });

  it('refuses a stretch that no task of the thread holds, or a trace without the measure', () => {
    expect(() => holdingTasksThreadMs(events, thread, measure, [1200, 1210])).toThrow(
      /no task of the trace holds the stretch 1200–1210 ms/,
    );
    expect(() => holdingTasksThreadMs(events.slice(1), thread, measure, [1000, 1016])).toThrow(
      /no User Timing measure "dramatis:scan"/,
    );
  });
});
