import { describe, expect, it } from "vitest";
import {
  appendEvents,
  createEventLog,
  DEFAULT_EVENT_LOG_CAP,
  eventLogAt,
  eventLogSize,
  eventLogSlice,
  eventLogToArray,
  type EventLog,
} from "../../../src/store";

/** Plain numbers stand in for events: the log is generic. */
function append(log: EventLog<number>, from: number, count: number): EventLog<number> {
  return appendEvents(
    log,
    Array.from({ length: count }, (_, i) => from + i),
    from,
  );
}

const seqs = (log: EventLog<number>) => eventLogToArray(log).map((entry) => entry.seq);
const events = (log: EventLog<number>) => eventLogToArray(log).map((entry) => entry.event);

describe("event log", () => {
  it("defaults to a cap of 5,000", () => {
    expect(createEventLog().cap).toBe(DEFAULT_EVENT_LOG_CAP);
    expect(DEFAULT_EVENT_LOG_CAP).toBe(5_000);
  });

  it("keeps everything below the cap, oldest first, with 0-based seq", () => {
    const log = append(append(createEventLog<number>({ cap: 10, chunkSize: 4 }), 0, 3), 3, 4);
    expect(eventLogSize(log)).toBe(7);
    expect(log.total).toBe(7);
    expect(log.dropped).toBe(0);
    expect(seqs(log)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(events(log)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("evicts the oldest events beyond the cap and counts them", () => {
    let log = createEventLog<number>({ cap: 5, chunkSize: 2 });
    for (let i = 0; i < 23; i += 3) log = append(log, i, 3);
    expect(log.total).toBe(24);
    expect(log.dropped).toBe(19);
    expect(eventLogSize(log)).toBe(5);
    expect(seqs(log)).toEqual([19, 20, 21, 22, 23]);
    expect(eventLogAt(log, 0)?.seq).toBe(19);
    expect(eventLogAt(log, 4)?.event).toBe(23);
    expect(eventLogAt(log, 5)).toBeUndefined();
    expect(eventLogAt(log, -1)).toBeUndefined();
    // Storage stays bounded: whole spent chunks are released.
    expect(log.chunks.length).toBeLessThanOrEqual(4);
  });

  it("handles a batch larger than the cap", () => {
    const log = append(createEventLog<number>({ cap: 3, chunkSize: 2 }), 0, 10);
    expect(events(log)).toEqual([7, 8, 9]);
    expect(log.dropped).toBe(7);
  });

  it("slices like Array.prototype.slice, across chunk boundaries", () => {
    const log = append(createEventLog<number>({ cap: 100, chunkSize: 4 }), 0, 30);
    expect(eventLogSlice(log, 3, 9).map((e) => e.event)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(eventLogSlice(log, -2).map((e) => e.event)).toEqual([28, 29]);
    expect(eventLogSlice(log, 25, 100).map((e) => e.seq)).toEqual([25, 26, 27, 28, 29]);
    expect(eventLogSlice(log, 10, 5)).toEqual([]);
  });

  it("never changes an older version: versions branch safely", () => {
    const base = append(createEventLog<number>({ cap: 100, chunkSize: 4 }), 0, 6);
    const left = append(base, 100, 1);
    const right = append(base, 200, 2);
    expect(events(base)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(events(left)).toEqual([0, 1, 2, 3, 4, 5, 100]);
    expect(events(right)).toEqual([0, 1, 2, 3, 4, 5, 200, 201]);
    expect(eventLogAt(left, 6)?.seq).toBe(6);
  });

  it("freezes entries and full chunks", () => {
    const log = append(createEventLog<number>({ cap: 100, chunkSize: 4 }), 0, 6);
    expect(Object.isFrozen(eventLogAt(log, 0))).toBe(true);
    expect(Object.isFrozen(log.chunks[0])).toBe(true);
    expect(() => (log.chunks[0] as unknown as unknown[]).push(1)).toThrow();
  });

  it("appends in O(k): full chunks are shared, not copied", () => {
    const big = append(createEventLog<number>({ cap: 5_000, chunkSize: 256 }), 0, 4_000);
    const next = append(big, 4_000, 10);
    const fullChunks = Math.floor(4_000 / 256);
    for (let i = 0; i < fullChunks; i++) expect(next.chunks[i]).toBe(big.chunks[i]);
    expect(eventLogSize(next)).toBe(4_010);

    // With eviction, retained chunks are the same objects, shifted.
    const full = append(createEventLog<number>({ cap: 1_024, chunkSize: 256 }), 0, 1_024);
    const evicted = append(full, 1_024, 256);
    expect(evicted.dropped).toBe(256);
    expect(evicted.chunks[0]).toBe(full.chunks[1]);
    expect(evicted.chunks[2]).toBe(full.chunks[3]);
  });

  it("appends 50,000 single events to a full log, keeping the newest", () => {
    let log = append(createEventLog<number>({ cap: 5_000 }), 0, 5_000);
    for (let i = 0; i < 50_000; i++) log = appendEvents(log, [i], i);
    expect(log.total).toBe(55_000);
    expect(eventLogSize(log)).toBe(5_000);
    expect(eventLogAt(log, 4_999)?.event).toBe(49_999);
  });
});
