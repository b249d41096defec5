// @vitest-environment node
import { describe, expect, it } from "vitest";
import {
  createClient,
  RunsClientError,
  type FetchLike,
  type StreamPart,
} from "../../../src/client";
import { collect } from "../../support/agentServer";
import { fakeFetch, sseResponse } from "../../support/recordingFetch";

const TRANSCRIPT = [
  'event: metadata\ndata: {"run_id":"r-1","attempt":1}\nid: 0\n\n',
  ": heartbeat\n\n",
  'event: messages\ndata: [{"content":"Hé","id":"m1","type":"AIMessageChunk"},{"langgraph_node":"reply"}]\nid: 1\n\n',
  'event: custom\ndata: {"multi":\ndata: "line"}\nid: 2\n\n',
  'event: values|sub:1\r\ndata: {"x":"✓ ünïcødé 🙂"}\r\nid: 3\r\n\r\n',
  "event: custom\ndata: not json at all\nid: 4\n\n",
  "event: lonely-event-without-data\n\n",
  'data: {"no":"event name"}\n\n',
].join("");

const EXPECTED: StreamPart[] = [
  { event: "metadata", data: { run_id: "r-1", attempt: 1 }, id: "0" },
  {
    event: "messages",
    data: [{ content: "Hé", id: "m1", type: "AIMessageChunk" }, { langgraph_node: "reply" }],
    id: "1",
  },
  { event: "custom", data: { multi: "line" }, id: "2" },
  { event: "values|sub:1", data: { x: "✓ ünïcødé 🙂" }, id: "3" },
  { event: "custom", data: "not json at all", id: "4" },
  { event: "message", data: { no: "event name" }, id: undefined },
];

function clientServing(chunks: (string | Uint8Array)[]) {
  const { fetch } = fakeFetch(() => sseResponse(chunks));
  return createClient({ apiUrl: "http://127.0.0.1:1", fetch });
}

describe("SSE parsing (fake fetch: the server cannot send chosen byte splits or malformed frames)", () => {
  it("parses a transcript with comments, multi-line data, CRLF, non-JSON data and no phantom events", async () => {
    const parts = await collect(clientServing([TRANSCRIPT]).runs.stream("t", "agent"));
    expect(parts).toEqual(EXPECTED);
  });

  it("gives the same events when the bytes are split at every possible boundary", async () => {
    const bytes = new TextEncoder().encode(TRANSCRIPT);
    for (let cut = 1; cut < bytes.length; cut++) {
      const parts = await collect(
        clientServing([bytes.slice(0, cut), bytes.slice(cut)]).runs.stream("t", "agent"),
      );
      expect(parts, `split at byte ${cut}`).toEqual(EXPECTED);
    }
  });

  it("gives the same events when every byte arrives alone", async () => {
    const bytes = new TextEncoder().encode(TRANSCRIPT);
    const chunks = Array.from(bytes, (byte) => new Uint8Array([byte]));
    expect(await collect(clientServing(chunks).runs.stream("t", "agent"))).toEqual(EXPECTED);
  });

  it("v2 normalizes names, namespaces and values interrupts", async () => {
    const chunks = [
      'event: values\ndata: {"messages":[],"__interrupt__":[{"id":"i-1","value":{"q":"ok?"}}]}\n\n',
      'event: updates|outer:1|inner:2\ndata: {"node":{"x":1}}\n\n',
    ];
    const events = await collect(
      clientServing(chunks).runs.stream("t", "agent", { streamVersion: "v2" }),
    );
    expect(events[0]).toEqual({
      type: "values",
      ns: [],
      data: { messages: [] },
      interrupts: [{ id: "i-1", value: { q: "ok?" } }],
      id: undefined,
      event: "values",
    });
    expect(events[1]).toMatchObject({
      type: "updates",
      ns: ["outer:1", "inner:2"],
      event: "updates|outer:1|inner:2",
    });
  });

  it("a Python-style end event ends the stream without being yielded", async () => {
    const chunks = [
      'event: metadata\ndata: {"run_id":"r"}\n\n',
      "event: end\ndata: null\n\n",
      'event: values\ndata: {"late":true}\n\n',
    ];
    const parts = await collect(clientServing(chunks).runs.stream("t", "agent"));
    expect(parts.map((p) => p.event)).toEqual(["metadata"]);
  });

  it("an HTML page with status 200 is a typed server error, not a silent empty stream", async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response("<html><body>Gateway login</body></html>", {
          headers: { "content-type": "text/html" },
        }),
    );
    const client = createClient({ apiUrl: "http://127.0.0.1:1", fetch });
    const error = await collect(client.runs.stream("t", "agent")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunsClientError);
    expect((error as RunsClientError).kind).toBe("server");
    expect((error as RunsClientError).message).toContain("text/html");
  });
});

describe("HTTP errors (fake fetch: Python-server bodies and statuses the JS server never sends)", () => {
  function clientAnswering(status: number, body: string, headers: Record<string, string> = {}) {
    const recorder = fakeFetch(() => new Response(body, { status, headers }));
    return {
      client: createClient({
        apiUrl: "http://127.0.0.1:1",
        fetch: recorder.fetch,
        apiKey: "sk-secret",
        maxRetries: 2,
      }),
      recorder,
    };
  }

  it("a Python-style 409 JSON body is a busy error with the parsed detail", async () => {
    const { client } = clientAnswering(409, '{"detail":"Thread is already running a task."}', {
      "content-type": "application/json",
    });
    const error = (await client.runs
      .create("t", "agent")
      .catch((e: unknown) => e)) as RunsClientError;
    expect(error.kind).toBe("busy");
    expect(error.status).toBe(409);
    expect(error.body).toEqual({ detail: "Thread is already running a task." });
    expect(error.message).toContain("Thread is already running a task.");
  });

  it.each([
    [400, "validation"],
    [401, "unauthorized"],
    [403, "unauthorized"],
    [404, "not_found"],
    [422, "validation"],
    [500, "server"],
    [503, "server"],
  ])("status %i is kind %s", async (status, kind) => {
    const { client } = clientAnswering(status, "Something happened");
    const error = (await client.runs
      .create("t", "agent")
      .catch((e: unknown) => e)) as RunsClientError;
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.body).toBe("Something happened");
  });

  it("only idempotent requests are retried on 5xx, and 429 honours Retry-After", async () => {
    const post = clientAnswering(503, "busy");
    await post.client.runs.create("t", "agent").catch(() => undefined);
    expect(post.recorder.requests).toHaveLength(1);
    const get = clientAnswering(503, "busy");
    await get.client.runs.get("t", "r").catch(() => undefined);
    expect(get.recorder.requests).toHaveLength(3);
    const limited = clientAnswering(429, "slow down", { "retry-after": "0" });
    const error = (await limited.client.runs.list("t").catch((e: unknown) => e)) as RunsClientError;
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(0);
    expect(limited.recorder.requests).toHaveLength(3);
  });

  it("the API key never appears in an error, even when the server echoes it", async () => {
    const { client, recorder } = clientAnswering(401, "bad key sk-secret");
    const error = (await client.runs.get("t", "r").catch((e: unknown) => e)) as RunsClientError;
    expect(recorder.requests[0]!.headers["x-api-key"]).toBe("sk-secret");
    expect(error.message).not.toContain("sk-secret");
    expect(JSON.stringify(error.body)).not.toContain("sk-secret");
  });

  it("a network failure is a typed network error; an abort is an aborted error", async () => {
    const failing = createClient({
      apiUrl: "http://127.0.0.1:1",
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    expect(
      await failing.runs.get("t", "r").catch((e: unknown) => (e as RunsClientError).kind),
    ).toBe("network");
    const controller = new AbortController();
    controller.abort();
    const neverAnswers: FetchLike = (_url, init) =>
      new Promise((_, reject) => {
        const fail = () => reject(new DOMException("aborted", "AbortError"));
        if (init.signal?.aborted) fail();
        init.signal?.addEventListener("abort", fail);
      });
    const aborted = createClient({ apiUrl: "http://127.0.0.1:1", fetch: neverAnswers });
    const error = await aborted.runs
      .get("t", "r", { signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as RunsClientError).kind).toBe("aborted");
  });
});

describe("run location headers (fake fetch: the JS server never sends Location)", () => {
  it("a relative apiUrl behind a same-origin proxy still reads Content-Location", async () => {
    const { parseRunLocation } = await import("../../../src/client/paths");
    const page = globalThis as { location?: { href: string } };
    const before = page.location;
    page.location = { href: "https://app.example.com/chat" };
    try {
      expect(parseRunLocation("/api/langgraph/threads/t-1/runs/r-1", "/api/langgraph")).toEqual({
        thread_id: "t-1",
        run_id: "r-1",
      });
      expect(
        parseRunLocation("https://evil.example.net/threads/t/runs/r", "/api/langgraph"),
      ).toBeUndefined();
    } finally {
      page.location = before;
    }
  });

  it("a Location header on another origin is ignored", async () => {
    const { fetch } = fakeFetch(() =>
      sseResponse(['event: metadata\ndata: {"run_id":"r-real"}\n\n'], {
        headers: { location: "https://evil.example.net/threads/t/runs/r-evil" },
      }),
    );
    const client = createClient({ apiUrl: "http://127.0.0.1:1", fetch });
    const created: string[] = [];
    await collect(
      client.runs.stream("t", "agent", { onRunCreated: (meta) => created.push(meta.run_id) }),
    );
    expect(created).toEqual(["r-real"]);
  });
});
