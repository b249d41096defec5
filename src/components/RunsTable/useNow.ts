"use client";
import { useEffect, useState } from "react";

/**
 * The current time, refreshed every `intervalMs` while `ticking` (for "running for …" texts).
 *
 * @example const now = useNow(runs.some(isRunActive));
 */
export function useNow(ticking: boolean, intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [ticking, intervalMs]);
  return now;
}
