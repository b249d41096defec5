import { useMemo } from "react";
import { useRunEvents } from "langgraph-runs-react";
import { eventLogToArray } from "langgraph-runs-react/core";

interface Tick {
  type: "tick";
  i: number;
}

const isTick = (data: unknown): data is Tick =>
  typeof data === "object" &&
  data !== null &&
  (data as { type?: unknown }).type === "tick" &&
  typeof (data as { i?: unknown }).i === "number";

/**
 * The `/slow` run's custom `tick` events (of the `<RunScope>`'s run) received by this page for the current run: how many,
 * which ones, and whether any came twice (a re-join must continue, not replay).
 */
export function RunProgress() {
  const log = useRunEvents();
  const ticks = useMemo(() => {
    const found: number[] = [];
    const events = eventLogToArray(log);
    // The current run's events: back to its `metadata` event (a re-join starts after it).
    for (let index = events.length - 1; index >= 0; index -= 1) {
      const { event } = events[index]!;
      if (event.type === "metadata") break;
      if (event.type === "custom" && event.ns.length === 0 && isTick(event.data))
        found.push(event.data.i);
    }
    return found.reverse();
  }, [log]);

  if (ticks.length === 0) return null;
  const first = ticks[0]!;
  const last = ticks[ticks.length - 1]!;
  const duplicates = ticks.length - new Set(ticks).size;
  return (
    <p
      className="demo-progress"
      data-testid="tick-progress"
      data-count={ticks.length}
      data-first={first}
      data-last={last}
      data-duplicates={duplicates}
    >
      Slow run: {ticks.length} {ticks.length === 1 ? "tick" : "ticks"} received (#{first}–#{last})
      {first > 0 ? ", continued after re-joining" : ""}
      {duplicates > 0 ? `, ${duplicates} duplicated!` : ""}
    </p>
  );
}
