/**
 * The in-page side of the browser benchmarks (2–4). `?contender=ours|ours-mstream|official`
 * loads that contender's module only (its own chunk), so a page holds one contender's code.
 * The Node side (bench/lib/browser.mjs) drives it through `window.__bench`:
 *
 * 1. `prepare(options)`: synthesizes the transcript, builds the replay fetch, mounts the app
 *    under a `<Profiler>`, waits until it is idle;
 * 2. `start()`: "presses Send" and measures until the whole reply is painted and the contender
 *    says the stream ended (`submit()` resolved).
 *
 * Untimed: transcript synthesis, mounting. Timed: from the submit call on.
 */
import { Profiler, type ProfilerOnRenderCallback } from "react";
// Aliased to react-dom/profiling by the page build: production React with <Profiler> timings.
import { createRoot } from "react-dom/client";
import { createReplayFetch } from "../../src/testing/createReplayFetch";
import { generateTokenTranscript } from "../../src/testing/generateTokenTranscript";
import type { ContenderApp, ContenderHandle, ViewKind } from "./contenders/shared";
import { PaintTracker } from "./paintTracker";
import { createProtocolReplay } from "./protocolReplay";
import type { ProtocolRecording } from "./protocolTranscript";

const CONTENDERS: Record<string, () => Promise<{ default: ContenderApp }>> = {
  ours: () => import("./contenders/ours"),
  "ours-mstream": () => import("./contenders/oursMessageStream"),
  official: () => import("./contenders/official"),
  floor: () => import("./contenders/floor"),
  "langchain-react": () => import("./contenders/langchainReact"),
};

const API_URL = "http://replay.local";
/** generateTokenTranscript's default thread and run ids. */
const THREAD_ID = "01a1fdcd-0000-7000-8000-000000000000";
const RUN_ID = "01a1fdcd-0000-7000-8000-000000000001";

/** A thread's saved state with `count` prior messages (what `GET /threads/:id/state` answers). */
function threadState(count: number) {
  const words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";
  const messages = Array.from({ length: count }, (_, i) => ({
    id: `history-${i}`,
    type: i % 2 === 0 ? "human" : "ai",
    content: `${i}: ${words.repeat(4)}`.slice(0, 300),
  }));
  const checkpoint = { thread_id: THREAD_ID, checkpoint_ns: "", checkpoint_id: "history" };
  return {
    values: { messages },
    next: [],
    tasks: [],
    checkpoint,
    metadata: {},
    created_at: new Date(0).toISOString(),
    parent_checkpoint: null,
    interrupts: [],
  };
}

export interface PrepareOptions {
  tokens: number;
  /** Replay speed: 0 = every byte at once (no timers), 1 = the transcript's timing. */
  speed: number;
  /** Recorded time between two events (ms). */
  msPerToken?: number;
  /** Events per network chunk (default 16, the JS server's ~16 KB reads). */
  eventsPerChunk?: number;
  view?: ViewKind;
  /**
   * How the body reaches the client: `direct` (the replay's own stream), `eager` (a pump reads
   * the replay as it comes, like a socket buffer, and stamps each chunk: latency), `gated`
   * (pauses after the chunks holding these token counts: memory checkpoints).
   */
  body?: "direct" | "eager" | "gated";
  checkpoints?: number[];
  /**
   * The `langchain-react` contender's recording (bench/lib/protocolRecording.mjs): its stream is
   * built from it for `tokens` tokens, with the same chunking and timing as the transcript.
   */
  protocolRecording?: ProtocolRecording;
  /**
   * Prior messages in the thread (alternately human and AI, 300 characters each): the app
   * mounts on the thread and loads them (`GET /threads/:id/state`) before the run.
   */
  history?: number;
}

interface Prepared {
  options: Required<Omit<PrepareOptions, "checkpoints" | "protocolRecording">> & {
    checkpoints: number[];
  };
  /** The frames of the contender's stream (the transcript's, or the protocol stream's). */
  schedule: { frames: readonly { atMs: number; text: string }[] };
  expectedText: string;
  /** cumulative[i] = characters of tokens 0..i. */
  cumulative: Float64Array;
  handle: ContenderHandle;
  tracker: PaintTracker;
  state: RunState;
}

interface RunState {
  commits: number[];
  commitDurations: number[];
  /** Chunk index → when the replay scheduled it, when it was enqueued (eager body only). */
  chunkDue: number[];
  chunkEnqueued: number[];
  streamRequests: number;
}

let prepared: Prepared | undefined;

declare global {
  interface Window {
    __bench: {
      prepare(options: PrepareOptions): Promise<{ frames: number; bytes: number; chunks: number }>;
      start(): Promise<RunResult>;
    };
    /** Exposed by the Node side for gated runs: collect garbage, sample the heap, then resolve. */
    __checkpoint?: (label: string) => Promise<void>;
  }
}

export interface RunResult {
  contender: string;
  tokens: number;
  /** From submit() to the end of the frame that painted the whole reply. */
  timeToFinalTextMs: number;
  /** From submit() until the contender's submit() promise resolved. */
  timeToDoneMs: number;
  /** From submit() to the end of the frame that first painted the reply's first token. */
  firstTokenFromSubmitMs: number;
  /**
   * From the first byte of the stream's body (when the pump enqueued its first chunk: eager
   * body only) to the same frame.
   */
  firstTokenFromFirstByteMs?: number;
  commits: number;
  commitsDuringStream: number;
  /** Total React render time reported by <Profiler> (actualDuration). */
  renderMs: number;
  frames: number;
  maxCommitsPerFrame: number;
  framesWithSeveralCommits: number;
  maxCommitsPerFrameMidStream: number;
  /** Frames with more than one commit: when (ms after submit), and the first and last paint. */
  crowdedFrames: { count: number; at: number; firstTextAt: number; finalAt: number }[];
  midStreamFrames: number;
  longTasks: { count: number; totalMs: number; maxMs: number };
  paints: number;
  latency?: LatencyResult;
  textOk: boolean;
  streamRequests: number;
}

export interface LatencyResult {
  /** Enqueued → painted, per token (ms). */
  fromEnqueue: Percentiles;
  /** Due by the transcript's schedule → painted (stricter: counts a late timer too). */
  fromSchedule: Percentiles;
  samples: number;
  /** Enqueued minus due, per chunk (how late the replay's timers ran). */
  enqueueLag: Percentiles;
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const params = new URLSearchParams(location.search);
const contenderName = params.get("contender") ?? "ours";
const loadContender = CONTENDERS[contenderName];
if (!loadContender) throw new Error(`unknown contender ${contenderName}`);
const appModule = loadContender();

window.__bench = { prepare, start };

async function prepare(options: PrepareOptions) {
  const App = (await appModule).default;
  const { protocolRecording, ...rest } = options;
  const full = {
    msPerToken: 0,
    eventsPerChunk: 16,
    view: "text" as ViewKind,
    body: "direct" as const,
    history: 0,
    ...rest,
    checkpoints: options.checkpoints ?? [],
  };
  const protocol =
    contenderName === "langchain-react"
      ? createProtocolReplay(protocolRecording, {
          tokens: full.tokens,
          eventsPerFrame: full.eventsPerChunk,
          msPerToken: full.msPerToken,
          speed: full.speed,
        })
      : undefined;
  const transcript = protocol
    ? undefined
    : generateTokenTranscript({
        tokens: full.tokens,
        eventsPerFrame: full.eventsPerChunk,
        msPerToken: full.msPerToken,
      });
  // What the body's chunks are due by (the pump stamps them): the transcript's frames, or the
  // protocol stream's.
  const schedule = { frames: protocol?.frames ?? transcript?.frames ?? [] };
  // Blink externalizes an old-generation string it is handed (here by the replay's
  // TextEncoder): its characters leave the V8 heap. Do that now for every frame, untimed (after
  // two GCs, which move the frames to the old generation; the page runs with --expose-gc), so the
  // heap does not shrink by the transcript's size while the stream is read.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const encoder = new TextEncoder();
  for (const frame of schedule.frames) encoder.encode(frame.text);
  const cumulative = new Float64Array(full.tokens);
  let length = 0;
  for (let i = 0; i < full.tokens; i++) {
    length += `t${i} `.length;
    cumulative[i] = length;
  }
  const expectedText = Array.from({ length: full.tokens }, (_, i) => `t${i} `).join("");

  const state: RunState = {
    commits: [],
    commitDurations: [],
    chunkDue: [],
    chunkEnqueued: [],
    streamRequests: 0,
  };
  const replay = protocol?.fetch ?? createReplayFetch(transcript!, { speed: full.speed });
  // The replay scans the transcript once for an error event (to answer a run's status): do it
  // now, untimed, by asking for the run.
  if (transcript) {
    await replay(`${API_URL}${transcript.request.path.replace(/\/stream$/, "")}/${RUN_ID}`);
  }
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (full.history > 0 && new URL(url).pathname === `/threads/${THREAD_ID}/state`) {
      return Response.json(threadState(full.history));
    }
    const response = await replay(input, init);
    const isRunStream = protocol ? protocol.isRunStream(response) : url.endsWith("/runs/stream");
    if (!isRunStream || !response.body) return response;
    state.streamRequests++;
    if (full.body === "direct") return response;
    const body =
      full.body === "eager"
        ? eagerBody(response.body, schedule, full.speed, state)
        : gatedBody(response.body, gateChunks(full.tokens, full.eventsPerChunk, full.checkpoints));
    return new Response(body, { status: response.status, headers: response.headers });
  };

  const root = document.getElementById("root")!;
  const tracker = new PaintTracker(root);
  let handle: ContenderHandle | undefined;
  const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
    state.commits.push(performance.now());
    state.commitDurations.push(actualDuration);
  };
  const input = { messages: [{ type: "human", content: `/tokens ${full.tokens}` }] };
  const threadId = full.history > 0 ? THREAD_ID : undefined;
  createRoot(root).render(
    <Profiler id="chat" onRender={onRender}>
      <App
        apiUrl={API_URL}
        fetch={fetch}
        view={full.view}
        input={input}
        threadId={threadId}
        onHandle={(h) => (handle = h)}
      />
    </Profiler>,
  );
  while (!handle) await tracker.frames(1);
  // With history: until the app shows the prior messages.
  while (root.querySelectorAll(".bench-text, .lgr-message__text").length < full.history) {
    await tracker.frames(1);
  }
  await tracker.frames(3);
  prepared = {
    options: full,
    schedule,
    expectedText,
    cumulative,
    handle,
    tracker,
    state,
  };
  return {
    frames: schedule.frames.length,
    bytes: schedule.frames.reduce((sum, frame) => sum + frame.text.length, 0),
    chunks: schedule.frames.length,
  };
}

async function start(): Promise<RunResult> {
  const p = prepared;
  if (!p) throw new Error("prepare() first");
  const { tracker, options, state } = p;
  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: "longtask", buffered: false });
  const commitsBefore = state.commits.length;
  performance.mark("bench-start");
  tracker.resetFirstText();
  const t0 = performance.now();
  const finalLength = p.expectedText.length;

  let doneAt = 0;
  const done = p.handle.submit().then(() => (doneAt = performance.now()));
  if (options.body === "gated") await runCheckpoints(p);
  const paintedAt = await tracker.whenPainted(finalLength);
  await done;
  const doneFrame = tracker.frameEnds.length;
  await tracker.frames(3);
  performance.mark("bench-end");
  // Long-task entries are delivered asynchronously: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.takeRecords().forEach((entry) => longTasks.push(entry));
  observer.disconnect();
  tracker.stop();

  const commits = state.commits.slice(commitsBefore);
  const durations = state.commitDurations.slice(commitsBefore);
  const frameEnds = tracker.frameEnds.filter((at) => at >= t0);
  const perFrame = binCommits(commits, frameEnds);
  // Mid-stream: the frames after the one that painted the first 100 tokens and before the one
  // that painted the last (the first and last frames also carry the run's lifecycle commits:
  // starting, thread, run id, connection open; the last events, final status). 100 tokens are
  // more text than a placeholder ("Waiting for a reply…") or a prior message (300 characters).
  const firstTokens = Math.max(p.cumulative[Math.min(99, options.tokens - 1)] ?? 0, 301);
  const firstText = tracker.painted.find(
    (sample) => sample.at >= t0 && sample.length >= firstTokens,
  );
  const midStream = perFrame.filter(
    (_, i) => firstText !== undefined && frameEnds[i]! > firstText.at && frameEnds[i]! < paintedAt,
  );
  const streamEnd = Math.max(paintedAt, doneAt);
  const view = document.getElementById("root")!;
  // The summary view shows a count; a view that ignores `view` (MessageStream) shows the text.
  const summary = view.querySelector("[data-chars]");
  const shownText = summary
    ? null
    : Array.from(view.querySelectorAll(".bench-text, .lgr-message__text"))
        .map((element) => element.textContent ?? "")
        .find((text) => text.length >= finalLength);
  const textOk = summary
    ? summary.getAttribute("data-chars") === String(finalLength)
    : shownText === p.expectedText;

  const firstTokenAt = tracker.firstTextPaintedAt ?? NaN;
  const firstByteAt = options.body === "eager" ? state.chunkEnqueued[0] : undefined;
  return {
    contender: contenderName,
    tokens: options.tokens,
    timeToFinalTextMs: paintedAt - t0,
    timeToDoneMs: doneAt - t0,
    firstTokenFromSubmitMs: firstTokenAt - t0,
    firstTokenFromFirstByteMs: firstByteAt === undefined ? undefined : firstTokenAt - firstByteAt,
    commits: commits.length,
    commitsDuringStream: commits.filter((at) => at <= streamEnd).length,
    renderMs: durations.reduce((sum, ms) => sum + ms, 0),
    frames: tracker.frameEnds.slice(0, doneFrame).filter((at) => at >= t0).length,
    maxCommitsPerFrame: Math.max(0, ...perFrame),
    framesWithSeveralCommits: perFrame.filter((n) => n > 1).length,
    maxCommitsPerFrameMidStream: Math.max(0, ...midStream),
    crowdedFrames: perFrame
      .map((count, i) => ({ count, at: (frameEnds[i] ?? Infinity) - t0 }))
      .filter((frame) => frame.count > 1)
      .map((frame) => ({
        ...frame,
        firstTextAt: (firstText?.at ?? NaN) - t0,
        finalAt: paintedAt - t0,
      })),
    midStreamFrames: midStream.length,
    longTasks: {
      count: longTasks.length,
      totalMs: longTasks.reduce((sum, entry) => sum + entry.duration, 0),
      maxMs: Math.max(0, ...longTasks.map((entry) => entry.duration)),
    },
    paints: tracker.painted.filter((sample) => sample.at >= t0).length,
    latency: options.body === "eager" ? latencyOf(p) : undefined,
    textOk,
    streamRequests: state.streamRequests,
  };
}

/** Commits per frame: the commits after one frame's end up to the next frame's end. */
function binCommits(commits: readonly number[], frameEnds: readonly number[]): number[] {
  const bins = new Array<number>(frameEnds.length + 1).fill(0);
  let frame = 0;
  for (const at of commits) {
    while (frame < frameEnds.length && frameEnds[frame]! < at) frame++;
    bins[frame]!++;
  }
  return bins;
}

/**
 * Reads the replay's body as fast as the replay delivers it (the way a socket buffer fills while
 * the page is busy) and hands the chunks on through a stream of its own, stamping each one.
 */
function eagerBody(
  inner: ReadableStream<Uint8Array>,
  transcript: { frames: readonly { atMs: number }[] },
  speed: number,
  stamps: { chunkDue: number[]; chunkEnqueued: number[] },
): ReadableStream<Uint8Array> {
  const startedAt = performance.now();
  const reader = inner.getReader();
  let index = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            const frame = transcript.frames[index];
            stamps.chunkDue[index] = startedAt + (frame ? frame.atMs / (speed || 1) : 0);
            stamps.chunkEnqueued[index] = performance.now();
            index++;
            controller.enqueue(value);
          }
          controller.close();
        } catch (error) {
          controller.error(error);
        }
      })();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** The chunk indexes to hold back until a checkpoint passed: the first chunk after each one. */
function gateChunks(tokens: number, perChunk: number, checkpoints: readonly number[]): number[] {
  // Chunk 0 holds metadata + tokens 0..perChunk-2; chunk k tokens k*perChunk-1 .. (k+1)*perChunk-2.
  return checkpoints
    .filter((count) => count > 0 && count < tokens)
    .map((count) => Math.ceil((count + 1) / perChunk));
}

let gateWaiters: ((open: () => void, deliveredTokens: number) => void)[] = [];

/** Pulls the replay chunk by chunk and stops before each gate chunk until released. */
function gatedBody(inner: ReadableStream<Uint8Array>, gates: number[]): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  const perChunk = prepared?.options.eventsPerChunk ?? 16;
  let index = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (gates.includes(index)) {
          const delivered = index * perChunk - 1; // tokens in chunks 0..index-1
          await new Promise<void>((open) => {
            const waiter = gateWaiters.shift();
            if (waiter) waiter(open, delivered);
            else pendingGate = { open, delivered };
          });
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else {
          index++;
          controller.enqueue(value);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

let pendingGate: { open: () => void; delivered: number } | undefined;

function nextGate(): Promise<{ open: () => void; delivered: number }> {
  if (pendingGate) {
    const gate = pendingGate;
    pendingGate = undefined;
    return Promise.resolve(gate);
  }
  return new Promise((resolve) =>
    gateWaiters.push((open, delivered) => resolve({ open, delivered })),
  );
}

/**
 * Memory checkpoints: before the stream (after mount), at each gate once the page shows every
 * token delivered so far, and after the end. The Node side collects garbage and reads the heap.
 */
async function runCheckpoints(p: Prepared): Promise<void> {
  const checkpoint = window.__checkpoint;
  if (!checkpoint) throw new Error("the Node side did not expose __checkpoint");
  const gates = gateChunks(p.options.tokens, p.options.eventsPerChunk, p.options.checkpoints);
  for (let i = 0; i < gates.length; i++) {
    const gate = await nextGate();
    await p.tracker.whenPainted(p.cumulative[gate.delivered - 1]!);
    await p.tracker.frames(2);
    await checkpoint(String(gate.delivered));
    gate.open();
  }
  gateWaiters = [];
}

function latencyOf(p: Prepared): LatencyResult {
  const { cumulative, tracker, options } = p;
  const { chunkDue, chunkEnqueued } = p.state;
  const perChunk = options.eventsPerChunk;
  const painted = tracker.painted;
  const fromEnqueue: number[] = [];
  const fromSchedule: number[] = [];
  let sample = 0;
  for (let i = 0; i < options.tokens; i++) {
    while (sample < painted.length && painted[sample]!.length < cumulative[i]!) sample++;
    const paint = painted[sample];
    const chunk = Math.floor((i + 1) / perChunk);
    const enqueued = chunkEnqueued[chunk];
    const due = chunkDue[chunk];
    if (!paint || enqueued === undefined || due === undefined) continue;
    fromEnqueue.push(paint.at - enqueued);
    fromSchedule.push(paint.at - due);
  }
  const lag = chunkEnqueued.map((at, k) => at - (chunkDue[k] ?? at));
  return {
    fromEnqueue: percentiles(fromEnqueue),
    fromSchedule: percentiles(fromSchedule),
    samples: fromEnqueue.length,
    enqueueLag: percentiles(lag),
  };
}

function percentiles(values: number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}
