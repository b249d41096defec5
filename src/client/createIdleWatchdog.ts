export interface IdleWatchdog {
  /** Marks activity. Cheap: one clock read, no timer work. */
  touch(): void;
  /**
   * Stops counting idle time until `resume`: the client is not waiting for bytes (its consumer is
   * busy with the events it has), so silence on the wire is not the server's. Cheap: a flag.
   */
  pause(): void;
  /** Counts idle time again, from now. */
  resume(): void;
  stop(): void;
}

/**
 * Calls `onIdle` once when `touch` has not been called for `idleMs` while not paused. One timer
 * at a time, re-armed only when it fires, rather than a timer reset on every line.
 */
export function createIdleWatchdog(idleMs: number, onIdle: () => void): IdleWatchdog {
  if (!(idleMs > 0)) return { touch: () => {}, pause: () => {}, resume: () => {}, stop: () => {} };
  let lastActivity = Date.now();
  let paused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const idleFor = Date.now() - lastActivity;
    if (paused) {
      timer = setTimeout(check, idleMs);
    } else if (idleFor >= idleMs) {
      timer = undefined;
      onIdle();
    } else {
      timer = setTimeout(check, idleMs - idleFor);
    }
  };
  timer = setTimeout(check, idleMs);
  return {
    touch: () => {
      lastActivity = Date.now();
    },
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      lastActivity = Date.now();
    },
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
