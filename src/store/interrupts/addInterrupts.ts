import type { PendingInterrupt } from "./PendingInterrupt";

/**
 * Adds interrupts to the pending ones, unique by id (an id already pending keeps its first
 * object). Returns the same array when nothing is new.
 *
 * @example addInterrupts([{ id: "a", value: 1 }], [{ id: "a", value: 1 }, { id: "b", value: 2 }])
 * // [{ id: "a", value: 1 }, { id: "b", value: 2 }]
 */
export function addInterrupts<TValue>(
  pending: readonly PendingInterrupt<TValue>[],
  incoming: readonly PendingInterrupt<TValue>[],
): PendingInterrupt<TValue>[] {
  const ids = new Set(pending.map((interrupt) => interrupt.id));
  const added = incoming.filter((interrupt) => {
    if (ids.has(interrupt.id)) return false;
    ids.add(interrupt.id);
    return true;
  });
  return added.length === 0 ? (pending as PendingInterrupt<TValue>[]) : [...pending, ...added];
}
