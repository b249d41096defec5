/**
 * Type test (checked by `npm run typecheck`, never run): code written against the official
 * client's `RunsClient<TState, TUpdate, TCustom>` compiles against ours. The bodies are the Runs
 * API reference's examples in TypeScript, written once against a structural "runs" parameter
 * and called with both clients.
 */
import { Client } from "@langchain/langgraph-sdk";
import { createClient, type RunsClient } from "../../src/client";

interface State {
  messages: { type: string; content: string | Record<string, unknown>[]; id?: string }[];
  step?: number;
}
type Update = Partial<State>;
interface Progress {
  type: "progress";
  i: number;
}
type OfficialRunsClient<S, U, C> = Client<S, U, C>["runs"];

// Construction: the official ClientConfig, renamed call.
const config = {
  apiUrl: "http://localhost:2024",
  apiKey: null,
  defaultHeaders: { "x-tenant": "acme", "x-unset": null },
  timeoutMs: 10_000,
  callerOptions: { fetch, maxRetries: 2 },
};
const official: OfficialRunsClient<State, Update, Progress> = new Client<State, Update, Progress>(
  config,
).runs;
const ours: RunsClient<State, Update, Progress> = createClient<State, Update, Progress>(
  config,
).runs;
createClient().runs satisfies RunsClient;

/**
 * Every example. They compile against the official client too: swap `RunsUnderTest` to
 * `typeof official` to check (done when this file was written).
 */
type RunsUnderTest = typeof ours;
async function examples(runs: RunsUnderTest) {
  const threadId = "t";
  const input = { messages: [{ type: "human", content: "hi" }] };

  // stream: typed parts per mode.
  for await (const chunk of runs.stream(threadId, "agent", {
    input,
    streamMode: ["values", "updates", "custom", "messages-tuple"],
    streamSubgraphs: false,
    onRunCreated: ({ run_id, thread_id }) => console.log(run_id, thread_id),
    streamNamespaces: [""],
    streamIdleReconnect: "auto",
  })) {
    if (chunk.event === "values") chunk.data.messages.map((m) => m.content);
    if (chunk.event === "updates") Object.values(chunk.data).map((u) => u.step);
    if (chunk.event === "custom") chunk.data.i.toFixed();
    if (chunk.event === "messages") void chunk.data[0].content;
    if (chunk.event === "metadata") chunk.data.run_id.toUpperCase();
    if (chunk.event === "error") chunk.data.message.toUpperCase();
  }
  // Subgraph event names carry the namespace.
  for await (const chunk of runs.stream(threadId, "agent", {
    input,
    streamMode: "values",
    streamSubgraphs: true,
  })) {
    if (chunk.event.startsWith("values")) console.log(chunk.id);
  }
  // Stateless.
  for await (const chunk of runs.stream(null, "agent", { input, streamMode: "updates" })) {
    console.log(chunk.event);
  }

  const run = await runs.create(threadId, "agent", {
    input,
    multitaskStrategy: "enqueue",
    ifNotExists: "create",
    afterSeconds: 0,
    webhook: "https://example.com/hook",
    metadata: { source: "docs" },
    config: { configurable: { model: "x" }, tags: ["a"] },
    command: { resume: { "interrupt-id": "yes" } },
    checkpointId: "cp",
    durability: "async",
  });
  const runId: string = run.run_id;
  const batch = await runs.createBatch([{ assistantId: "agent", input }], {
    signal: AbortSignal.abort(),
  });
  batch.map((r) => r.status);
  const values = await runs.wait(threadId, "agent", { input, raiseError: false });
  console.log(values);
  const list = await runs.list(threadId, {
    limit: 10,
    offset: 0,
    status: "success",
    select: ["run_id", "status"],
  });
  void list[0]?.created_at;
  const got = await runs.get(threadId, runId, { signal: new AbortController().signal });
  got.status satisfies "pending" | "running" | "error" | "success" | "timeout" | "interrupted";
  await runs.cancel(threadId, runId);
  await runs.cancel(threadId, runId, true, "rollback", { reason: "taken" });
  await runs.cancelMany({ threadId, runIds: [runId], status: "running", action: "interrupt" });
  const joined: State = await runs.join(threadId, runId, { cancelOnDisconnect: false });
  void joined.messages.length;
  for await (const part of runs.joinStream(threadId, runId, {
    lastEventId: "-1",
    streamMode: ["values"],
    cancelOnDisconnect: false,
    checkpointId: "cp",
    streamNamespaces: ["inner"],
    streamIdleReconnect: 0,
  })) {
    console.log(part.event, part.id);
  }
  for await (const part of runs.joinStream(undefined, runId, AbortSignal.abort()))
    console.log(part.event);
  await runs.delete(threadId, runId);
}

void examples(ours);
// @ts-expect-error the official RunsClient is not assignable to ours (a private #http): only
// the calls above are the contract, not the class identity.
void examples(official);
void official;
