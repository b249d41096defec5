import { useCallback, useEffect, useRef, useState } from "react";
import { isRunsClientError, useRunsClient } from "langgraph-runs-react";

const STORAGE_KEY = "lgr-demo-thread";

/** `#thread=<id>` in the URL (a reload, or a shared link, stays on the thread). */
function readThreadId(): string | null {
  const match = /(?:^#|&)thread=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) return decodeURIComponent(match[1]);
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeThreadId(threadId: string): void {
  const hash = `#thread=${encodeURIComponent(threadId)}`;
  if (window.location.hash !== hash) window.history.replaceState(null, "", hash);
  try {
    sessionStorage.setItem(STORAGE_KEY, threadId);
  } catch {
    // The hash is enough.
  }
}

export interface ThreadState {
  /** The current thread, once it is known to exist. */
  threadId: string | null;
  /** Making or checking the thread failed. */
  error: Error | null;
  /** Makes a new thread and switches to it. */
  newThread: () => void;
}

/**
 * The demo's current thread: the one in the URL if the server still has it, else a new one.
 * Threads are made eagerly so the runs dashboard has something to list from the start.
 */
export function useThread(): ThreadState {
  const client = useRunsClient();
  const [threadId, setThreadId] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const started = useRef(false);

  const create = useCallback(async () => {
    const thread = await client.threads.create({
      metadata: { source: "langgraph-runs-react demo" },
    });
    writeThreadId(thread.thread_id);
    setThreadId(thread.thread_id);
  }, [client]);

  const newThread = useCallback(() => {
    setError(null);
    create().catch((cause: unknown) => setError(cause as Error));
  }, [create]);

  useEffect(() => {
    // Once per page (StrictMode runs effects twice in development).
    if (started.current) return;
    started.current = true;
    const saved = readThreadId();
    const open = async () => {
      if (saved) {
        try {
          await client.threads.get(saved);
          writeThreadId(saved);
          setThreadId(saved);
          return;
        } catch (cause) {
          // A thread from a server that has restarted since: start afresh.
          if (!(isRunsClientError(cause) && cause.kind === "not_found")) throw cause;
        }
      }
      await create();
    };
    open().catch((cause: unknown) => setError(cause as Error));
  }, [client, create]);

  // Editing the hash (or the back button) switches threads.
  useEffect(() => {
    const onHashChange = () => {
      const next = readThreadId();
      if (next) {
        writeThreadId(next);
        setThreadId(next);
      }
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);

  return { threadId, error, newThread };
}
