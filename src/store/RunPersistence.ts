/** What is kept of a run so a reloaded page can re-join it. */
export interface PersistedRun {
  threadId: string;
  runId: string;
  lastEventId?: string;
}

/**
 * Where a run is kept between page loads (`sessionStorage` by default in the hooks). Any
 * synchronous key-value store fits.
 */
export interface RunPersistence {
  load(key: string): PersistedRun | null;
  save(key: string, run: PersistedRun | null): void;
}

/**
 * A persistence over a Web Storage object.
 *
 * @example createStoragePersistence(window.sessionStorage, "chat:")
 */
export function createStoragePersistence(
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">,
  prefix = "langgraph-runs-react:",
): RunPersistence {
  return {
    load(key) {
      try {
        const raw = storage.getItem(prefix + key);
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        return isPersistedRun(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    save(key, run) {
      try {
        if (run === null) storage.removeItem(prefix + key);
        else storage.setItem(prefix + key, JSON.stringify(run));
      } catch {
        // Storage full or denied (private mode): re-joining after a reload is a nicety.
      }
    },
  };
}

function isPersistedRun(value: unknown): value is PersistedRun {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.threadId === "string" && typeof record.runId === "string";
}
