import type { StreamStore } from "./createStreamStore";
import type { RunPersistence } from "./RunPersistence";
import { isFinalStatus } from "./sessionReducers";

/**
 * Keeps a session's active run and last event id in `persistence`, so a reloaded page can
 * re-join where it left off. Saves once per store update, never per event, and stops saving
 * when the run is over. Returns the unsubscribe function.
 *
 * @example
 * const stop = persistLastEventId(store, "chat", createStoragePersistence(window.sessionStorage));
 */
export function persistLastEventId(
  store: StreamStore,
  key: string,
  persistence: RunPersistence,
): () => void {
  let last: string | undefined;
  return store.subscribe((state) => {
    const session = state.sessions[key];
    if (!session || session.lastEventId === last || !session.runId || !session.threadId) return;
    last = session.lastEventId;
    if (isFinalStatus(session.status)) return;
    persistence.save(key, {
      threadId: session.threadId,
      runId: session.runId,
      lastEventId: last,
    });
  });
}
