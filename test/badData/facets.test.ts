/** The event log's filter facets come from what the bounded log holds (issue 12, item 9). */
import { describe, expect, it } from "vitest";
import { createEventLogIndex } from "../../src/components/StreamEventLog/createEventLogIndex";
import { appendEvents, createEventLog, eventLogToArray } from "../../src/store";
import { streamEvent } from "./corpus";

describe("event log facets", () => {
  it("never list more namespaces than a log capped at 50 holds, in batches or one by one", () => {
    for (const batch of [1, 7, 2_500]) {
      const index = createEventLogIndex();
      let log = createEventLog({ cap: 50 });
      for (let i = 0; i < 2_500; i += batch) {
        const events = Array.from({ length: Math.min(batch, 2_500 - i) }, (_, j) =>
          streamEvent(j % 2 === 0 ? "custom" : "updates", { i: i + j }, [`sub:${i + j}`]),
        );
        log = appendEvents(log, events, i);
        index.facets(log); // the view reads facets as the log grows
      }
      const facets = index.facets(log);
      const kept = eventLogToArray(log);
      expect(facets.namespaces.map((f) => f.key)).toEqual(kept.map((e) => e.event.ns.join("|")));
      expect(facets.namespaces.every((f) => f.count === 1)).toBe(true);
      const total = facets.types.reduce((sum, f) => sum + f.count, 0);
      expect(total).toBe(50);
    }
  });

  it("drops a mode from the facets once its last event left the log", () => {
    const index = createEventLogIndex();
    let log = appendEvents(createEventLog({ cap: 2 }), [streamEvent("metadata", {})], 0);
    expect(index.facets(log).types.map((f) => f.key)).toEqual(["metadata"]);
    log = appendEvents(log, [streamEvent("custom", 1), streamEvent("custom", 2)], 1);
    expect(index.facets(log).types).toEqual([{ key: "custom", count: 2 }]);
  });
});
