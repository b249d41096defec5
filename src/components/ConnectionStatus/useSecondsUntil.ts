"use client";
import { useSyncExternalStore } from "react";

/** A clock that ticks once a second while someone listens. */
function subscribeToSeconds(onTick: () => void): () => void {
  const timer = setInterval(onTick, 1_000);
  return () => clearInterval(timer);
}

const NO_SUBSCRIPTION = () => () => undefined;
const currentSecond = () => Math.floor(Date.now() / 1_000);

/**
 * Whole seconds until `at` (epoch ms), counting down once a second; null without a time or once
 * it has passed. The clock runs only while there is a time to count to.
 *
 * @example const seconds = useSecondsUntil(connection.retryAt); // 3, 2, 1, null
 */
export function useSecondsUntil(at: number | undefined): number | null {
  const now = useSyncExternalStore(
    at === undefined ? NO_SUBSCRIPTION : subscribeToSeconds,
    currentSecond,
    currentSecond,
  );
  if (at === undefined) return null;
  const seconds = Math.floor(at / 1_000 - now);
  return seconds > 0 ? seconds : null;
}
