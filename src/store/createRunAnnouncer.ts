/** A run started outside any stream (a background run), as the announcer passes it on. */
export interface AnnouncedRun {
  thread_id: string;
  run_id: string;
}

/** Tells the stream controllers of a provider about runs started without a stream. */
export interface RunAnnouncer {
  announce(run: AnnouncedRun): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (run: AnnouncedRun) => void): () => void;
}

/**
 * A small publish/subscribe channel: `useCreateRun` announces the runs it starts, and the chat
 * on that thread follows them, so a background run's messages reach it as they are made.
 *
 * @example
 * const announcer = createRunAnnouncer();
 * announcer.subscribe((run) => controller.followRun(run));
 * announcer.announce({ thread_id: "t1", run_id: "r1" });
 */
export function createRunAnnouncer(): RunAnnouncer {
  const listeners = new Set<(run: AnnouncedRun) => void>();
  return {
    announce(run) {
      for (const listener of [...listeners]) listener(run);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
