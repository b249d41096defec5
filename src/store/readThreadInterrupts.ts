import { isPlainObject } from "../client/isPlainObject";
import type { PendingInterrupt } from "./interrupts/PendingInterrupt";

/** What a thread's saved state says it is waiting on. */
export interface ThreadPause<I = unknown> {
  /** Interrupts waiting for an answer, unique by id, in the order the server lists them. */
  interrupts: PendingInterrupt<I>[];
  /** Paused at a static breakpoint (`interrupt_before` / `interrupt_after`): no values, `next` set. */
  breakpoint: boolean;
}

/** The parts of `threads.getState` and `threads.get` that tell where a thread is paused. */
export interface ThreadPauseSources {
  /** `threads.getState(...)`: `tasks[].interrupts`, `next`, and (older servers) `interrupts`. */
  state: { next?: unknown; tasks?: unknown; interrupts?: unknown };
  /** `threads.get(...)`: `status` and `interrupts` (a map by task, or a list). */
  thread?: { status?: unknown; interrupts?: unknown };
}

/**
 * Reads the interrupts a thread is waiting on from its saved state, in the JS and the Python
 * servers' shapes: each task's `interrupts`, the state's top-level `interrupts` (older servers)
 * and the thread's `interrupts` (a map by task). A thread that is `interrupted` with `next` set
 * and no interrupt values is paused at a static breakpoint.
 *
 * @example
 * const [state, thread] = await Promise.all([client.threads.getState(id), client.threads.get(id)]);
 * readThreadInterrupts({ state, thread }).interrupts // [{ id, value }]
 */
export function readThreadInterrupts<I = unknown>(sources: ThreadPauseSources): ThreadPause<I> {
  const found = new Map<string, PendingInterrupt<I>>();
  const add = (raw: unknown) => {
    if (!isPlainObject(raw) || !("value" in raw)) return;
    const id = typeof raw.id === "string" ? raw.id : `__interrupt_${found.size}`;
    if (!found.has(id)) found.set(id, { id, value: raw.value as I });
  };
  const addAll = (list: unknown) => {
    if (Array.isArray(list)) list.forEach(add);
  };
  const { state, thread } = sources;
  if (Array.isArray(state.tasks))
    for (const task of state.tasks) if (isPlainObject(task)) addAll(task.interrupts);
  addAll(state.interrupts);
  const threadInterrupts = thread?.interrupts;
  if (Array.isArray(threadInterrupts)) addAll(threadInterrupts);
  else if (isPlainObject(threadInterrupts)) Object.values(threadInterrupts).forEach(addAll);

  const waiting = Array.isArray(state.next) && state.next.length > 0;
  // Without the thread's status a running thread (next set, nothing to answer) would look paused.
  const breakpoint = found.size === 0 && waiting && thread?.status === "interrupted";
  return { interrupts: [...found.values()], breakpoint };
}
