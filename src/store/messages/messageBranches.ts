import type { Checkpoint, ThreadState } from "../../client/types";
import { isPlainObject } from "../../client/isPlainObject";
import { readValuesId } from "./reconcileValuesMessages";

/** Where one message sits in a thread's history: what it forks from, and its other versions. */
export interface MessageBranch {
  /**
   * The checkpoint before the message was added: a run from here with no input makes the
   * message again (regenerate), one with other input replaces it (edit). Null when the loaded
   * history does not reach back to it.
   */
  parentCheckpoint: Checkpoint | null;
  /**
   * One checkpoint id per version of the message (this one included), oldest first: the latest
   * state that holds that version, i.e. what to show to switch to it.
   */
  branches: string[];
  /** This message's position in `branches`. */
  index: number;
}

/** Where a message was first and last seen, and which versions it competes with. */
interface Sighting {
  first: ThreadState<unknown>;
  last: ThreadState<unknown>;
  /** The ids of the messages at this position after the same earlier messages, in order. */
  versions: string[];
}

/**
 * Every message of a thread's history (`threads.getHistory`, newest first as the server lists
 * it) with its parent checkpoint and its versions. Versions are messages at the same position
 * after the same earlier messages: a regenerated reply, an edited question. Grouping by the
 * messages before, not by parent checkpoint, keeps a fork's versions together however many
 * checkpoints the server puts between the fork point and the new message (the JS server adds a
 * `fork` checkpoint, an edit adds an `input` one).
 *
 * @example
 * const branches = messageBranches(await client.threads.getHistory(threadId, { limit: 200 }));
 * branches.get(reply.id) // { parentCheckpoint: { checkpoint_id: "…" }, branches: ["…", "…"], index: 1 }
 */
export function messageBranches(
  history: readonly ThreadState<unknown>[],
): ReadonlyMap<string, MessageBranch> {
  const sightings = new Map<string, Sighting>();
  // A number per distinct list of earlier messages (0: none), so that "the same messages
  // before" is a map lookup instead of a list comparison.
  const prefixes = new Map<string, number>();
  const versionsAfter = new Map<number, string[]>();
  // Oldest first: the first sighting is where a message was added.
  for (let i = history.length - 1; i >= 0; i--) {
    const state = history[i]!;
    if (!state.checkpoint?.checkpoint_id) continue;
    let prefix = 0;
    messagesOf(state).forEach((raw, position) => {
      const id = readValuesId(raw, position);
      const seen = sightings.get(id);
      if (seen) seen.last = state;
      else {
        const versions = versionsAfter.get(prefix) ?? [];
        versionsAfter.set(prefix, versions);
        versions.push(id);
        sightings.set(id, { first: state, last: state, versions });
      }
      const key = `${prefix}\u0000${id}`;
      let next = prefixes.get(key);
      if (next === undefined) {
        next = prefixes.size + 1;
        prefixes.set(key, next);
      }
      prefix = next;
    });
  }
  const oldest = history.at(-1);
  const result = new Map<string, MessageBranch>();
  for (const [id, { first, versions }] of sightings) {
    // Already there in the oldest state loaded (a page of a longer history): it may have been
    // added before it, so its parent is not known.
    const truncated = first === oldest && first.parent_checkpoint != null;
    result.set(id, {
      parentCheckpoint: truncated ? null : (first.parent_checkpoint ?? null),
      branches: versions.map((version) => sightings.get(version)!.last.checkpoint!.checkpoint_id!),
      index: versions.indexOf(id),
    });
  }
  return result;
}

function messagesOf(state: ThreadState<unknown>): unknown[] {
  const values = state.values;
  return isPlainObject(values) && Array.isArray(values.messages) ? values.messages : [];
}
