import { describe, expect, it } from "vitest";
import type { StreamEvent, StreamMode, StreamPart } from "../../src/client";
import { collect, human, testClient } from "../support/agentServer";

const client = testClient();

async function streamParts(
  text: string,
  streamMode: StreamMode | StreamMode[],
  extra: object = {},
): Promise<StreamPart[]> {
  const threadId = (await client.threads.create()).thread_id;
  return collect(
    client.runs.stream(threadId, "agent", { input: human(text), streamMode, ...extra }),
  );
}

describe("runs client against the real Agent Server: stream modes", () => {
  it.each<[StreamMode, string]>([
    ["values", "values"],
    ["updates", "updates"],
    ["messages-tuple", "messages"],
    ["events", "events"],
    ["tasks", "tasks"],
    ["checkpoints", "checkpoints"],
    ["debug", "debug"],
    ["custom", "custom"],
  ])("stream mode %s yields %s events after metadata", async (mode, eventName) => {
    const parts = await streamParts("modes", mode);
    expect(parts[0]!.event).toBe("metadata");
    expect(parts.slice(1).length).toBeGreaterThan(0);
    expect(parts.slice(1).every((p) => p.event === eventName)).toBe(true);
  });

  it("messages-tuple chunks carry a message id and add up to the reply", async () => {
    const parts = await streamParts("count the tokens", "messages-tuple");
    const chunks = parts
      .filter((p) => p.event === "messages")
      .map((p) => (p.data as [{ id: string; content: string }, object])[0]);
    const ids = new Set(chunks.map((c) => c.id));
    expect(ids.size).toBe(1);
    expect(chunks.map((c) => c.content).join("")).toBe("You said: count the tokens");
  });

  it("the older messages mode yields messages/partial with the whole message so far", async () => {
    const parts = await streamParts("older mode", "messages");
    const partial = parts.filter((p) => p.event === "messages/partial");
    expect(partial.length).toBeGreaterThan(1);
    const last = (partial.at(-1)!.data as { content: string }[])[0]!;
    expect(last.content).toBe("You said: older mode");
  });

  it("several modes at once interleave in one stream", async () => {
    const parts = await streamParts("mixed", ["values", "messages-tuple", "custom", "updates"]);
    const names = new Set(parts.map((p) => p.event));
    expect([...names].sort()).toEqual(["custom", "messages", "metadata", "updates", "values"]);
  });

  it("subgraph events are namespaced and v2 splits them into type and ns", async () => {
    const threadId = (await client.threads.create()).thread_id;
    const events: StreamEvent[] = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/subgraph"),
        streamMode: ["messages-tuple", "custom", "updates"],
        streamSubgraphs: true,
        streamVersion: "v2",
      }),
    );
    const nested = events.filter((e) => e.ns.length > 0);
    expect(nested.length).toBeGreaterThan(0);
    for (const event of nested) {
      expect(event.event.startsWith(`${event.type}|`)).toBe(true);
      expect(event.ns.join("|")).toBe(event.event.slice(event.type.length + 1));
      expect(event.ns[0]).toMatch(/^[^:|]+:.+$/);
    }
    expect(nested.some((e) => e.type === "messages")).toBe(true);
    expect(nested.some((e) => e.type === "custom")).toBe(true);
  });

  it("interrupt then resume: v2 pops __interrupt__ out of values, resume completes the run", async () => {
    const threadId = (await client.threads.create()).thread_id;
    const first = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/interrupt"),
        streamMode: ["values"],
        streamVersion: "v2",
      }),
    );
    const interrupted = first.filter((e) => e.type === "values" && e.interrupts.length > 0).at(-1)!;
    expect(interrupted).toBeDefined();
    expect(interrupted.data).not.toHaveProperty("__interrupt__");
    const request = interrupted.interrupts[0]!.value as { action_requests: { name: string }[] };
    expect(request.action_requests[0]!.name).toBe("send_email");
    // The JS server marks the thread interrupted; the run itself ends "success".
    expect((await client.threads.get(threadId)).status).toBe("interrupted");

    const resumed = await collect(
      client.runs.stream(threadId, "agent", {
        command: { resume: { decisions: [{ type: "approve" }] } },
        streamMode: ["values"],
        streamVersion: "v2",
      }),
    );
    const final = resumed.at(-1)!;
    expect(final.interrupts).toEqual([]);
    const messages = (final.data as { messages: { content: string }[] }).messages;
    expect(messages.at(-1)!.content).toContain("Resumed with:");
    expect(messages.at(-1)!.content).toContain("approve");
  });

  it("two interrupts pending at once are answered together by id", async () => {
    const threadId = (await client.threads.create()).thread_id;
    const first = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("/two-interrupts"),
        streamMode: ["values"],
        streamVersion: "v2",
      }),
    );
    // The JS server sends the two interrupts in separate values events: collect them by id.
    const byId = new Map(first.flatMap((e) => e.interrupts).map((i) => [i.id!, i]));
    const interrupts = [...byId.values()];
    expect(interrupts).toHaveLength(2);
    const resume = Object.fromEntries(
      interrupts.map((i) => [i.id!, `yes to ${(i.value as { question: string }).question}`]),
    );
    const values = await client.runs.wait(threadId, "agent", { command: { resume } });
    const text = JSON.stringify((values as { messages: unknown[] }).messages.at(-1));
    expect(text).toContain("Approve A?");
    expect(text).toContain("Approve B?");
  });

  it("a static breakpoint shows as a values event with an empty interrupt list", async () => {
    const threadId = (await client.threads.create()).thread_id;
    const events = await collect(
      client.runs.stream(threadId, "agent", {
        input: human("stop before reply"),
        interruptBefore: ["chat"],
        streamMode: ["values"],
        streamVersion: "v2",
      }),
    );
    const last = events.at(-1)!;
    expect(last.type).toBe("values");
    expect(last.interrupts).toEqual([]);
    expect(last.data).toEqual({ __interrupt__: [] });
    expect((await client.threads.get(threadId)).status).toBe("interrupted");
    const values = await client.runs.wait(threadId, "agent", { input: null });
    expect(JSON.stringify(values)).toContain("You said: stop before reply");
  });
});
