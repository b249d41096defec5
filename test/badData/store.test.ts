/**
 * The bad-data corpus through the store: reducers never throw, never lose a queued batch, never
 * let a wire key become a prototype, and stay bounded (issue 12, items 6–9).
 */
import { describe, expect, it } from "vitest";
import {
  appendEvents,
  applyEvents,
  createEventLog,
  createSession,
  createStreamStore,
  eventLogSize,
  type RunSession,
} from "../../src/store";
import type { StreamEvent } from "../../src/client/types";
import type { Message } from "../../src/store/messages/Message";
import {
  BAD_EVENTS,
  BAD_INTERRUPTS,
  BAD_MESSAGES,
  DEEP_MESSAGE_LEVELS,
  deepObject,
  streamEvent,
} from "./corpus";

const noScheduler = { schedule: () => {}, cancel: () => {} };

function storeWithSession(key = "k") {
  const store = createStreamStore({ scheduler: noScheduler, now: () => 1 });
  store.ensureSession(key);
  return store;
}

/** Applies events through the store (queued, then flushed) and returns the session. */
function throughStore(events: readonly StreamEvent[]): RunSession<unknown, unknown, unknown> {
  const store = storeWithSession();
  store.enqueueEvents("k", events);
  store.flush();
  return store.getSession("k")!;
}

/** A fresh copy, as a second arrival from the wire would be (structuredClone overflows at this depth). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const tuple = (chunk: unknown) => streamEvent("messages", [chunk, { langgraph_node: "n" }]);
const asChunk = (message: Record<string, unknown>) => ({ ...message, type: "AIMessageChunk" });

function expectCleanPrototypes(message: Message | undefined): void {
  expect(message).toBeDefined();
  expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
  for (const field of ["additional_kwargs", "response_metadata", "usage_metadata"]) {
    const value = message?.[field];
    if (value !== undefined) expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe("bad data through the store", () => {
  describe.each(BAD_MESSAGES)("message: $name", ({ message }) => {
    const id = message.id as string;

    it("streams as chunks (twice, merged) without throwing or a foreign prototype", () => {
      const chunk = asChunk(message);
      const session = throughStore([
        tuple(clone(chunk)),
        tuple(clone(chunk)),
        streamEvent("custom", "after"),
      ]);
      const found = session.messages.find((m) => m.id === id);
      expectCleanPrototypes(found);
      expect(typeof found?.type).toBe("string");
      expect(session.lastCustom).toBe("after");
    });

    it("arrives in values, updates and messages/complete, twice each, without throwing", () => {
      const session = throughStore([
        streamEvent("values", { messages: [clone(message)] }),
        streamEvent("values", { messages: [clone(message)] }),
        streamEvent("updates", { node: { messages: [clone(message)] } }),
        streamEvent("messages/complete", [clone(message)]),
        streamEvent("custom", "after"),
      ]);
      const found = session.messages.find((m) => m.id === id);
      expectCleanPrototypes(found);
      expect(typeof found?.type).toBe("string");
      expect(session.lastCustom).toBe("after");
    });
  });

  it("keeps a message type `constructor` as the string it was sent as", () => {
    const session = throughStore([
      streamEvent("messages/complete", [{ type: "constructor", id: "c", content: "x" }]),
      streamEvent("messages/complete", [{ type: "toString", id: "t", content: "x" }]),
    ]);
    expect(session.messages.map((m) => m.type)).toEqual(["constructor", "toString"]);
  });

  it("keeps own __proto__ keys of merged chunks as data, never as the prototype", () => {
    const first = { type: "AIMessageChunk", id: "p", content: "a", additional_kwargs: {} };
    const second = JSON.parse(
      '{"type":"AIMessageChunk","id":"p","content":"b","__proto__":{"top":1},' +
        '"additional_kwargs":{"__proto__":{"polluted":"yes"}},' +
        '"response_metadata":{"__proto__":{"polluted":"yes"}},' +
        '"usage_metadata":{"input_tokens":1,"__proto__":{"polluted":"yes"}}}',
    );
    const session = throughStore([tuple(first), tuple(second), tuple(clone(second))]);
    const message = session.messages[0]!;
    expect(message.content).toBe("abb");
    expectCleanPrototypes(message);
    expect((message as Record<string, unknown>).top).toBeUndefined();
    const kwargs = message.additional_kwargs as Record<string, unknown>;
    expect(kwargs.polluted).toBeUndefined();
    expect(Object.keys(kwargs)).toEqual(["__proto__"]);
    expect((message.usage_metadata as Record<string, unknown>).polluted).toBeUndefined();
    expect(message.usage_metadata?.input_tokens).toBe(2);
  });

  it.each(BAD_EVENTS)("applies $name, and the rest of its batch", ({ event }) => {
    const session = throughStore([
      streamEvent("values", { step: 1 }),
      clone(event),
      streamEvent("custom", "after"),
    ]);
    if (event.type !== "values") expect(session.values).toEqual({ step: 1 });
    expect(session.lastCustom).toBe("after");
    expect(eventLogSize(session.eventLog)).toBe(3);
    expect(Object.getPrototypeOf(session.counts)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(session.counts, event.type)?.value).toBe(
      event.type === "custom" || event.type === "values" ? 2 : 1,
    );
  });

  it("records messages/metadata for an id __proto__ as data", () => {
    const session = throughStore([
      BAD_EVENTS.find((c) => c.event.type === "messages/metadata")!.event,
    ]);
    expect(Object.getPrototypeOf(session.messageMetadata)).toBe(Object.prototype);
    expect(Object.keys(session.messageMetadata)).toEqual(["__proto__"]);
  });

  it.each(BAD_INTERRUPTS)("keeps $name pending by its id", ({ interrupt }) => {
    const session = throughStore([
      streamEvent("updates", { __interrupt__: [clone(interrupt)] }),
      streamEvent("updates", { __interrupt__: [clone(interrupt)] }),
    ]);
    expect(session.interrupts.map((i) => i.id)).toEqual([interrupt.id]);
  });

  it(`compares a message nested ${DEEP_MESSAGE_LEVELS} levels deep arriving twice without overflowing`, () => {
    const deep = {
      type: "ai",
      id: "deep",
      content: "x",
      additional_kwargs: deepObject(DEEP_MESSAGE_LEVELS),
    };
    const store = storeWithSession();
    store.enqueueEvents("k", [streamEvent("values", { messages: [clone(deep)] })]);
    store.flush();
    const first = store.getSession("k")!.messages[0];
    store.enqueueEvents("k", [
      streamEvent("values", { messages: [clone(deep)] }),
      streamEvent("updates", { node: { messages: [clone(deep)] } }),
      streamEvent("custom", "after"),
    ]);
    store.flush();
    const session = store.getSession("k")!;
    expect(session.lastCustom).toBe("after");
    expect(session.status).not.toBe("error");
    // Equal, so the message kept its identity (what the equality check is for).
    expect(session.messages[0]).toBe(first);
  });
});

describe("bounded growth", () => {
  it("caps the event log by bytes too, and counts the dropped events and bytes", () => {
    // Each payload differs (what repeats from one event to the next is kept, and counted, once).
    const megabyte = (i: number) => `${i}:`.padEnd(1024 * 1024, "x");
    let log = createEventLog({ cap: 5_000 });
    for (let i = 0; i < 200; i++)
      log = appendEvents(log, [streamEvent("custom", { i, megabyte: megabyte(i) })], i);
    expect(log.byteCap).toBe(8 * 1024 * 1024);
    expect(log.bytes).toBeLessThanOrEqual(log.byteCap);
    expect(eventLogSize(log)).toBeGreaterThan(0);
    expect(eventLogSize(log)).toBeLessThan(9);
    expect(log.dropped).toBe(200 - eventLogSize(log));
    expect(log.droppedBytes).toBeGreaterThanOrEqual(log.dropped * 1024 * 1024);
    // The evicted events are unreachable from the log (not kept until their chunk is spent).
    const reachable = log.chunks.flat().filter((entry) => entry !== undefined);
    expect(reachable).toHaveLength(eventLogSize(log));
  });

  it("adds pending interrupts in O(1) amortized: the pending ones are indexed once per batch", () => {
    const pending = 5_000;
    const reads = { count: 0 };
    // Every pending interrupt counts the reads of its id: the work done per pending interrupt.
    const watched = interruptsFrom(0, pending).map((interrupt) =>
      countingIdReads(interrupt, reads),
    );
    const session = { ...createSession("k"), interrupts: watched };
    const events = Array.from({ length: 1_000 }, (_, i) =>
      streamEvent("updates", { __interrupt__: interruptsFrom(pending + i, 1) }),
    );
    const next = applyEvents(session, events, 2);
    expect(next.interrupts).toHaveLength(pending + 1_000);
    expect(next.interrupts.at(-1)?.id).toBe(`i${pending + 999}`);
    // Quadratic is 1,000 × 5,000 reads; indexing the pending interrupts once is 5,000.
    expect(reads.count).toBeLessThanOrEqual(pending);
  });
});

function interruptsFrom(start: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ id: `i${start + i}`, value: start + i }));
}

/** The same interrupt behind a proxy that counts reads of its `id`. */
function countingIdReads<T extends object>(interrupt: T, reads: { count: number }): T {
  return new Proxy(interrupt, {
    get(target, key, receiver) {
      if (key === "id") reads.count += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
