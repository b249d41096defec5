/**
 * The demo graph (devserver/graph.ts) behaves as devserver/README.md documents, on the real
 * Agent Server started by the global setup. Plain fetch + a tiny SSE reader: no kit code.
 */
import { describe, expect, inject, test } from "vitest";
import { ERROR_MESSAGE, HITL_REQUEST, INBOX_REQUEST } from "../../devserver/graph";

const url = () => inject("agentServerUrl");

interface SseEvent {
  event: string;
  data: unknown;
  id?: string;
}

/** Parses a complete SSE body (the JS server sends one `data:` line per event). */
function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const frame of text.split(/\r?\n\r?\n/)) {
    let event = "message";
    let id: string | undefined;
    const data: string[] = [];
    for (const line of frame.split(/\r?\n/)) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      else if (line.startsWith("id:")) id = line.slice(3).trim();
    }
    if (data.length === 0) continue;
    events.push({ event, data: JSON.parse(data.join("\n")), ...(id !== undefined ? { id } : {}) });
  }
  return events;
}

async function api<T = unknown>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${url()}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const newThread = async () =>
  (await api<{ thread_id: string }>("/threads", { body: {} })).thread_id;

interface StreamResult {
  events: SseEvent[];
  runId: string;
}

async function stream(threadId: string, body: Record<string, unknown>): Promise<StreamResult> {
  const response = await fetch(`${url()}/threads/${threadId}/runs/stream`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ assistant_id: "agent", ...body }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const events = parseSse(text);
  expect(events[0]?.event).toBe("metadata");
  const runId = (events[0]?.data as { run_id: string }).run_id;
  return { events, runId };
}

const say = (text: string) => ({ input: { messages: [{ type: "human", content: text }] } });

type Chunk = {
  type: string;
  id: string;
  content: string;
  tool_call_chunks?: { name?: string; args?: string; id?: string; index?: number }[];
  tool_call_id?: string;
  tool_calls?: { name: string; args: unknown; id: string }[];
};
type Meta = { langgraph_node: string; [key: string]: unknown };
type Values = { messages: Chunk[]; __interrupt__?: { id: string; value: unknown }[] };

const ofMode = (events: SseEvent[], mode: string) =>
  events.filter((e) => e.event === mode || e.event.startsWith(`${mode}|`));
const tuples = (events: SseEvent[]) =>
  ofMode(events, "messages").map((e) => e.data as [Chunk, Meta]);
const lastValues = (events: SseEvent[]) => ofMode(events, "values").at(-1)?.data as Values;
const lastMessage = (events: SseEvent[]) => lastValues(events).messages.at(-1);

describe.concurrent("demo graph on the embedded Agent Server", () => {
  test("plain text: custom progress event, then 'You said: <text>' one word per chunk", async () => {
    const thread = await newThread();
    const { events } = await stream(thread, {
      ...say("hello brave  world"),
      stream_mode: ["messages-tuple", "custom", "values"],
    });
    const custom = ofMode(events, "custom");
    expect(custom.map((e) => e.data)).toEqual([{ type: "progress", step: "reply" }]);
    expect(events.indexOf(custom[0]!)).toBeLessThan(
      events.findIndex((e) => e.event === "messages"),
    );

    const chunks = tuples(events);
    expect(chunks.map(([c]) => c.content)).toEqual([
      "You ",
      "said: ",
      "hello ",
      "brave  ",
      "world",
    ]);
    const ids = new Set(chunks.map(([c]) => c.id));
    expect(ids.size).toBe(1);
    expect(chunks.every(([c, meta]) => c.type === "ai" && meta.langgraph_node === "chat")).toBe(
      true,
    );

    const final = lastMessage(events)!;
    expect(final).toMatchObject({ type: "ai", content: "You said: hello brave  world" });
    expect(final.id).toBe([...ids][0]);
  });

  test("/tokens N streams exactly N chunks 't<i> ' of one message", async () => {
    const thread = await newThread();
    const { events } = await stream(thread, {
      ...say("/tokens 2000"),
      stream_mode: "messages-tuple",
    });
    const chunks = tuples(events);
    expect(chunks).toHaveLength(2000);
    expect(chunks.every(([c], i) => c.content === `t${i} `)).toBe(true);
    expect(new Set(chunks.map(([c]) => c.id)).size).toBe(1);
    expect(chunks[0]![1].langgraph_node).toBe("tokens");
  });

  test("/tokens defaults to 100", async () => {
    const { events } = await stream(await newThread(), {
      ...say("/tokens"),
      stream_mode: ["values"],
    });
    const content = lastMessage(events)!.content;
    expect(content.split(" ").filter(Boolean)).toHaveLength(100);
    expect(content.endsWith("t99 ")).toBe(true);
  });

  test("/custom N emits N progress events, then replies 'done'", async () => {
    const { events } = await stream(await newThread(), {
      ...say("/custom 5"),
      stream_mode: ["custom", "values"],
    });
    expect(ofMode(events, "custom").map((e) => e.data)).toEqual(
      [0, 1, 2, 3, 4].map((i) => ({ type: "progress", i })),
    );
    expect(lastMessage(events)!.content).toBe("done");
  });

  test("/interrupt pauses with a HITL request and resumes with the value", async () => {
    const thread = await newThread();
    const first = await stream(thread, {
      ...say("/interrupt"),
      stream_mode: ["values", "updates"],
    });
    const interrupts = lastValues(first.events).__interrupt__!;
    expect(interrupts).toHaveLength(1);
    expect(interrupts[0]!.value).toEqual(HITL_REQUEST);
    expect(interrupts[0]!.id).toMatch(/^[0-9a-f]{32}$/);
    expect(ofMode(first.events, "updates").at(-1)!.data).toEqual({ __interrupt__: interrupts });

    const state = await api<{ next: string[] }>(`/threads/${thread}/state`);
    expect(state.next).toEqual(["review"]);

    const resume = { decisions: [{ type: "approve" }] };
    const second = await stream(thread, { command: { resume }, stream_mode: ["values"] });
    expect(lastMessage(second.events)!.content).toBe(`Resumed with: ${JSON.stringify(resume)}`);
    expect(lastValues(second.events).__interrupt__).toBeUndefined();
  });

  test("/inbox pauses with an agent-inbox HumanInterrupt and resumes with the value", async () => {
    const thread = await newThread();
    const first = await stream(thread, { ...say("/inbox"), stream_mode: ["values"] });
    const interrupts = lastValues(first.events).__interrupt__!;
    expect(interrupts.map((i) => i.value)).toEqual([INBOX_REQUEST]);
    const resume = [{ type: "accept", args: null }];
    const second = await stream(thread, { command: { resume }, stream_mode: ["values"] });
    expect(lastMessage(second.events)!.content).toBe(`Resumed with: ${JSON.stringify(resume)}`);
  });

  test("/two-interrupts: two pending interrupts, resumed together by an id map", async () => {
    const thread = await newThread();
    const first = await stream(thread, {
      ...say("/two-interrupts"),
      stream_mode: ["values", "updates"],
    });
    // Each parallel interrupt arrives in its own updates/values event: collect them all.
    const seen = ofMode(first.events, "updates").flatMap(
      (e) =>
        (e.data as { __interrupt__?: { id: string; value: { question: string } }[] })
          .__interrupt__ ?? [],
    );
    expect(seen.map((i) => i.value.question).sort()).toEqual(["Approve A?", "Approve B?"]);
    // ...while the last values event carries only one of them.
    expect(lastValues(first.events).__interrupt__).toHaveLength(1);

    const state = await api<{
      next: string[];
      tasks: { name: string; interrupts: { id: string }[] }[];
    }>(`/threads/${thread}/state`);
    expect([...state.next].sort()).toEqual(["approve_a", "approve_b"]);
    const idOf = (name: string) => state.tasks.find((t) => t.name === name)!.interrupts[0]!.id;
    const idA = idOf("approve_a");
    const idB = idOf("approve_b");
    expect(seen.find((i) => i.value.question === "Approve A?")!.id).toBe(idA);

    const second = await stream(thread, {
      command: { resume: { [idA]: "yes", [idB]: { ok: false } } },
      stream_mode: ["values"],
    });
    expect(lastMessage(second.events)!.content).toBe('A: "yes", B: {"ok":false}');
    expect(lastValues(second.events).__interrupt__).toBeUndefined();
  });

  test("/two-interrupts: answering one id leaves the other pending", async () => {
    const thread = await newThread();
    await stream(thread, { ...say("/two-interrupts"), stream_mode: ["values"] });
    const state = await api<{ tasks: { name: string; interrupts: { id: string }[] }[] }>(
      `/threads/${thread}/state`,
    );
    const idOf = (name: string) => state.tasks.find((t) => t.name === name)!.interrupts[0]!.id;
    const partial = await stream(thread, {
      command: { resume: { [idOf("approve_b")]: "B only" } },
      stream_mode: ["values"],
    });
    // The remaining interrupt is reported again, but in an earlier values event than the last.
    const pending = ofMode(partial.events, "values").flatMap(
      (e) => (e.data as Values).__interrupt__ ?? [],
    );
    expect(pending).toEqual([{ id: idOf("approve_a"), value: { question: "Approve A?" } }]);
    const after = await api<{ next: string[] }>(`/threads/${thread}/state`);
    expect(after.next).toEqual(["approve_a"]);
    const done = await stream(thread, {
      command: { resume: { [idOf("approve_a")]: "A last" } },
      stream_mode: ["values"],
    });
    expect(lastMessage(done.events)!.content).toBe('A: "A last", B: "B only"');
  });

  test("/slow MS ticks every 100 ms, then replies 'slow done'", async () => {
    const { events } = await stream(await newThread(), {
      ...say("/slow 300"),
      stream_mode: ["custom", "values"],
    });
    expect(ofMode(events, "custom").map((e) => e.data)).toEqual(
      [0, 1, 2].map((i) => ({ type: "tick", i })),
    );
    expect(lastMessage(events)!.content).toBe("slow done");
  });

  test("/slow is cancelled promptly", async () => {
    const thread = await newThread();
    const run = await api<{ run_id: string }>(`/threads/${thread}/runs`, {
      body: { assistant_id: "agent", ...say("/slow 20000"), stream_mode: ["custom"] },
    });
    // Wait until it is running, then cancel and wait for the cancellation.
    for (let i = 0; i < 100; i++) {
      const { status } = await api<{ status: string }>(`/threads/${thread}/runs/${run.run_id}`);
      if (status === "running") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const response = await fetch(`${url()}/threads/${thread}/runs/${run.run_id}/cancel?wait=true`, {
      method: "POST",
    });
    expect(response.status).toBeLessThan(300);
    const { status } = await api<{ status: string }>(`/threads/${thread}/runs/${run.run_id}`);
    expect(status).toBe("interrupted");
  });

  test("/error ends the run with an error event and status error", async () => {
    const thread = await newThread();
    const { events, runId } = await stream(thread, { ...say("/error"), stream_mode: ["values"] });
    expect(events.at(-1)).toMatchObject({
      event: "error",
      data: { error: "Error", message: ERROR_MESSAGE },
    });
    const run = await api<{ status: string }>(`/threads/${thread}/runs/${runId}`);
    expect(run.status).toBe("error");
  });

  test("/subgraph streams namespaced events with stream_subgraphs", async () => {
    const { events } = await stream(await newThread(), {
      ...say("/subgraph"),
      stream_mode: ["messages-tuple", "custom", "values"],
      stream_subgraphs: true,
    });
    const nested = events.filter((e) => e.event.includes("|"));
    const namespaces = new Set(nested.map((e) => e.event.split("|").slice(1).join("|")));
    expect(namespaces.size).toBe(1);
    expect([...namespaces][0]).toMatch(/^subgraph:[0-9a-f-]{36}$/);

    const messages = events.filter((e) => e.event.startsWith("messages|"));
    expect(messages.map((e) => (e.data as [Chunk, Meta])[0].content)).toEqual([
      "Hello ",
      "from ",
      "the ",
      "subgraph",
    ]);
    expect((messages[0]!.data as [Chunk, Meta])[1].langgraph_node).toBe("inner");
    expect(events.filter((e) => e.event.startsWith("custom|")).map((e) => e.data)).toEqual([
      { type: "progress", step: "inner" },
    ]);
    expect(lastMessage(events)!.content).toBe("Hello from the subgraph");
  });

  test("/subgraph without stream_subgraphs: one complete message from node 'subgraph'", async () => {
    const { events } = await stream(await newThread(), {
      ...say("/subgraph"),
      stream_mode: ["messages-tuple", "custom"],
    });
    expect(events.some((e) => e.event.includes("|"))).toBe(false);
    expect(ofMode(events, "custom").map((e) => e.data)).toEqual([
      { type: "progress", step: "inner" },
    ]);
    const chunks = tuples(events);
    expect(chunks.map(([c, m]) => [c.content, m.langgraph_node])).toEqual([
      ["Hello from the subgraph", "subgraph"],
    ]);
  });

  test("/tools streams tool_call_chunks, a ToolMessage and a final answer", async () => {
    const { events } = await stream(await newThread(), {
      ...say("/tools"),
      stream_mode: ["messages-tuple", "values"],
    });
    const chunks = tuples(events);
    const byNode = (node: string) =>
      chunks.filter(([, m]) => m.langgraph_node === node).map(([c]) => c);

    const call = byNode("call_tool");
    expect(call).toHaveLength(3);
    expect(new Set(call.map((c) => c.id)).size).toBe(1);
    const toolChunks = call.flatMap((c) => c.tool_call_chunks ?? []);
    expect(toolChunks[0]).toMatchObject({ name: "get_weather", id: "call_1", index: 0 });
    expect(JSON.parse(toolChunks.map((c) => c.args ?? "").join(""))).toEqual({ city: "Paris" });

    const tool = byNode("tools");
    expect(tool).toHaveLength(1);
    expect(tool[0]).toMatchObject({ type: "tool", content: "Sunny, 21°C", tool_call_id: "call_1" });

    expect(
      byNode("answer")
        .map((c) => c.content)
        .join(""),
    ).toBe("It is sunny in Paris.");

    const [human, ai, toolMessage, answer] = lastValues(events).messages;
    expect(human!.type).toBe("human");
    expect(ai!.tool_calls).toEqual([
      { name: "get_weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" },
    ]);
    expect(toolMessage).toMatchObject({
      type: "tool",
      content: "Sunny, 21°C",
      tool_call_id: "call_1",
    });
    expect(answer).toMatchObject({ type: "ai", content: "It is sunny in Paris." });
  });

  test("static breakpoint before 'chat', then continue with input null", async () => {
    const thread = await newThread();
    const first = await stream(thread, {
      ...say("hi"),
      stream_mode: ["values"],
      interrupt_before: ["chat"],
    });
    expect(lastValues(first.events).__interrupt__).toEqual([]);
    const second = await stream(thread, { input: null, stream_mode: ["values"] });
    expect(lastMessage(second.events)!.content).toBe("You said: hi");
  });
});
