/**
 * The pure parts the run controller is built from. The controller itself is tested against the
 * real server through the hooks; these cover the cases that need no server.
 */
import { describe, expect, it } from "vitest";
import { RunsClientError } from "../../../src/client/RunsClientError";
import type { LangGraphRunsClient } from "../../../src/client/createClient";
import { createStreamStore, createSession, endRun } from "../../../src/store";
import type { PersistedRun } from "../../../src/store/RunPersistence";
import { dropUnsavedMessages } from "../../../src/store/dropUnsavedMessages";
import { persistLastEventId } from "../../../src/store/persistLastEventId";
import { resolveFinalStatus } from "../../../src/store/resolveFinalStatus";
import { asRunsClientError, toSessionError } from "../../../src/store/toSessionError";
import { ai, event, human, tokens } from "./wire";

/** A client whose `runs.get` must not be reached: the session alone decides. */
const unreachableClient = {
  runs: {
    get: () => {
      throw new Error("runs.get should not be called");
    },
  },
} as unknown as LangGraphRunsClient;

describe("dropUnsavedMessages", () => {
  it("drops streamed messages the latest values do not hold, and keeps the rest in order", () => {
    const store = createStreamStore();
    store.ensureSession("k", { threadId: "t" });
    store.enqueueEvents("k", [
      event("values", { messages: [human("h1", "hi"), ai("a1", "hello")] }),
      ...tokens("a2", "partial answer"),
    ]);
    store.flush();
    const streamed = store.getSession("k")!;
    expect(streamed.messages.map((m) => m.id)).toEqual(["h1", "a1", "a2"]);
    expect(dropUnsavedMessages(streamed).messages.map((m) => m.id)).toEqual(["h1", "a1"]);
  });

  it("returns the same session when nothing is dropped or values hold no message list", () => {
    const plain = { ...createSession("k", {}), values: { count: 1 } };
    expect(dropUnsavedMessages(plain)).toBe(plain);
    const empty = createSession("k", {});
    expect(dropUnsavedMessages(empty)).toBe(empty);
  });
});

describe("resolveFinalStatus", () => {
  const ended = { streamed: "running" as const, threadId: "t", runId: "r" };

  it("an error in the session or the stream wins, without asking the server", async () => {
    const session = endRun(createSession("k", {}), "error", 1);
    expect(await resolveFinalStatus(unreachableClient, session, ended)).toBe("error");
    expect(
      await resolveFinalStatus(unreachableClient, createSession("k", {}), {
        ...ended,
        streamed: "error",
      }),
    ).toBe("error");
  });

  it("a pending interrupt or a breakpoint makes it interrupted (the JS server says success)", async () => {
    const store = createStreamStore();
    store.ensureSession("k", {});
    store.enqueueEvent(
      "k",
      event("values", { __interrupt__: [{ id: "i1", value: { question: "ok?" } }] }),
    );
    store.flush();
    expect(await resolveFinalStatus(unreachableClient, store.getSession("k"), ended)).toBe(
      "interrupted",
    );
    const atBreakpoint = { ...createSession("k", {}), breakpoint: true };
    expect(await resolveFinalStatus(unreachableClient, atBreakpoint, ended)).toBe("interrupted");
  });

  it("without a run id there is nothing to ask: success", async () => {
    expect(
      await resolveFinalStatus(unreachableClient, createSession("k", {}), {
        ...ended,
        runId: null,
      }),
    ).toBe("success");
  });
});

describe("toSessionError / asRunsClientError", () => {
  it("keeps kind, message, status and the server's error name as plain JSON", () => {
    const error = new RunsClientError({
      kind: "server",
      message: "runs.get: 500 GraphRecursionError",
      status: 500,
      body: { error: "GraphRecursionError", message: "too deep" },
    });
    const plain = toSessionError(error);
    expect(plain).toMatchObject({ kind: "server", status: 500, message: error.message });
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
  });

  it("anything else thrown counts as a network failure and keeps its cause", () => {
    const cause = new TypeError("fetch failed");
    const typed = asRunsClientError(cause);
    expect(typed).toBeInstanceOf(RunsClientError);
    expect(typed.kind).toBe("network");
    expect(typed.message).toContain("fetch failed");
    expect(typed.cause).toBe(cause);
    const already = new RunsClientError({ kind: "busy", message: "busy", status: 409 });
    expect(asRunsClientError(already)).toBe(already);
  });
});

describe("persistLastEventId", () => {
  it("saves the run with its last event id once per store update, and stops at a final status", () => {
    const saves: (PersistedRun | null)[] = [];
    const store = createStreamStore();
    store.ensureSession("chat", { threadId: "t", runId: "r" });
    const stop = persistLastEventId(store, "chat", {
      load: () => null,
      save: (_key, run) => saves.push(run),
    });
    store.enqueueEvents("chat", [
      event("custom", 1, { id: "1" }),
      event("custom", 2, { id: "2" }),
      event("custom", 3, { id: "3" }),
    ]);
    store.flush();
    expect(saves).toEqual([{ threadId: "t", runId: "r", lastEventId: "3" }]);
    store.updateSession("chat", (s) => endRun(s, "success", 2));
    store.enqueueEvent("chat", event("custom", 4, { id: "4" }));
    store.flush();
    expect(saves).toHaveLength(1);
    stop();
  });
});
