import { describe, expect, it } from "vitest";
import {
  applyEvents,
  createSession,
  reconcileValuesMessages,
  upsertMessages,
} from "../../../src/store";
import { ai, aiChunk, event, human, tokens, tuple } from "./wire";

const NOW = 1_000;

function fold(events: Parameters<typeof applyEvents>[1], session = createSession("k")) {
  return applyEvents(session, events, NOW);
}

describe("values events", () => {
  it("set values and take values.messages as the authoritative list, without duplicates", () => {
    const streamed = fold([
      event("values", { messages: [human("h1", "hi")], topic: "x" }),
      ...tokens("run-a1", "Hello there"),
      ...tokens("run-a2", "In flight"),
    ]);
    expect(streamed.messages.map((m) => m.id)).toEqual(["h1", "run-a1", "run-a2"]);

    const session = fold(
      [
        event("values", {
          messages: [human("h1", "hi"), ai("run-a1", "Hello there!")],
          topic: "y",
        }),
      ],
      streamed,
    );
    expect(session.values).toEqual({
      messages: [human("h1", "hi"), ai("run-a1", "Hello there!")],
      topic: "y",
    });
    expect(session.messages.map((m) => [m.id, m.content])).toEqual([
      ["h1", "hi"],
      ["run-a1", "Hello there!"],
      ["run-a2", "In flight"],
    ]);
  });

  it("keep the order of the values list", () => {
    const streamed = fold([...tokens("run-a1", "answer"), tuple(aiChunk("run-a2", "second"))]);
    const session = fold(
      [
        event("values", {
          messages: [human("h1", "q"), ai("run-a2", "second"), ai("run-a1", "answer")],
        }),
      ],
      streamed,
    );
    expect(session.messages.map((m) => m.id)).toEqual(["h1", "run-a2", "run-a1"]);
  });

  it("drop a message that was in the previous values list and is gone from the new one", () => {
    const first = fold([
      event("values", { messages: [human("h1", "a"), ai("a1", "b"), human("h2", "c")] }),
    ]);
    const second = fold([event("values", { messages: [human("h2", "c")] })], first);
    expect(second.messages.map((m) => m.id)).toEqual(["h2"]);
  });

  it("keep unchanged messages as the same objects across values events", () => {
    const first = fold([event("values", { messages: [human("h1", "a"), ai("a1", "b")] })]);
    const second = fold(
      [event("values", { messages: [human("h1", "a"), ai("a1", "b"), human("h2", "c")] })],
      first,
    );
    expect(second.messages[0]).toBe(first.messages[0]);
    expect(second.messages[1]).toBe(first.messages[1]);
    const third = fold(
      [event("values", { messages: [human("h1", "a"), ai("a1", "b"), human("h2", "c")] })],
      second,
    );
    expect(third.messages).toBe(second.messages);
  });

  it("ignore subgraph values for the state", () => {
    const root = fold([event("values", { messages: [human("h1", "a")] })]);
    const session = fold(
      [event("values", { messages: [ai("sub", "inner")] }, { ns: ["sub:1"] })],
      root,
    );
    expect(session.values).toBe(root.values);
    expect(session.messages).toBe(root.messages);
  });

  it("do not wipe values for a chunk that only carries interrupts", () => {
    const root = fold([event("values", { messages: [human("h1", "a")] })]);
    const popped = fold([event("values", {}, { interrupts: [{ id: "i1", value: "ok?" }] })], root);
    const raw = fold([event("values", { __interrupt__: [{ id: "i1", value: "ok?" }] })], root);
    for (const session of [popped, raw]) {
      expect(session.values).toBe(root.values);
      expect(session.messages).toBe(root.messages);
    }
  });

  it("store values without __interrupt__ when a server sends both", () => {
    const session = fold([
      event("values", { messages: [], step: 2, __interrupt__: [{ id: "i1", value: 1 }] }),
    ]);
    expect(session.values).toEqual({ messages: [], step: 2 });
    expect(session.interrupts).toEqual([{ id: "i1", value: 1 }]);
  });

  it("give id-less values messages positional ids", () => {
    const session = fold([event("values", { messages: [{ type: "human", content: "hi" }] })]);
    expect(session.messages[0]).toMatchObject({ id: "__values_0", type: "human" });
  });
});

describe("reconcileValuesMessages", () => {
  it("returns the same list when the values list holds exactly it", () => {
    const list = upsertMessages([], [human("h1", "a")]);
    expect(reconcileValuesMessages(list, [human("h1", "a")], [human("h1", "a")])).toBe(list);
  });
});

describe("updates events", () => {
  it("upsert node messages by id (replace when present, else append)", () => {
    const streamed = fold(tokens("run-a1", "draft"));
    const session = fold(
      [
        event("updates", {
          reply: { messages: [ai("run-a1", "final")] },
          tools: { messages: { type: "tool", id: "t1", content: "42", tool_call_id: "c1" } },
        }),
      ],
      streamed,
    );
    expect(session.messages.map((m) => [m.id, m.type, m.content])).toEqual([
      ["run-a1", "ai", "final"],
      ["t1", "tool", "42"],
    ]);
  });

  it("remove messages with RemoveMessage, and everything with __remove_all__", () => {
    const base = fold([
      event("values", { messages: [human("h1", "a"), ai("a1", "b"), human("h2", "c")] }),
    ]);
    const removed = fold(
      [event("updates", { trim: { messages: [{ type: "remove", id: "a1", content: "" }] } })],
      base,
    );
    expect(removed.messages.map((m) => m.id)).toEqual(["h1", "h2"]);
    expect(removed.messages[0]).toBe(base.messages[0]);

    const cleared = fold(
      [
        event("updates", {
          summarize: {
            messages: [
              { type: "RemoveMessage", id: "__remove_all__", content: "" },
              { type: "system", id: "s1", content: "summary" },
            ],
          },
        }),
      ],
      base,
    );
    expect(cleared.messages.map((m) => m.id)).toEqual(["s1"]);
  });

  it("handles a node that ran several times in one step and nodes without messages", () => {
    const session = fold([
      event("updates", {
        worker: [{ messages: [ai("w1", "one")] }, { messages: [ai("w2", "two")] }],
        noop: null,
        counter: { count: 3 },
      }),
    ]);
    expect(session.messages.map((m) => m.id)).toEqual(["w1", "w2"]);
  });

  it("ignore subgraph updates for the message list", () => {
    const session = fold([
      event("updates", { inner: { messages: [ai("x", "y")] } }, { ns: ["sub:1"] }),
    ]);
    expect(session.messages).toEqual([]);
  });
});
