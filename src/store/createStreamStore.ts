import { createStore, type StoreApi } from "zustand/vanilla";
import type { StreamEvent } from "../client/types";
import { applyEvents, isMessageEvent } from "./applyEvents";
import { createFrameScheduler, type FlushScheduler } from "./createFrameScheduler";
import { createSession, type RunSession, type SessionInit } from "./RunSession";

/** A session of any value, custom-event and interrupt types, as the store holds it. */
export type AnyRunSession = RunSession<unknown, unknown, unknown>;

export interface StreamStoreState {
  /** Sessions by the caller's key (one session follows successive runs). */
  sessions: Record<string, AnyRunSession>;
}

export interface StreamStoreOptions {
  /** Events each session's log keeps (default 5,000). */
  eventLogCap?: number;
  /** Estimated bytes of events each session's log keeps (default 8 MiB). */
  eventLogByteCap?: number;
  /** When queued events are applied (default: {@link createFrameScheduler}). */
  scheduler?: FlushScheduler;
  /** The clock (default `Date.now`). */
  now?: () => number;
}

/** A vanilla zustand store of run sessions, plus actions (stable functions, not part of the state). */
export interface StreamStore extends StoreApi<StreamStoreState> {
  /** The session under `key`, created (with `init`) when missing. */
  ensureSession<V = Record<string, unknown>, C = unknown, I = unknown>(
    key: string,
    init?: SessionInit,
  ): RunSession<V, C, I>;
  /**
   * Applies a reducer to the session under `key` (nothing happens when there is none). Queued
   * events are applied first, in the same store update, so the order of events and updates holds.
   */
  updateSession<V = Record<string, unknown>, C = unknown, I = unknown>(
    key: string,
    reducer: (session: RunSession<V, C, I>) => RunSession<V, C, I>,
  ): void;
  /**
   * Queues an event; queued events of all keys are applied in one store update per flush. The
   * first event of a session's run, and its first message event, are applied at once (with
   * anything else queued).
   */
  enqueueEvent(key: string, event: StreamEvent): void;
  /** Queues several events (see {@link StreamStore.enqueueEvent}). */
  enqueueEvents(key: string, events: readonly StreamEvent[]): void;
  /** Applies the queued events now. */
  flush(): void;
  /** Drops the session and its queued events. */
  removeSession(key: string): void;
  /** The session under `key`, or undefined. Reads only: queued events are not applied. */
  getSession<V = Record<string, unknown>, C = unknown, I = unknown>(
    key: string,
  ): RunSession<V, C, I> | undefined;
  /** Cancels the scheduled flush and forgets queued events. */
  dispose(): void;
}

interface QueuedEvent {
  event: StreamEvent;
  receivedAt: number;
}

/**
 * The stream buffer of one provider. Events are queued and applied together, once per animation
 * frame (a macrotask outside browsers), so a fast stream costs one store notification per frame.
 * The events that open a run are the exception: its first event and its first message event (the
 * first token) are applied at once, so that what the run shows first is not held back by a
 * frame.
 * Events for a key without a session are dropped when applied: call `ensureSession` first.
 *
 * @example
 * const store = createStreamStore();
 * store.ensureSession("t1:r1", { threadId: "t1", runId: "r1" });
 * for await (const event of stream) store.enqueueEvent("t1:r1", event);
 * store.getState().sessions["t1:r1"]?.messages;
 */
export function createStreamStore(options: StreamStoreOptions = {}): StreamStore {
  const api = createStore<StreamStoreState>()(() => ({ sessions: {} }));
  const scheduler = options.scheduler ?? createFrameScheduler();
  const now = options.now ?? Date.now;
  let queue = new Map<string, QueuedEvent[]>();

  /** Applies the queue and `change` to the sessions in one store update. */
  function commit(
    change?: (sessions: Record<string, AnyRunSession>) => Record<string, AnyRunSession>,
  ): void {
    const queued = queue;
    queue = new Map();
    scheduler.cancel();
    const before = api.getState().sessions;
    let after = applyQueued(before, queued, now());
    try {
      if (change) after = change(after);
    } finally {
      // A throwing reducer must not lose the events already taken from the queue.
      if (after !== before) api.setState({ sessions: after });
    }
  }

  function enqueueEvents(key: string, events: readonly StreamEvent[]): void {
    if (events.length === 0) return;
    const receivedAt = now();
    const atOnce = opensRun(api.getState().sessions[key], events);
    const queued = queue.get(key) ?? [];
    for (const event of events) queued.push({ event, receivedAt });
    queue.set(key, queued);
    // What a run shows first does not wait a frame (and its render happens before the frame, not
    // in it): see opensRun. Everything else waits for the frame.
    if (atOnce) commit();
    else scheduler.schedule(flush);
  }

  function flush(): void {
    if (queue.size > 0) commit();
  }

  function getSession<V, C, I>(key: string): RunSession<V, C, I> | undefined {
    return api.getState().sessions[key] as RunSession<V, C, I> | undefined;
  }

  return {
    ...api,
    ensureSession<V, C, I>(key: string, init: SessionInit = {}): RunSession<V, C, I> {
      const existing = getSession<V, C, I>(key);
      if (existing) return existing;
      const created = createSession<V, C, I>(key, {
        eventLogCap: options.eventLogCap,
        eventLogByteCap: options.eventLogByteCap,
        ...init,
      });
      api.setState({ sessions: { ...api.getState().sessions, [key]: created as AnyRunSession } });
      return created;
    },
    updateSession<V, C, I>(
      key: string,
      reducer: (session: RunSession<V, C, I>) => RunSession<V, C, I>,
    ): void {
      commit((sessions) => {
        const session = sessions[key] as RunSession<V, C, I> | undefined;
        const updated = session && reducer(session);
        return updated === undefined || updated === session
          ? sessions
          : { ...sessions, [key]: updated as AnyRunSession };
      });
    },
    enqueueEvent: (key, event) => enqueueEvents(key, [event]),
    enqueueEvents,
    flush,
    removeSession(key: string): void {
      queue.delete(key);
      commit((sessions) => {
        if (!(key in sessions)) return sessions;
        const { [key]: _removed, ...rest } = sessions;
        return rest;
      });
    },
    getSession,
    dispose(): void {
      scheduler.cancel();
      queue.clear();
    },
  };
}

/**
 * Whether these events open the session's current run: its first event, or its first message
 * event (the first token). They are applied at once, so at most two flushes per run skip the
 * frame.
 */
function opensRun(session: AnyRunSession | undefined, events: readonly StreamEvent[]): boolean {
  if (session === undefined) return false;
  const { timings } = session;
  return (
    timings.firstEventAt === undefined ||
    (timings.firstMessageAt === undefined && events.some(isMessageEvent))
  );
}

/** The sessions with every queued event applied (the same record when nothing applied). */
function applyQueued(
  sessions: Record<string, AnyRunSession>,
  queued: ReadonlyMap<string, readonly QueuedEvent[]>,
  now: number,
): Record<string, AnyRunSession> {
  let next = sessions;
  for (const [key, items] of queued) {
    const session = sessions[key];
    if (!session) continue;
    const events = items.map((item) => item.event);
    const receivedAt = items.map((item) => item.receivedAt);
    next = next === sessions ? { ...sessions } : next;
    next[key] = applyEvents(session, events, now, { receivedAt });
  }
  return next;
}
