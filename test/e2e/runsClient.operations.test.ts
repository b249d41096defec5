import { describe, expect, it } from "vitest";
import { RunsClientError, type Run, type StreamPart } from "../../src/client";
import { collect, human, testClient } from "../support/agentServer";
import { newGate } from "../support/gates";
import { recordingFetch } from "../support/recordingFetch";
import { createClient } from "../../src/client";
import { agentServerUrl } from "../support/agentServer";

const client = testClient();

async function newThread(): Promise<string> {
  return (await client.threads.create()).thread_id;
}

function lastAiText(values: unknown): string {
  const messages = (values as { messages: { type: string; content: unknown }[] }).messages;
  const ai = messages.filter((m) => m.type === "ai").at(-1);
  return typeof ai?.content === "string" ? ai.content : JSON.stringify(ai?.content);
}

async function waitForStatus(
  threadId: string,
  runId: string,
  wanted: Run["status"][],
  timeoutMs = 15_000,
): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await client.runs.get(threadId, runId);
    if (wanted.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} stayed ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("runs client against the real Agent Server: operations", () => {
  it("stream on a thread reports the run id from Content-Location before the first event", async () => {
    const threadId = await newThread();
    const order: string[] = [];
    const parts: StreamPart[] = [];
    for await (const part of client.runs.stream(threadId, "agent", {
      input: human("hello world"),
      streamMode: ["values"],
      onRunCreated: (meta) => order.push(`created:${meta.run_id}:${meta.thread_id}`),
    })) {
      order.push(`event:${part.event}`);
      parts.push(part);
    }
    expect(order[0]).toMatch(/^created:[0-9a-f-]+:/);
    expect(order[0]).toContain(threadId);
    expect(order[1]).toBe("event:metadata");
    const runId = (parts[0]!.data as { run_id: string }).run_id;
    expect(order[0]).toContain(runId);
    expect(lastAiText(parts.at(-1)!.data)).toBe("You said: hello world");
  });

  it("stateless stream and wait run without a thread", async () => {
    const parts = await collect(
      client.runs.stream(null, "agent", { input: human("stateless"), streamMode: "values" }),
    );
    expect(parts[0]!.event).toBe("metadata");
    expect(lastAiText(parts.at(-1)!.data)).toBe("You said: stateless");
    const values = await client.runs.wait(null, "agent", { input: human("waited") });
    expect(lastAiText(values)).toBe("You said: waited");
  });

  it("wait on a thread resolves with the final values and reports the run", async () => {
    const threadId = await newThread();
    let created: { run_id: string } | undefined;
    const values = await client.runs.wait(threadId, "agent", {
      input: human("wait for me"),
      onRunCreated: (meta) => (created = meta),
    });
    expect(lastAiText(values)).toBe("You said: wait for me");
    expect(created?.run_id).toBeTruthy();
    const run = await client.runs.get(threadId, created!.run_id);
    expect(run.status).toBe("success");
  });

  it("wait on a failing run throws a typed stream error with the server's message", async () => {
    const threadId = await newThread();
    const error = await client.runs
      .wait(threadId, "agent", { input: human("/error") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunsClientError);
    expect((error as RunsClientError).kind).toBe("stream");
    expect((error as RunsClientError).serverError?.message).toContain("Deliberate failure");
    const raw = await client.runs.wait(threadId, "agent", {
      input: human("/error"),
      raiseError: false,
    });
    expect(raw).toHaveProperty("__error__");
  });

  it("create, get, list, join and delete a background run", async () => {
    const threadId = await newThread();
    const run = await client.runs.create(threadId, "agent", {
      input: human("background"),
      metadata: { tag: "bg" },
    });
    expect(run.thread_id).toBe(threadId);
    expect(["pending", "running", "success"]).toContain(run.status);
    const values = await client.runs.join(threadId, run.run_id);
    expect(lastAiText(values)).toBe("You said: background");
    const fetched = await client.runs.get(threadId, run.run_id);
    expect(fetched.status).toBe("success");
    expect(fetched.metadata).toMatchObject({ tag: "bg" });
    const listed = await client.runs.list(threadId);
    expect(listed.map((r) => r.run_id)).toContain(run.run_id);
    const successOnly = await client.runs.list(threadId, { status: "success" });
    expect(successOnly.every((r) => r.status === "success")).toBe(true);
    await client.runs.delete(threadId, run.run_id);
    const gone = await client.runs.get(threadId, run.run_id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(RunsClientError);
    expect((gone as RunsClientError).kind).toBe("not_found");
    expect((gone as RunsClientError).status).toBe(404);
  });

  it("list pages with limit", async () => {
    const threadId = await newThread();
    for (const text of ["one", "two", "three"])
      await client.runs.wait(threadId, "agent", { input: human(text) });
    expect(await client.runs.list(threadId, { limit: 2 })).toHaveLength(2);
    expect(await client.runs.list(threadId, { limit: 10 })).toHaveLength(3);
  });

  it("createBatch starts stateless runs with every item's options applied", async () => {
    const runs = await client.runs.createBatch([
      {
        assistantId: "agent",
        input: human("batch a"),
        metadata: { item: "a" },
        onCompletion: "keep",
      },
      {
        assistantId: "agent",
        input: human("batch b"),
        metadata: { item: "b" },
        onCompletion: "keep",
      },
    ]);
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.metadata)).toEqual([
      expect.objectContaining({ item: "a" }),
      expect.objectContaining({ item: "b" }),
    ]);
    for (const run of runs) {
      const done = await waitForStatus(run.thread_id, run.run_id, ["success"]);
      expect(done.status).toBe("success");
    }
  });

  it("joinStream of a background resumable run replays it from the start with lastEventId -1", async () => {
    const threadId = await newThread();
    const run = await client.runs.create(threadId, "agent", {
      input: human("/tokens 30"),
      streamMode: ["messages-tuple", "values"],
      streamResumable: true,
    });
    // Not runs.join: on the JS server a reader without Last-Event-ID that arrives before the
    // run's first event makes the run's queue non-resumable (and consumes it).
    await waitForStatus(threadId, run.run_id, ["success"]);
    const parts = await collect(
      client.runs.joinStream(threadId, run.run_id, { lastEventId: "-1" }),
    );
    const tokens = parts.filter((p) => p.event === "messages");
    expect(tokens.length).toBeGreaterThanOrEqual(30);
    const ids = parts.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parts.at(-1)!.event).toBe("values");
  });

  it("joinStream attaches to a running run and sees it to the end", async () => {
    const threadId = await newThread();
    const gate = newGate("join");
    const run = await client.runs.create(threadId, "agent", {
      input: human(gate.command),
      streamMode: ["custom", "values"],
    });
    // The run waits at the gate until the join has its first part: it is certainly running then.
    const parts: StreamPart[] = [];
    for await (const part of client.runs.joinStream(threadId, run.run_id)) {
      if (parts.length === 0) await gate.open();
      parts.push(part);
    }
    expect(parts.some((p) => p.event === "custom")).toBe(true);
    expect(JSON.stringify(parts.at(-1))).toContain(`Gate ${gate.name} opened.`);
    expect((await client.runs.get(threadId, run.run_id)).status).toBe("success");
  });

  it("cancel with interrupt stops a slow run, which ends interrupted", async () => {
    const threadId = await newThread();
    const run = await client.runs.create(threadId, "agent", { input: human("/slow 20000") });
    await waitForStatus(threadId, run.run_id, ["running"]);
    await client.runs.cancel(threadId, run.run_id, true, "interrupt");
    const done = await waitForStatus(threadId, run.run_id, ["interrupted", "error", "success"]);
    expect(done.status).toBe("interrupted");
  });

  it("cancel with rollback of a pending run deletes it", async () => {
    const threadId = await newThread();
    const first = await client.runs.create(threadId, "agent", { input: human("/slow 20000") });
    const queued = await client.runs.create(threadId, "agent", {
      input: human("queued"),
      multitaskStrategy: "enqueue",
    });
    expect(queued.status).toBe("pending");
    await client.runs.cancel(threadId, queued.run_id, false, "rollback");
    const gone = await waitForGone(threadId, queued.run_id);
    expect(gone).toBe(true);
    await client.runs.cancel(threadId, first.run_id, true);
  });

  it("cancel of an unknown run is a not_found error", async () => {
    const threadId = await newThread();
    const error = await client.runs
      .cancel(threadId, "00000000-0000-0000-0000-000000000000")
      .catch((e: unknown) => e);
    expect((error as RunsClientError).kind).toBe("not_found");
  });

  it("multitask reject on a busy thread is a typed busy error (422 from the JS server)", async () => {
    const threadId = await newThread();
    const first = await client.runs.create(threadId, "agent", { input: human("/slow 20000") });
    await waitForStatus(threadId, first.run_id, ["running"]);
    const error = await client.runs
      .create(threadId, "agent", { input: human("second"), multitaskStrategy: "reject" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunsClientError);
    expect((error as RunsClientError).kind).toBe("busy");
    expect((error as RunsClientError).status).toBe(422);
    await client.runs.cancel(threadId, first.run_id, true);
  });

  it("multitask enqueue queues behind the running run, interrupt replaces it", async () => {
    const threadId = await newThread();
    const gate = newGate("enqueue");
    const first = await client.runs.create(threadId, "agent", { input: human(gate.command) });
    await waitForStatus(threadId, first.run_id, ["running"]);
    const queued = await client.runs.create(threadId, "agent", {
      input: human("after"),
      multitaskStrategy: "enqueue",
    });
    expect(queued.status).toBe("pending");
    await gate.open();
    const values = await client.runs.join(threadId, queued.run_id);
    expect(lastAiText(values)).toBe("You said: after");
    expect((await client.runs.get(threadId, first.run_id)).status).toBe("success");

    const slow = await client.runs.create(threadId, "agent", { input: human("/slow 20000") });
    await waitForStatus(threadId, slow.run_id, ["running"]);
    const replacing = await client.runs.create(threadId, "agent", {
      input: human("replace"),
      multitaskStrategy: "interrupt",
    });
    const replaced = await client.runs.join(threadId, replacing.run_id);
    expect(lastAiText(replaced)).toBe("You said: replace");
    expect((await client.runs.get(threadId, slow.run_id)).status).toBe("interrupted");
  });

  it("ifNotExists create makes the missing thread; without it the JS server refuses", async () => {
    const threadId = crypto.randomUUID();
    const refused = await client.runs
      .create(threadId, "agent", { input: human("x") })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RunsClientError);
    const values = await client.runs.wait(threadId, "agent", {
      input: human("made it"),
      ifNotExists: "create",
    });
    expect(lastAiText(values)).toBe("You said: made it");
    expect((await client.threads.get(threadId)).thread_id).toBe(threadId);
  });

  it("an error run streams an error event, then with raiseError the stream throws a typed stream error", async () => {
    const threadId = await newThread();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const part of client.runs.stream(threadId, "agent", {
        input: human("/error"),
        raiseError: true,
      }))
        seen.push(part.event);
    })().catch((e: unknown) => e);
    expect(seen).toContain("error");
    expect(error).toBeInstanceOf(RunsClientError);
    expect((error as RunsClientError).kind).toBe("stream");
    expect((error as RunsClientError).serverError?.message).toContain("Deliberate failure");
    const runs = await client.runs.list(threadId);
    expect(runs[0]!.status).toBe("error");
  });

  it("an error run with raiseError false ends after the error event", async () => {
    const threadId = await newThread();
    const parts = await collect(
      client.runs.stream(threadId, "agent", { input: human("/error"), raiseError: false }),
    );
    expect(parts.at(-1)!.event).toBe("error");
  });

  it("aborting a stream with raiseAbort ends it promptly with an abort error the caller can tell apart", async () => {
    const threadId = await newThread();
    const controller = new AbortController();
    let runId: string | undefined;
    const error = await (async () => {
      for await (const part of client.runs.stream(threadId, "agent", {
        input: human("/slow 20000"),
        streamMode: ["custom"],
        signal: controller.signal,
        raiseAbort: true,
        onRunCreated: (meta) => (runId = meta.run_id),
      })) {
        if (part.event === "custom") controller.abort();
      }
    })().catch((e: unknown) => e);
    expect((error as RunsClientError).kind).toBe("aborted");
    expect((error as Error).name).toBe("AbortError");
    // Aborting only detaches: the run goes on (on_disconnect defaults to continue).
    expect((await client.runs.get(threadId, runId!)).status).toBe("running");
    await client.runs.cancel(threadId, runId!, true);
  });

  it("onDisconnect cancel stops the run when the stream is aborted", async () => {
    const threadId = await newThread();
    const controller = new AbortController();
    let runId: string | undefined;
    await (async () => {
      for await (const part of client.runs.stream(threadId, "agent", {
        input: human("/slow 20000"),
        streamMode: ["custom"],
        onDisconnect: "cancel",
        signal: controller.signal,
        raiseAbort: true,
        onRunCreated: (meta) => (runId = meta.run_id),
      })) {
        if (part.event === "custom") controller.abort();
      }
    })().catch(() => undefined);
    const done = await waitForStatus(threadId, runId!, ["interrupted", "error", "success"]);
    expect(done.status).not.toBe("success");
  });

  it("headers: the API key goes as x-api-key and header functions are called per request", async () => {
    let calls = 0;
    const recorder = recordingFetch();
    const keyed = createClient({
      apiUrl: agentServerUrl(),
      apiKey: "secret-key-123",
      fetch: recorder.fetch,
      defaultHeaders: () => ({ authorization: `Bearer token-${++calls}` }),
    });
    const threadId = (await keyed.threads.create()).thread_id;
    await keyed.runs.list(threadId);
    expect(recorder.requests.map((r) => r.headers["authorization"])).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
    expect(recorder.requests.every((r) => r.headers["x-api-key"] === "secret-key-123")).toBe(true);
    const error = (await keyed.runs
      .get(threadId, "missing")
      .catch((e: unknown) => e)) as RunsClientError;
    expect(error.message).not.toContain("secret-key-123");
  });

  it("threads.getState returns the thread's values", async () => {
    const threadId = await newThread();
    await client.runs.wait(threadId, "agent", { input: human("state please") });
    const state = await client.threads.getState<{ messages: unknown[] }>(threadId);
    expect(lastAiText(state.values)).toBe("You said: state please");
  });
});

async function waitForGone(threadId: string, runId: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const error = await client.runs.get(threadId, runId).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error instanceof RunsClientError && error.kind === "not_found") return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
