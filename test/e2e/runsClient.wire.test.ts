import { describe, expect, it } from "vitest";
import { createClient, RunsClientError, type RunCreateOptions } from "../../src/client";
import { RUN_CREATE_WIRE_FIELDS } from "../../src/client/serializeRunCreate";
import { agentServerUrl, collect, human } from "../support/agentServer";
import { recordingFetch } from "../support/recordingFetch";

/** One value for every RunCreate option, each distinguishable on the wire. */
function everyOption(
  threadId: string | null,
  checkpointId = "1f000000-0000-6000-8000-000000000000",
): Required<Omit<RunCreateOptions, "extraFields" | "command" | "input" | "_langsmithTracer">> {
  return {
    config: { tags: ["wire"], recursion_limit: 42, configurable: { flavour: "test" } },
    context: { user: "ada" },
    metadata: { source: "wire-test" },
    streamMode: ["values", "updates"],
    streamSubgraphs: true,
    streamResumable: true,
    checkpoint: { checkpoint_ns: "" },
    checkpointId,
    interruptBefore: ["chat"],
    interruptAfter: ["chat"],
    multitaskStrategy: "enqueue",
    ifNotExists: threadId === null ? "reject" : "create",
    onCompletion: "keep",
    onDisconnect: "continue",
    webhook: "http://127.0.0.1:9/hook",
    afterSeconds: 0,
    durability: "async",
    checkpointDuring: true,
    feedbackKeys: ["score"],
    strictResume: false,
    webhookMode: "legacy",
  };
}

const EXPECTED_BODY = {
  config: { tags: ["wire"], recursion_limit: 42, configurable: { flavour: "test" } },
  context: { user: "ada" },
  metadata: { source: "wire-test" },
  stream_mode: ["values", "updates"],
  stream_subgraphs: true,
  stream_resumable: true,
  checkpoint: { checkpoint_ns: "" },
  checkpoint_id: "1f000000-0000-6000-8000-000000000000",
  interrupt_before: ["chat"],
  interrupt_after: ["chat"],
  multitask_strategy: "enqueue",
  on_completion: "keep",
  on_disconnect: "continue",
  webhook: "http://127.0.0.1:9/hook",
  after_seconds: 0,
  durability: "async",
  checkpoint_during: true,
  feedback_keys: ["score"],
  strict_resume: false,
  webhook_mode: "legacy",
};

describe("wire level: recorded requests to the real server", () => {
  it("the serializer maps every RunCreate field of runs-api.md §2", () => {
    expect([...RUN_CREATE_WIRE_FIELDS].sort()).toEqual(
      [
        "input",
        "command",
        "config",
        "context",
        "metadata",
        "stream_mode",
        "stream_subgraphs",
        "stream_resumable",
        "checkpoint",
        "checkpoint_id",
        "interrupt_before",
        "interrupt_after",
        "multitask_strategy",
        "if_not_exists",
        "on_completion",
        "on_disconnect",
        "webhook",
        "after_seconds",
        "durability",
        "checkpoint_during",
        "feedback_keys",
        "strict_resume",
        "webhook_mode",
        "langsmith_tracer",
      ].sort(),
    );
  });

  it("create, stream and wait send every field in snake_case", async () => {
    const recorder = recordingFetch();
    const client = createClient({ apiUrl: agentServerUrl(), fetch: recorder.fetch });
    const threadId = crypto.randomUUID();
    const options = everyOption(threadId);
    // What matters here is what went over the wire: the server may refuse this odd mix of
    // options (an unknown checkpoint, a webhook nobody listens to), so each call is bounded.
    const bounded = () => AbortSignal.timeout(3_000);
    await client.runs
      .create(threadId, "agent", { ...options, input: human("a"), signal: bounded() })
      .catch(() => undefined);
    await collect(
      client.runs.stream(threadId, "agent", { ...options, input: human("b"), signal: bounded() }),
    ).catch(() => undefined);
    await client.runs
      .wait(threadId, "agent", { ...options, command: { resume: "x" }, signal: bounded() })
      .catch(() => undefined);
    const posts = recorder.requests.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.url.pathname)).toEqual([
      `/threads/${threadId}/runs`,
      `/threads/${threadId}/runs/stream`,
      `/threads/${threadId}/runs/wait`,
    ]);
    for (const request of posts) {
      expect(request.body).toMatchObject({
        ...EXPECTED_BODY,
        assistant_id: "agent",
        if_not_exists: "create",
      });
      expect(Object.keys(request.body as object).some((key) => /[A-Z]/.test(key))).toBe(false);
    }
    expect(posts[0]!.body).toMatchObject({ input: human("a") });
    expect(posts[2]!.body).toMatchObject({ command: { resume: "x" } });
    expect(posts[1]!.headers["accept"]).toBe("text/event-stream");
  });

  it("createBatch serializes every item in full", async () => {
    const recorder = recordingFetch();
    const client = createClient({ apiUrl: agentServerUrl(), fetch: recorder.fetch });
    const options = everyOption(null);
    await client.runs
      .createBatch([
        { ...options, assistantId: "agent", input: human("1") },
        { ...options, assistantId: "agent", input: human("2"), metadata: { second: true } },
      ])
      .catch(() => undefined);
    const body = recorder.requests[0]!.body as object[];
    expect(recorder.requests[0]!.url.pathname).toBe("/runs/batch");
    expect(body).toHaveLength(2);
    expect(body[0]).toMatchObject({ ...EXPECTED_BODY, assistant_id: "agent", input: human("1") });
    expect(body[1]).toMatchObject({
      ...EXPECTED_BODY,
      metadata: { second: true },
      assistant_id: "agent",
    });
    for (const item of body) expect(Object.keys(item).some((key) => /[A-Z]/.test(key))).toBe(false);
  });

  it("extraFields reach the wire as they are", async () => {
    const recorder = recordingFetch();
    const client = createClient({ apiUrl: agentServerUrl(), fetch: recorder.fetch });
    const threadId = (await client.threads.create()).thread_id;
    await client.runs.wait(threadId, "agent", {
      input: human("x"),
      extraFields: { future_flag: 1 },
    });
    expect(recorder.requests.at(-1)!.body).toMatchObject({ future_flag: 1, assistant_id: "agent" });
  });

  it("cancel, list and joinStream send the right query strings and headers", async () => {
    const recorder = recordingFetch();
    const client = createClient({ apiUrl: agentServerUrl(), fetch: recorder.fetch });
    const threadId = (await client.threads.create()).thread_id;
    const run = await client.runs.create(threadId, "agent", {
      input: human("/tokens 20"),
      streamResumable: true,
    });
    await client.runs.join(threadId, run.run_id);
    await client.runs.cancel(threadId, run.run_id);
    await client.runs.cancel(threadId, run.run_id, true, "rollback").catch(() => undefined);
    await client.runs.list(threadId, {
      limit: 5,
      offset: 1,
      status: "success",
      select: ["run_id", "status"],
    });
    await collect(
      client.runs.joinStream(threadId, run.run_id, {
        lastEventId: "3",
        streamMode: ["values", "messages-tuple"],
        cancelOnDisconnect: true,
      }),
    );
    const byPath = (fragment: string) =>
      recorder.requests.filter((r) => r.url.pathname.endsWith(fragment));
    const [cancelNoWait, cancelWait] = byPath("/cancel");
    expect(cancelNoWait!.url.searchParams.has("wait")).toBe(false);
    expect(cancelNoWait!.url.searchParams.get("action")).toBe("interrupt");
    expect(cancelWait!.url.searchParams.get("wait")).toBe("true");
    expect(cancelWait!.url.searchParams.get("action")).toBe("rollback");
    const list = recorder.requests.find(
      (r) => r.method === "GET" && r.url.pathname === `/threads/${threadId}/runs`,
    )!;
    expect(list.url.searchParams.get("limit")).toBe("5");
    expect(list.url.searchParams.get("offset")).toBe("1");
    expect(list.url.searchParams.get("status")).toBe("success");
    expect(list.url.searchParams.getAll("select")).toEqual(["run_id", "status"]);
    const join = byPath("/join")[0]!;
    // The official client's form: always sent, as 1 or 0.
    expect(join.url.searchParams.get("cancel_on_disconnect")).toBe("0");
    const stream = byPath(`/runs/${run.run_id}/stream`)[0]!;
    expect(stream.headers["last-event-id"]).toBe("3");
    expect(stream.url.searchParams.getAll("stream_mode")).toEqual(["values", "messages-tuple"]);
    expect(stream.url.searchParams.get("cancel_on_disconnect")).toBe("1");
  });

  it("cancelMany posts to /runs/cancel (the JS server has no such route: a typed not_found)", async () => {
    const recorder = recordingFetch();
    const client = createClient({ apiUrl: agentServerUrl(), fetch: recorder.fetch });
    const error = await client.runs
      .cancelMany({
        threadId: "t-1",
        runIds: ["r-1", "r-2"],
        status: "running",
        action: "rollback",
      })
      .catch((e: unknown) => e);
    const request = recorder.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.url.pathname).toBe("/runs/cancel");
    expect(request.url.searchParams.get("action")).toBe("rollback");
    expect(request.body).toEqual({ thread_id: "t-1", run_ids: ["r-1", "r-2"], status: "running" });
    expect(error).toBeInstanceOf(RunsClientError);
    expect((error as RunsClientError).kind).toBe("not_found");
  });

  it("ids with slashes, dots and query characters are encoded as one path segment", async () => {
    const recorder = recordingFetch();
    const client = createClient({ apiUrl: agentServerUrl(), fetch: recorder.fetch });
    for (const id of ["../../threads", "a/b", "x?y=1#z", "with space"]) {
      const error = await client.runs.get(id, id).catch((e: unknown) => e);
      // The server refuses the id (404, or 422 for "not a uuid"): it never routed elsewhere.
      expect(["not_found", "validation"]).toContain((error as RunsClientError).kind);
    }
    const paths = recorder.requests.map((r) => r.url.pathname);
    expect(paths).toEqual([
      "/threads/..%2F..%2Fthreads/runs/..%2F..%2Fthreads",
      "/threads/a%2Fb/runs/a%2Fb",
      "/threads/x%3Fy%3D1%23z/runs/x%3Fy%3D1%23z",
      "/threads/with%20space/runs/with%20space",
    ]);
    expect(recorder.requests.every((r) => r.url.search === "")).toBe(true);
    // URL parsing folds "." and ".." (even percent-encoded) away: such ids never leave the client.
    for (const id of [".", "..", ""]) {
      const error = await client.runs.get("thread", id).catch((e: unknown) => e);
      expect((error as RunsClientError).kind).toBe("validation");
    }
    expect(recorder.requests).toHaveLength(4);
  });
});
