export interface IdleWatchdog {
  /** Marks activity. Cheap: one clock read, no timer work. */
  touch(): void;
  stop(): void;
}

/**
 * Calls `onIdle` once when `touch` has not been called for `idleMs`. One timer at a time,
 * re-armed only when it fires, rather than a timer reset on every line.
 */
export function createIdleWatchdog(idleMs: number, onIdle: () => void): IdleWatchdog {
  if (!(idleMs > 0)) return { touch: () => {}, stop: () => {} };
  let lastActivity = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const idleFor = Date.now() - lastActivity;
    if (idleFor >= idleMs) {
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
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
