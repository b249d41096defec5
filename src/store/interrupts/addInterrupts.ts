import { InterruptListDraft } from "./InterruptListDraft";
import type { PendingInterrupt } from "./PendingInterrupt";

/**
 * Adds interrupts to the pending ones, unique by id (an id already pending keeps its first
 * object). Returns the same array when nothing is new. O(1) amortized per interrupt (see
 * {@link InterruptListDraft}), plus one copy of the list when something is added.
 *
 * @example addInterrupts([{ id: "a", value: 1 }], [{ id: "a", value: 1 }, { id: "b", value: 2 }])
 * // [{ id: "a", value: 1 }, { id: "b", value: 2 }]
 */
export function addInterrupts<TValue>(
  pending: readonly PendingInterrupt<TValue>[],
  incoming: readonly PendingInterrupt<TValue>[],
): PendingInterrupt<TValue>[] {
  const draft = new InterruptListDraft(pending);
  draft.add(incoming);
  return draft.finish();
}
