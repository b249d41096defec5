import type { LangGraphRunsClient } from "../client/createClient";
import { compareEventIds } from "../client/eventIds";
import { isPlainObject } from "../client/isPlainObject";
import { isAbortError, RunsClientError } from "../client/RunsClientError";
import type {
  CancelAction,
  Checkpoint,
  Command,
  MultitaskStrategy,
  ReconnectInfo,
  RunCreateOptions,
  StreamEvent,
  StreamMode,
  StreamResumeOptions,
  ThreadState,
} from "../client/types";
import type { StreamStore } from "./createStreamStore";
import { hydrateSession } from "./hydrateSession";
import { withInputMessageIds } from "./messages/withInputMessageIds";
import { addOptimisticMessages, recordTurnError, removeMessages, setRefusal } from "./turnReducers";
import { savedMessageIds, skipSettledMessageChunks } from "./skipSettledMessageChunks";
import { persistLastEventId } from "./persistLastEventId";
import { resolveFinalStatus } from "./resolveFinalStatus";
import type { RunPersistence } from "./RunPersistence";
import { dropUnsavedMessages } from "./dropUnsavedMessages";
import type { Message } from "./messages/Message";
import type { RunSession, SessionStatus } from "./RunSession";
import { asRunsClientError, toSessionError } from "./toSessionError";
import { YIELD_AFTER_MS, yieldToEventLoop } from "./yieldToEventLoop";
import {
  beginRun,
  endRun,
  failRun,
  isFinalStatus,
  joinRun,
  markCancelling,
  markOpen,
  resetSession,
  setConnection,
  setError,
  setRunIdentity,
} from "./sessionReducers";

/**
 * Options of one submitted run: every RunCreate field, the thread to run on, and how the stream
 * resumes (`idleTimeoutMs`, `maxReconnectAttempts`, `reconnectBaseDelayMs`, `reconnect`).
 */
export interface SubmitOptions
  extends Omit<RunCreateOptions, "input" | "command">, Omit<StreamResumeOptions, "onReconnect"> {
  /** Run on this thread instead of the controller's (a new thread is made when neither is set). */
  threadId?: string;
  command?: Command;
}

export interface JoinRunOptions {
  threadId?: string;
  /** Replay only what came after this event id (default: what the session has not seen yet). */
  lastEventId?: string;
  /** Load the thread's saved state first (after a reload, when the session is empty). */
  hydrate?: boolean;
}

export interface RunControllerCallbacks {
  /** The run id became known (from `Content-Location` or the first event). */
  onRunCreated?(run: { threadId: string; runId: string }): void;
  /** The run reached a final status (as far as the client can tell). */
  onRunFinished?(run: { threadId: string; runId: string | null; status: SessionStatus }): void;
  /** The controller made a thread (submit without a thread id). */
  onThreadId?(threadId: string): void;
  onError?(error: RunsClientError): void;
  /**
   * Every event as it is received, before the store batches it into the next frame (a throw is
   * caught: the stream goes on, and the first throw of each stream is logged with `console.error`).
   */
  onEvent?(event: StreamEvent): void;
  /** Every `custom` event's data, in order (the session keeps only the last, as `lastCustom`). */
  onCustomEvent?(data: unknown, event: StreamEvent): void;
}

export interface RunControllerOptions {
  client: LangGraphRunsClient;
  store: StreamStore;
  /** The store session this controller drives (the run handle's `id`). */
  id: string;
  assistantId: string;
  threadId?: string | null;
  /** Stream modes of every run (default values, messages-tuple, updates, custom). */
  streamMode?: StreamMode[];
  streamSubgraphs?: boolean;
  /** Keep the run and its last event id so a reloaded page can re-join it. */
  persistence?: RunPersistence;
  callbacks?: RunControllerCallbacks;
}

export const DEFAULT_STREAM_MODES: StreamMode[] = ["values", "messages-tuple", "updates", "custom"];

type EndReason = "replaced" | "disconnected" | "disposed";

interface ActiveStream {
  abort: AbortController;
  threadId: string | null;
  runId: string | null;
  pendingStop?: CancelAction;
  reconnecting: boolean;
  /** An `onEvent` / `onCustomEvent` callback threw during this stream (logged once). */
  callbackThrew?: boolean;
  /** Ended while a stop was held: kept open only to learn the run id and cancel the run. */
  detached?: boolean;
  /** The run this stream's submit stopped following, to follow again if the server refuses it. */
  displaced?: { threadId: string; runId: string; lastEventId: string | undefined };
  /** What was submitted (input with message ids), to send again after a busy refusal. */
  submission?: Submission;
  /** Ids of the input messages shown before the server answered (taken back if refused). */
  optimisticIds?: ReadonlySet<string>;
  /** The session's status before the submit, restored when a refused submit has nothing to follow. */
  previousStatus?: SessionStatus;
  /** The run streamed root `values`: the saved state, which has every message it kept. */
  sawValues?: boolean;
  /**
   * The session's messages when the submit started, before unsaved ones were pruned: a refused
   * submit puts them back (the displaced run's reply in progress is still going).
   */
  messagesBefore?: readonly Message[];
}

interface Submission {
  input: unknown;
  options: SubmitOptions;
}

/** How a refused submit goes again: after the busy run (`wait`), or with a multitask strategy. */
export type ResubmitStrategy = "wait" | MultitaskStrategy;

/** Errors after which the run may still be going on the server. */
const UNDECIDED_KINDS: ReadonlySet<string> = new Set(["network", "aborted"]);

/** How long a stream ended with a held stop waits for the run id before it gives up. */
const HELD_STOP_MS = 10_000;

/**
 * Drives one session of the stream buffer with the runs client: starts, resumes, joins, stops
 * and detaches runs, and records what happens. Framework-free: the React hooks are a thin
 * binding over it, and any other binding can use it as it is.
 *
 * @example
 * const controller = createRunController({ client, store, id: "chat", assistantId: "agent" });
 * await controller.submit({ messages: [{ type: "human", content: "hi" }] });
 */
export function createRunController(options: RunControllerOptions): RunController {
  return new RunController(options);
}

export class RunController {
  #options: RunControllerOptions;
  #threadId: string | null;
  #active: ActiveStream | null = null;
  #unsubscribePersistence: (() => void) | undefined;
  /** The last run this controller started streamed `values` (its messages reached them). */
  #lastRunStreamedValues = false;
  /** The submit the busy thread refused last, until it is sent again or dismissed. */
  #refused: Submission | null = null;
  /** A refused submit to send once the run that keeps the thread busy ends (`resubmit("wait")`). */
  #waiting: Submission | null = null;
  /**
   * The checkpoint `showCheckpoint` put in the session (an earlier branch of the thread): the
   * next run continues from it, not from the thread's latest state. Null: the latest state.
   */
  #shownCheckpoint: Checkpoint | null = null;
  /**
   * The thread's config on the server may name a checkpoint: the JS Agent Server (1.5.x) keeps a
   * run's `checkpoint` in its thread's config and starts every later run on the thread from it
   * (a fork would be undone by the next message). Set by a run with a checkpoint, or a loaded
   * thread whose config shows one; the next run without one then asks for the latest state
   * (`configurable.checkpoint_id: null`), which also clears it from the thread's config.
   */
  #threadPinsCheckpoint = false;

  constructor(options: RunControllerOptions) {
    this.#options = { ...options };
    this.#threadId = options.threadId ?? null;
  }

  get id(): string {
    return this.#options.id;
  }

  /** Updates what the next run uses (assistant, stream modes, callbacks); a running stream is left alone. */
  configure(
    changes: Partial<
      Pick<RunControllerOptions, "assistantId" | "streamMode" | "streamSubgraphs" | "callbacks">
    >,
  ): void {
    Object.assign(this.#options, changes);
  }

  getThreadId(): string | null {
    return this.#threadId;
  }

  /** Makes sure the session exists and starts keeping the run for re-joins after a reload. */
  attach(): void {
    this.#options.store.ensureSession(this.id, { threadId: this.#threadId });
    const { persistence, store } = this.#options;
    if (persistence && !this.#unsubscribePersistence)
      this.#unsubscribePersistence = persistLastEventId(store, this.id, persistence);
  }

  /** Detaches from the stream (the run goes on on the server) and stops persisting. */
  dispose(): void {
    this.#end("disposed");
    this.#unsubscribePersistence?.();
    this.#unsubscribePersistence = undefined;
  }

  /**
   * Switches to another thread: the current stream is detached and the session starts afresh.
   * Switching to the thread the controller is already on (for example the one it just made)
   * changes nothing.
   */
  setThreadId(threadId: string | null): void {
    if (threadId === this.#threadId) return;
    this.#end("replaced");
    this.#threadId = threadId;
    this.#shownCheckpoint = null;
    this.#threadPinsCheckpoint = false;
    this.#update((session) => resetSession(session, { threadId }));
  }

  /** Streams a new run with `input` (resumable by default). */
  submit(input: unknown, options: SubmitOptions = {}): Promise<void> {
    return this.#start(input, options);
  }

  /**
   * Answers pending interrupts: one value, or `{ [interruptId]: value }` for several at once.
   *
   * @example controller.resume({ [a.id]: "yes", [b.id]: "no" })
   */
  resume(answer: unknown, options: Omit<SubmitOptions, "command"> = {}): Promise<void> {
    return this.#start(undefined, { ...options, command: { resume: answer } });
  }

  /**
   * Sends the submit the busy thread refused again: once the run that keeps it busy ends
   * (`"wait"`), or now with a multitask strategy the server applies (`"enqueue"`, `"interrupt"`,
   * `"rollback"`; `"reject"` simply tries again).
   *
   * @example if (session.refusal) await controller.resubmit("enqueue");
   */
  resubmit(strategy: ResubmitStrategy): Promise<void> {
    const refused = this.#refused;
    if (!refused) return Promise.resolve();
    this.#refused = null;
    if (strategy === "wait") {
      this.#waiting = refused;
      this.#update((s) => (s.refusal ? setRefusal(s, { ...s.refusal, waiting: true }) : s));
      // The busy run may have ended already.
      if (!this.#active) this.#sendWaiting();
      return Promise.resolve();
    }
    return this.#start(refused.input, { ...refused.options, multitaskStrategy: strategy });
  }

  /** Forgets the refused submit (the app keeps the draft). */
  dismissRefusal(): void {
    this.#refused = null;
    this.#waiting = null;
    this.#update((s) => setRefusal(s, null));
  }

  /**
   * Follows a run someone else started on this controller's thread (a background run): joins it
   * when nothing else is streaming, so its messages reach the session as they are made.
   *
   * @example controller.followRun({ thread_id, run_id })
   */
  followRun(run: { thread_id: string; run_id: string }): void {
    if (this.#active || run.thread_id !== this.#threadId) return;
    void this.join(run.run_id, { threadId: run.thread_id, lastEventId: "-1", hydrate: true });
  }

  /**
   * Cancels the run on the server. Before the run id is known the stop is held and sent as soon
   * as it is.
   */
  async stop({ action = "interrupt" }: { action?: CancelAction } = {}): Promise<void> {
    const active = this.#active;
    const session = this.#options.store.getSession(this.id);
    // While a stream is active its run is the one to stop; the session may still name the
    // previous run until the new one is known.
    const runId = active ? active.runId : (session?.runId ?? null);
    const threadId = active?.threadId ?? this.#threadId;
    if (!active && (!session || isFinalStatus(session.status) || session.status === "idle")) return;
    this.#update((s) => markCancelling(s));
    if (active && (runId === null || threadId === null)) {
      active.pendingStop = action;
      return;
    }
    if (runId !== null && threadId !== null) await this.#cancel(threadId, runId, action);
  }

  /** Closes the connection only: the run goes on, and `join` can re-attach to it. */
  disconnect(): void {
    this.#end("disconnected");
  }

  /**
   * Attaches to a run that is already going (or finished, if resumable). Continuing the
   * session's own run picks up after the last event it saw, so nothing is shown twice.
   */
  async join(runId: string, joinOptions: JoinRunOptions = {}): Promise<void> {
    const threadId = joinOptions.threadId ?? this.#threadId;
    if (threadId === null) throw new TypeError("join needs a thread id");
    this.#end("replaced");
    // A run's events build on the thread's latest state, not on a branch shown before.
    this.#shownCheckpoint = null;
    this.#adoptThread(threadId);
    // Events still queued count as seen: their ids are where this join must continue.
    this.#options.store.flush();
    const session = this.#options.store.ensureSession(this.id, { threadId });
    const sameRun = session.runId === runId;
    // The session never takes an event twice: asked to replay its own run from earlier than
    // what it holds, it continues after its last event instead.
    const lastEventId =
      laterEventId(joinOptions.lastEventId, sameRun ? session.lastEventId : undefined) ?? "-1";
    const active = this.#begin(threadId, runId);
    this.#update((s) => joinRun(s, { threadId, runId }, Date.now()));
    if (!sameRun || joinOptions.lastEventId !== undefined)
      this.#update((s) => ({ ...s, lastEventId }));
    await this.#consume(active, async () => {
      const settled = joinOptions.hydrate
        ? await this.#hydrate(threadId, active.abort.signal)
        : undefined;
      const events = await this.#options.client.runs.joinStream(threadId, runId, {
        lastEventId,
        streamVersion: "v2",
        raiseError: true,
        raiseAbort: true,
        rejoinOnCleanClose: true,
        signal: active.abort.signal,
        onReconnect: (info) => this.#onReconnect(active, info),
      });
      // A replay after hydrating: messages already in the saved state are complete there (a
      // node's output is saved only when it finishes), and their chunks would add them twice.
      return settled ? skipSettledMessageChunks(events, settled) : events;
    });
  }

  /** Re-joins the run kept by the persistence, if any. Returns whether there was one. */
  async reconnectPersisted(): Promise<boolean> {
    const { persistence, client } = this.#options;
    const saved = persistence?.load(this.id);
    if (!saved) return false;
    // The page may have left before it saw the run end (a thread switch, a reload right after
    // the reply): a run that has ended is history, loaded from the thread's state, not a stream
    // to re-join (which would show a finished run as running while it replays).
    const run = await client.runs.get(saved.threadId, saved.runId).catch(() => undefined);
    if (run && isFinalStatus(run.status)) {
      persistence?.save(this.id, null);
      this.#adoptThread(saved.threadId);
      await this.loadThreadState();
      return true;
    }
    // The page's memory is gone: replay the whole run (its output so far may be in no saved
    // state yet, e.g. a reply a node is still streaming) over the thread's saved state.
    await this.join(saved.runId, { threadId: saved.threadId, lastEventId: "-1", hydrate: true });
    return true;
  }

  /**
   * Loads the thread's saved state into the session (history of an existing thread), with
   * `threadLoading` set meanwhile. A failure is recorded as `threadLoadError` and thrown as a
   * `RunsClientError`; a load overtaken by a thread switch or an abort ends quietly.
   *
   * @example await controller.loadThreadState().catch((error) => report(error));
   */
  async loadThreadState(signal?: AbortSignal): Promise<void> {
    const threadId = this.#threadId;
    if (threadId === null) return;
    this.#shownCheckpoint = null;
    this.#update((s) => ({ ...s, threadLoading: true, threadLoadError: null }));
    const current = () => !signal?.aborted && threadId === this.#threadId;
    try {
      await this.#hydrate(threadId, signal);
      if (current()) this.#update((s) => ({ ...s, threadLoading: false }));
    } catch (error) {
      // A switch already reset the session: its loading flag belongs to the new thread.
      if (!current()) return;
      const typed = asRunsClientError(error);
      const loadError = toSessionError(typed);
      this.#update((s) => ({ ...s, threadLoading: false, threadLoadError: loadError }));
      throw typed;
    }
  }

  /**
   * Shows the thread as it was at a checkpoint: its messages, values and pending interrupts
   * replace the session's (another branch of the thread: a message's other version). The next
   * run continues from that checkpoint unless it names another one, so a follow-up extends the
   * branch on screen. Give the state itself when you have it (from `threads.getHistory`), or a
   * checkpoint id to load it. Does nothing while a run streams (its events would overwrite it) or
   * when a thread switch overtook the load; a failed load throws a `RunsClientError`.
   *
   * @example
   * const history = await client.threads.getHistory(threadId, { limit: 100 });
   * await controller.showCheckpoint(history[3]); // or: showCheckpoint(checkpointId)
   */
  async showCheckpoint(
    checkpoint: string | ThreadState<unknown>,
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<void> {
    const threadId = this.#threadId;
    if (threadId === null || this.#active) return;
    const state =
      typeof checkpoint === "string"
        ? await this.#options.client.threads
            .getState<unknown>(threadId, checkpoint, { signal })
            .catch((error: unknown) => {
              throw asRunsClientError(error);
            })
        : checkpoint;
    if (signal?.aborted || threadId !== this.#threadId || this.#active) return;
    this.#shownCheckpoint = state.checkpoint;
    this.#update((s) => showThreadState(s, state));
  }

  async #start(rawInput: unknown, requested: SubmitOptions): Promise<void> {
    const options = this.#withStartingPoint(requested);
    const displaced = this.#followedRun();
    this.#end("replaced");
    const requestedThread = options.threadId ?? this.#threadId;
    const active = this.#begin(requestedThread, null);
    active.displaced = displaced;
    // The user's message shows at once, with the id the server will keep for it.
    const { input, messages: optimistic } = withInputMessageIds(rawInput);
    active.submission = { input, options };
    active.optimisticIds = new Set(optimistic.map((message) => message.id));
    const before = this.#options.store.getSession(this.id);
    active.previousStatus = before?.status;
    active.messagesBefore = before?.messages;
    this.#refused = null;
    this.#waiting = null;
    const pruneUnsaved = this.#lastRunStreamedValues && requestedThread === this.#threadId;
    const modes = options.streamMode ?? this.#options.streamMode ?? DEFAULT_STREAM_MODES;
    this.#lastRunStreamedValues = (Array.isArray(modes) ? modes : [modes]).includes("values");
    this.#update((s) => {
      const pruned = pruneUnsaved ? dropUnsavedMessages(s) : s;
      // A new turn: the previous run's id no longer describes what the session shows.
      const started = { ...beginRun(pruned, Date.now()), runId: null };
      const cleared = setRefusal(setError(started, null), null);
      return addOptimisticMessages(setConnection(cleared, "connecting"), optimistic);
    });
    await this.#consume(active, async () => {
      const threadId = requestedThread ?? (await this.#createThread(active));
      active.threadId = threadId;
      const { threadId: _ignored, ...createOptions } = options;
      return this.#options.client.runs.stream(threadId, this.#options.assistantId, {
        streamSubgraphs: this.#options.streamSubgraphs,
        streamResumable: true,
        ...createOptions,
        streamMode: modes,
        ...(input === undefined ? {} : { input }),
        streamVersion: "v2",
        raiseError: true,
        raiseAbort: true,
        signal: active.abort.signal,
        onRunCreated: (meta) => this.#onRunCreated(active, meta.run_id),
        onReconnect: (info) => this.#onReconnect(active, info),
      });
    });
  }

  /**
   * Where a run on the controller's thread starts: its own checkpoint; else the one
   * `showCheckpoint` put on screen (once: the run makes it history); else the latest state,
   * said explicitly while the thread's config may name an older one (see `#threadPinsCheckpoint`).
   */
  #withStartingPoint(options: SubmitOptions): SubmitOptions {
    const shown = this.#shownCheckpoint;
    this.#shownCheckpoint = null;
    if ((options.threadId ?? this.#threadId) !== this.#threadId) return options;
    const configurable = options.config?.configurable ?? {};
    if (options.checkpoint || options.checkpointId || "checkpoint_id" in configurable) {
      this.#threadPinsCheckpoint = configurable.checkpoint_id !== null;
      return options;
    }
    if (shown) {
      this.#threadPinsCheckpoint = true;
      return { ...options, checkpoint: shown };
    }
    if (!this.#threadPinsCheckpoint) return options;
    this.#threadPinsCheckpoint = false;
    const config = { ...options.config, configurable: { ...configurable, checkpoint_id: null } };
    return { ...options, config };
  }

  /**
   * Switches to `threadId` when it is another thread, and tells the app (a reload re-joined or
   * restored a thread the app's own state had not restored yet).
   */
  #adoptThread(threadId: string): void {
    if (threadId === this.#threadId) return;
    this.setThreadId(threadId);
    this.#options.callbacks?.onThreadId?.(threadId);
  }

  /** Hands one event to the app's callbacks; their throws never reach the stream. */
  #notifyEvent(active: ActiveStream, event: StreamEvent): void {
    const { onEvent, onCustomEvent } = this.#options.callbacks ?? {};
    if (onEvent) this.#guard(active, () => onEvent(event));
    if (onCustomEvent && isCustomEvent(event))
      this.#guard(active, () => onCustomEvent(event.data, event));
  }

  #guard(active: ActiveStream, call: () => void): void {
    try {
      call();
    } catch (error) {
      // Once per stream: a callback that throws on every event would flood the console.
      if (active.callbackThrew) return;
      active.callbackThrew = true;
      console.error("langgraph-runs-react: an onEvent/onCustomEvent callback threw", error);
    }
  }

  #begin(threadId: string | null, runId: string | null): ActiveStream {
    const active: ActiveStream = {
      abort: new AbortController(),
      threadId,
      runId,
      reconnecting: false,
    };
    this.#active = active;
    return active;
  }

  /** Feeds the stream into the store and settles the session when it ends, however it ends. */
  async #consume(
    active: ActiveStream,
    open: () => Promise<AsyncIterable<StreamEvent>>,
  ): Promise<void> {
    const { store } = this.#options;
    let opened = false;
    try {
      const events = await open();
      // When the events are already there (a fast server, a replay, a backlog after a stall),
      // the stream hands them over in microtasks without ever returning to the event loop: the
      // page could not paint until the whole backlog was read. Yield every few ms of work.
      let sliceStart = performance.now();
      for await (const event of events) {
        if (this.#active !== active) break;
        if (!opened || active.reconnecting) {
          opened = true;
          active.reconnecting = false;
          this.#update(markOpen);
        }
        if (event.type === "values" && event.ns.length === 0) active.sawValues = true;
        this.#notifyEvent(active, event);
        store.enqueueEvent(this.id, event);
        if (performance.now() - sliceStart >= YIELD_AFTER_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
      if (this.#active === active) await this.#settle(active);
    } catch (error) {
      if (this.#active === active) await this.#fail(active, error);
    } finally {
      if (this.#active === active) this.#active = null;
    }
  }

  async #settle(active: ActiveStream): Promise<void> {
    const { store, client } = this.#options;
    const streamed = store.getSession(this.id)?.status;
    // Events still queued may carry the error or interrupt that decides the status.
    store.flush();
    const status = await resolveFinalStatus(client, store.getSession(this.id), {
      streamed,
      threadId: active.threadId,
      runId: active.runId,
    });
    this.#update((s) =>
      setConnection(endRun(dropUnconfirmed(s, active), status, Date.now()), "closed"),
    );
    this.#finish(active, status);
    if (this.#active === active) this.#sendWaiting();
  }

  async #fail(active: ActiveStream, error: unknown): Promise<void> {
    if (isAbortError(error) || active.abort.signal.aborted) return;
    const typed = asRunsClientError(error);
    this.#options.store.flush();
    if (typed.kind === "busy" && active.runId === null) return this.#refuse(active, typed);
    // Refused before it had a run id: the server never took the input, so the user's message
    // leaves the transcript (the error says why; the app's composer keeps the text).
    const unsent = active.runId === null ? active.optimisticIds : undefined;
    this.#update((s) => {
      const sessionError = toSessionError(typed);
      const kept = unsent ? removeMessages(s, unsent) : dropUnconfirmed(s, active);
      const failed = failRun(recordTurnError(kept, sessionError), sessionError, Date.now());
      return setConnection(failed, typed.kind === "stream" ? "closed" : "failed");
    });
    this.#options.callbacks?.onError?.(typed);
    // A lost connection says nothing of the run: it may still be going, and a reload re-joins it.
    this.#finish(active, "error", { keepPersisted: UNDECIDED_KINDS.has(typed.kind) });
  }

  /**
   * The busy thread refused the submit: not a failed run. The user's message is taken back (the
   * app keeps the draft), the refusal is recorded for the app to offer the multitask choices,
   * and the session follows the run that keeps the thread busy.
   */
  async #refuse(active: ActiveStream, error: RunsClientError): Promise<void> {
    this.#refused = active.submission ?? null;
    const busyRunId = active.displaced?.runId ?? null;
    const ids = active.optimisticIds ?? new Set<string>();
    const restored = active.messagesBefore;
    this.#update((s) =>
      setRefusal(restored ? { ...s, messages: [...restored] } : removeMessages(s, ids), {
        kind: "busy",
        message: error.message,
        busyRunId,
        waiting: false,
      }),
    );
    this.#options.callbacks?.onError?.(error);
    if (this.#active !== active) return;
    if (active.displaced) {
      // Follow the run it would have replaced again, from where the session left it.
      const { threadId, runId, lastEventId } = active.displaced;
      void this.join(runId, { threadId, lastEventId });
      return;
    }
    if (active.threadId !== null) await this.#followBusyRun(active);
  }

  /** Finds the run that keeps the thread busy (someone else's) and follows it. */
  async #followBusyRun(active: ActiveStream): Promise<void> {
    const threadId = active.threadId as string;
    const { runs } = this.#options.client;
    const busy = await busyRunOf(runs, threadId, active.abort.signal).catch(() => undefined);
    if (this.#active !== active) return;
    if (busy) {
      this.#update((s) => (s.refusal ? setRefusal(s, { ...s.refusal, busyRunId: busy }) : s));
      void this.join(busy, { threadId, lastEventId: "-1", hydrate: true });
      return;
    }
    // It ended meanwhile: nothing to follow, the session is as it was before the submit.
    const previous = active.previousStatus ?? "idle";
    this.#update((s) => setConnection({ ...s, status: previous }, "closed"));
    this.#sendWaiting();
  }

  /** Sends the submit that waited for the busy run, if any. */
  #sendWaiting(): void {
    const waiting = this.#waiting;
    if (!waiting) return;
    this.#waiting = null;
    void this.#start(waiting.input, waiting.options);
  }

  /** The run the current stream follows, with the session's last event id, if known. */
  #followedRun(): ActiveStream["displaced"] {
    const active = this.#active;
    if (!active || active.detached || active.threadId === null || active.runId === null)
      return undefined;
    // The queue may hold events the session has not applied yet; they were received all the
    // same, and a re-join that replayed them would show them twice.
    this.#options.store.flush();
    const lastEventId = this.#options.store.getSession(this.id)?.lastEventId;
    return { threadId: active.threadId, runId: active.runId, lastEventId };
  }

  #finish(
    active: ActiveStream,
    status: SessionStatus,
    { keepPersisted = false }: { keepPersisted?: boolean } = {},
  ): void {
    if (!keepPersisted) this.#options.persistence?.save(this.id, null);
    if (active.threadId !== null) {
      this.#options.callbacks?.onRunFinished?.({
        threadId: active.threadId,
        runId: active.runId,
        status,
      });
    }
  }

  #onRunCreated(active: ActiveStream, runId: string): void {
    if (active.detached) return this.#sendHeldStop(active, runId);
    if (this.#active !== active || active.runId === runId) return;
    active.runId = runId;
    const threadId = active.threadId;
    this.#update((s) =>
      setRunIdentity(
        { ...s, status: s.status === "starting" ? "running" : s.status },
        { threadId, runId },
      ),
    );
    if (threadId !== null) {
      this.#options.persistence?.save(this.id, { threadId, runId });
      this.#options.callbacks?.onRunCreated?.({ threadId, runId });
    }
    if (active.pendingStop && threadId !== null)
      void this.#cancel(threadId, runId, active.pendingStop);
  }

  #onReconnect(active: ActiveStream, info: ReconnectInfo): void {
    if (this.#active !== active) return;
    active.reconnecting = true;
    const retryAt = Date.now() + info.delayMs;
    this.#update((s) => setConnection(s, "reconnecting", info.attempt, retryAt));
  }

  /** Sends the stop held by a stream that has ended since, then closes its connection. */
  #sendHeldStop(active: ActiveStream, runId: string): void {
    const action = active.pendingStop;
    active.pendingStop = undefined;
    if (action && active.threadId !== null) {
      void this.#options.client.runs
        .cancel(active.threadId, runId, false, action)
        .catch((error: unknown) => {
          if (error instanceof RunsClientError) this.#options.callbacks?.onError?.(error);
        });
    }
    active.abort.abort("stopped");
  }

  async #cancel(threadId: string, runId: string, action: CancelAction): Promise<void> {
    try {
      await this.#options.client.runs.cancel(threadId, runId, false, action);
    } catch (error) {
      const typed = asRunsClientError(error);
      this.#update((s) => setError(markCancelling(s, false), toSessionError(typed)));
      this.#options.callbacks?.onError?.(typed);
    }
  }

  async #createThread(active: ActiveStream): Promise<string> {
    const thread = await this.#options.client.threads.create({ signal: active.abort.signal });
    this.#threadId = thread.thread_id;
    this.#update((s) => setRunIdentity(s, { threadId: thread.thread_id }));
    this.#options.callbacks?.onThreadId?.(thread.thread_id);
    return thread.thread_id;
  }

  /** Loads the thread's saved state into the session; returns the ids of the messages in it. */
  async #hydrate(threadId: string, signal?: AbortSignal): Promise<ReadonlySet<string>> {
    const { threads } = this.#options.client;
    const [state, thread] = await Promise.all([
      threads.getState(threadId, undefined, { signal }),
      threads.get(threadId, { signal }),
    ]);
    // Switched to another thread while the state loaded: it belongs to a session reset since.
    if (signal?.aborted || threadId !== this.#threadId) return new Set();
    if (configuredCheckpointId(thread)) this.#threadPinsCheckpoint = true;
    this.#update((s) => hydrateSession(s, { state, thread }));
    return savedMessageIds(state.values);
  }

  #end(reason: EndReason): void {
    const active = this.#active;
    if (!active) return;
    this.#active = null;
    if (active.pendingStop && active.runId === null && active.threadId !== null) {
      // A stop asked for before the run id was known must still reach the server: the request
      // goes on, detached from the session, until the id arrives (then the run is cancelled and
      // the connection closed), for HELD_STOP_MS at most.
      active.detached = true;
      const timer = setTimeout(() => active.abort.abort(reason), HELD_STOP_MS);
      active.abort.signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
    } else {
      active.abort.abort(reason);
    }
    this.#update((s) => (isFinalStatus(s.status) ? s : setConnection(s, "closed")));
  }

  #update(reducer: Parameters<StreamStore["updateSession"]>[1]): void {
    this.#options.store.ensureSession(this.id, { threadId: this.#threadId });
    this.#options.store.updateSession(this.id, reducer);
  }
}

/** A `custom` event; the mode prefix also matches a name that still carries its namespace. */
/** A `custom` event (the client already split any subgraph namespace into `ns`). */
function isCustomEvent(event: StreamEvent): boolean {
  return event.type === "custom";
}

/** The later of two event ids (`"-1"` is before any); the requested one when they can't be compared. */
function laterEventId(requested: string | undefined, seen: string | undefined): string | undefined {
  if (requested === undefined || requested === "-1") return seen ?? requested;
  if (seen === undefined) return requested;
  return (compareEventIds(requested, seen) ?? 1) < 0 ? seen : requested;
}

/** The id of the run that keeps a thread busy (running first, then pending), if any. */
async function busyRunOf(
  runs: LangGraphRunsClient["runs"],
  threadId: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  for (const status of ["running", "pending"] as const) {
    const [run] = await runs.list(threadId, { status, limit: 1, signal });
    if (run) return run.run_id;
  }
  return undefined;
}

/** The checkpoint id a thread's config names (JS Agent Server: kept from a run with one). */
function configuredCheckpointId(thread: unknown): unknown {
  const config = isPlainObject(thread) ? thread.config : undefined;
  return isPlainObject(config) && isPlainObject(config.configurable)
    ? config.configurable.checkpoint_id
    : undefined;
}

/**
 * The session showing a saved state (`showCheckpoint`): its values, messages and pause replace
 * the session's; messages equal to the ones shown keep their identity, and errors stay beside
 * the turns still shown.
 */
function showThreadState<S extends RunSession<unknown, unknown, unknown>>(
  session: S,
  state: ThreadState<unknown>,
): S {
  const kept = savedMessageIds(state.values);
  const cleared: S = {
    ...session,
    messages: session.messages.filter((message) => kept.has(message.id)),
    turnErrors: session.turnErrors.filter(
      (turnError) => turnError.afterMessageId !== null && kept.has(turnError.afterMessageId),
    ),
    interrupts: [],
    breakpoint: false,
    error: null,
  };
  return hydrateSession(cleared, { state }) as S;
}

/**
 * Takes back the optimistic input messages that the run's saved state does not have (the graph
 * removed them), once the run streamed its `values`; without them nothing can be told.
 */
function dropUnconfirmed<S extends RunSession<unknown, unknown, unknown>>(
  session: S,
  active: ActiveStream,
): S {
  const optimistic = active.optimisticIds;
  if (!active.sawValues || !optimistic || optimistic.size === 0) return session;
  const saved = savedMessageIds(session.values);
  const gone = new Set([...optimistic].filter((id) => !saved.has(id)));
  return removeMessages(session, gone) as S;
}
