/**
 * `threads.getHistory` beside the official client's, on the same thread of the real server: the
 * same request on the wire, the same states back; and the fork a checkpoint makes shows in it.
 */
import { Client } from "@langchain/langgraph-sdk";
import { describe, expect, it } from "vitest";
import { createClient, type ThreadState } from "../../src/client";
import { agentServerUrl, human } from "../support/agentServer";
import { recordingFetch } from "../support/recordingFetch";
import { onTheWire, outcome } from "../parity/parityClients";

type Messages = { messages?: { id: string; type: string; content: unknown }[] };

/** Both clients on the server, each behind its own recording fetch. */
function clients() {
  const oursWire = recordingFetch();
  const officialWire = recordingFetch();
  const apiUrl = agentServerUrl();
  return {
    ours: createClient({ apiUrl, apiKey: null, fetch: oursWire.fetch }).threads,
    official: new Client({
      apiUrl,
      apiKey: null,
      callerOptions: { fetch: officialWire.fetch as typeof fetch, maxRetries: 1 },
    }).threads,
    wire: { ours: oursWire.requests, official: officialWire.requests },
  };
}

/** A thread with two finished chat turns. */
async function twoTurns(): Promise<string> {
  const client = createClient({ apiUrl: agentServerUrl(), apiKey: null });
  const { thread_id } = await client.threads.create();
  await client.runs.wait(thread_id, "agent", { input: human("one") });
  await client.runs.wait(thread_id, "agent", { input: human("two") });
  return thread_id;
}

const ids = (states: ThreadState<Messages>[]) => states.map((s) => s.checkpoint?.checkpoint_id);
const texts = (state: ThreadState<Messages> | undefined) =>
  (state?.values.messages ?? []).map((m) => m.content);

describe("threads.getHistory, parity with the official client", () => {
  it("the default call: same request (limit 10), same states, newest first", async () => {
    const threadId = await twoTurns();
    const { ours, official, wire } = clients();
    const a = await ours.getHistory<Messages>(threadId);
    const b = (await official.getHistory(threadId)) as unknown as ThreadState<Messages>[];
    // Two turns of three checkpoints each (input, human added, reply added).
    expect(a).toHaveLength(6);
    expect(a).toEqual(b);
    expect(texts(a[0])).toEqual(["one", "You said: one", "two", "You said: two"]);
    expect(texts(a.at(-1))).toEqual([]);
    expect(a[0]!.parent_checkpoint?.checkpoint_id).toBe(a[1]!.checkpoint?.checkpoint_id);
    expect(onTheWire(wire.ours[0]!)).toEqual(onTheWire(wire.official[0]!));
    expect(wire.ours[0]).toMatchObject({
      method: "POST",
      body: { limit: 10 },
      url: expect.objectContaining({ pathname: `/threads/${threadId}/history` }),
    });
  });

  it("limit, before (a checkpoint id) and metadata: the same body, the same page", async () => {
    const threadId = await twoTurns();
    const { ours, official, wire } = clients();
    const all = await ours.getHistory<Messages>(threadId, { limit: 100 });
    const before = all[1]!.checkpoint!.checkpoint_id!;
    const options = { limit: 2, before, metadata: { source: "loop" } };
    const a = await ours.getHistory<Messages>(threadId, options);
    // The official types say `Config`; the JS server takes only the id, so both send a string.
    const b = await official.getHistory(threadId, options as unknown as { limit: number });
    expect(a).toEqual(b);
    // Older than the second newest, loop steps only, two of them.
    expect(ids(a)).toEqual(
      ids(all.slice(2).filter((s) => s.metadata.source === "loop")).slice(0, 2),
    );
    expect(onTheWire(wire.ours.at(-1)!)).toEqual(onTheWire(wire.official.at(-1)!));
  });

  it("a run from an earlier checkpoint forks: two states share that parent", async () => {
    const threadId = await twoTurns();
    const client = createClient({ apiUrl: agentServerUrl(), apiKey: null });
    const before = await client.threads.getHistory<Messages>(threadId, { limit: 100 });
    // The state the first reply was added in, and the checkpoint before it.
    const firstReply = before.findLast((s) => texts(s).includes("You said: one"))!;
    await client.runs.wait(threadId, "agent", {
      input: null,
      checkpoint: firstReply.parent_checkpoint!,
    });
    const after = await client.threads.getHistory<Messages>(threadId, { limit: 100 });
    const parent = firstReply.parent_checkpoint!.checkpoint_id;
    const children = after.filter((s) => s.parent_checkpoint?.checkpoint_id === parent);
    expect(children).toHaveLength(2);
    // The newest state is the new branch: the first turn again, with a reply of its own.
    expect(texts(after[0])).toEqual(["one", "You said: one"]);
    const [newReply, oldReply] = [after[0]!, before[0]!].map((s) => s.values.messages![1]!.id);
    expect(newReply).not.toBe(oldReply);
  });

  it("an unknown thread: both fail alike", async () => {
    const { ours, official } = clients();
    const missing = crypto.randomUUID();
    const a = await outcome(() => ours.getHistory(missing));
    const b = await outcome(() => official.getHistory(missing));
    expect(a.ok).toBe(b.ok);
    if (b.ok) expect(a).toEqual(b);
    else expect(a).toMatchObject({ ok: false, status: b.status });
  });

  it("the thread id is one encoded path segment; '.' and '..' are refused before any request", async () => {
    const { ours, wire } = clients();
    await outcome(() => ours.getHistory("a/b?c#d"));
    expect(wire.ours[0]!.url.pathname).toBe("/threads/a%2Fb%3Fc%23d/history");
    for (const id of [".", ".."]) {
      expect(await outcome(() => ours.getHistory(id))).toMatchObject({ ok: false });
    }
    expect(wire.ours).toHaveLength(1);
  });
});
