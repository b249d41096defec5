/**
 * `messageBranches` over histories shaped like the JS Agent Server's (checked against it: see
 * test/e2e/threadsHistory.test.ts and test/browser/components/MessageActions.test.tsx): newest
 * first, three checkpoints per chat turn (`input`, the human message added, the reply added), a
 * `fork` checkpoint before a regenerated reply, an `input` checkpoint before an edited question.
 */
import { describe, expect, it } from "vitest";
import type { ThreadState } from "../../../src/client/types";
import { messageBranches } from "../../../src/store/messages/messageBranches";

type Msg = { id?: string; type: string; content: string };

/** A history builder: states are added oldest first and listed newest first, as the server does. */
function historyOf() {
  const states: ThreadState<{ messages: Msg[] }>[] = [];
  const add = (id: string, parent: string | null, messages: Msg[], source = "loop") => {
    states.unshift({
      values: { messages },
      next: [],
      tasks: [],
      metadata: { source },
      created_at: null,
      checkpoint: { checkpoint_id: id, checkpoint_ns: "" },
      parent_checkpoint: parent === null ? null : { checkpoint_id: parent, checkpoint_ns: "" },
    });
    return id;
  };
  return { states, add };
}

const human = (id: string, content = id): Msg => ({ id, type: "human", content });
const ai = (id: string, content = id): Msg => ({ id, type: "ai", content });

/** Two chat turns: a → A, b → B (checkpoints c0 … c5). */
function twoTurns() {
  const h = historyOf();
  h.add("c0", null, [], "input");
  h.add("c1", "c0", [human("a")]);
  h.add("c2", "c1", [human("a"), ai("A")]);
  h.add("c3", "c2", [human("a"), ai("A")], "input");
  h.add("c4", "c3", [human("a"), ai("A"), human("b")]);
  h.add("c5", "c4", [human("a"), ai("A"), human("b"), ai("B")]);
  return h;
}

describe("messageBranches", () => {
  it("a linear chat: each message has one version and the checkpoint before it", () => {
    const branches = messageBranches(twoTurns().states);
    expect(Object.fromEntries(branches)).toEqual({
      a: {
        parentCheckpoint: { checkpoint_id: "c0", checkpoint_ns: "" },
        branches: ["c5"],
        index: 0,
      },
      A: {
        parentCheckpoint: { checkpoint_id: "c1", checkpoint_ns: "" },
        branches: ["c5"],
        index: 0,
      },
      b: {
        parentCheckpoint: { checkpoint_id: "c3", checkpoint_ns: "" },
        branches: ["c5"],
        index: 0,
      },
      B: {
        parentCheckpoint: { checkpoint_id: "c4", checkpoint_ns: "" },
        branches: ["c5"],
        index: 0,
      },
    });
  });

  it("a regenerated reply (behind a fork checkpoint) is a second version of the first", () => {
    const h = twoTurns();
    h.add("f1", "c1", [human("a")], "fork");
    h.add("c6", "f1", [human("a"), ai("A2")]);
    const branches = messageBranches(h.states);
    // Each version points at the latest state that holds it: the old one at the whole old chat.
    expect(branches.get("A")).toMatchObject({ branches: ["c5", "c6"], index: 0 });
    expect(branches.get("A2")).toMatchObject({
      parentCheckpoint: { checkpoint_id: "f1" },
      branches: ["c5", "c6"],
      index: 1,
    });
    // The turns after the fork point keep one version each.
    expect(branches.get("b")?.branches).toEqual(["c5"]);
  });

  it("edits of an edit are versions of the same question, however deep the input checkpoints nest", () => {
    const h = twoTurns();
    h.add("c6", "c3", [human("a"), ai("A")], "input");
    h.add("c7", "c6", [human("a"), ai("A"), human("b2")]);
    h.add("c8", "c7", [human("a"), ai("A"), human("b2"), ai("B2")]);
    // The second edit forks from b2's parent, the first edit's input checkpoint.
    h.add("c9", "c6", [human("a"), ai("A")], "input");
    h.add("c10", "c9", [human("a"), ai("A"), human("b3")]);
    const branches = messageBranches(h.states);
    for (const [id, index] of [
      ["b", 0],
      ["b2", 1],
      ["b3", 2],
    ] as const) {
      expect(branches.get(id)).toMatchObject({ branches: ["c5", "c8", "c10"], index });
    }
    expect(branches.get("b3")?.parentCheckpoint?.checkpoint_id).toBe("c9");
    // Replies to different questions are not versions of each other.
    expect(branches.get("B2")?.branches).toEqual(["c8"]);
  });

  it("the latest state of a version is the newest one holding it, across later forks", () => {
    const h = twoTurns();
    h.add("f1", "c1", [human("a")], "fork");
    h.add("c6", "f1", [human("a"), ai("A2")]);
    // Back on the first version, a third turn: that branch's latest state moves on.
    h.add("c7", "c5", [human("a"), ai("A"), human("b"), ai("B")], "input");
    h.add("c8", "c7", [human("a"), ai("A"), human("b"), ai("B"), human("c")]);
    expect(messageBranches(h.states).get("A2")?.branches).toEqual(["c8", "c6"]);
  });

  it("a page of a longer history: messages already in its oldest state have no known parent", () => {
    const page = twoTurns().states.slice(0, 3); // c5, c4, c3
    const branches = messageBranches(page);
    expect(branches.get("a")?.parentCheckpoint).toBeNull();
    expect(branches.get("A")?.parentCheckpoint).toBeNull();
    expect(branches.get("b")?.parentCheckpoint?.checkpoint_id).toBe("c3");
  });

  it("messages without an id go by their position (as the session names them)", () => {
    const h = historyOf();
    h.add("c0", null, [], "input");
    h.add("c1", "c0", [{ type: "human", content: "x" }]);
    expect([...messageBranches(h.states).keys()]).toEqual(["__values_0"]);
  });

  it("an empty history, and states without messages, give nothing", () => {
    expect(messageBranches([]).size).toBe(0);
    const h = historyOf();
    h.add("c0", null, [], "input");
    expect(messageBranches(h.states).size).toBe(0);
  });
});
