import { Client } from "@langchain/langgraph-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { createClient, type FetchLike } from "../../src/client";
import { fakeFetch, recordingFetch, sseResponse } from "../support/recordingFetch";
import { eventNames, iterate, onTheWire, outcome } from "./parityClients";

/**
 * Cases a real server cannot produce (or that need no server): both clients behind the same
 * fake `fetch`, compared on what the caller sees and what they send.
 */
function bothWith(respond: Parameters<typeof fakeFetch>[0], config: { apiUrl?: string } = {}) {
  const oursFake = fakeFetch(respond);
  const officialFake = fakeFetch(respond);
  return {
    ours: createClient({ ...config, apiKey: null, fetch: oursFake.fetch }).runs,
    official: new Client({
      ...config,
      apiKey: null,
      callerOptions: { fetch: officialFake.fetch as typeof fetch, maxRetries: 0 },
    }).runs,
    wire: { ours: oursFake.requests, official: officialFake.requests },
  };
}

const json = (value: unknown, init: ResponseInit = {}) => Response.json(value, init);
const frame = (event: string, data: unknown, id?: string) =>
  `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

describe("parity with a fake fetch: construction (items 8, 10)", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ["LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("no apiUrl: both call http://localhost:8123 (item 8)", async () => {
    const { ours, official, wire } = bothWith(() => json({ run_id: "r" }));
    await ours.get("t", "r");
    await official.get("t", "r");
    expect(wire.official[0]!.url.origin).toBe("http://localhost:8123");
    expect(wire.ours[0]!.url.href).toBe(wire.official[0]!.url.href);
  });

  it("the official ClientConfig as it is: callerOptions.fetch, defaultHeaders with null, timeoutMs (item 10)", async () => {
    const ours = recordingFetch(async () => json({ run_id: "r" }));
    const official = recordingFetch(async () => json({ run_id: "r" }));
    const config = {
      apiUrl: "http://agent.test/",
      apiKey: "sk-explicit",
      defaultHeaders: { "x-tenant": "acme", "x-dropped": null },
      timeoutMs: 5_000,
    };
    await createClient({ ...config, callerOptions: { fetch: ours.fetch, maxRetries: 0 } }).runs.get(
      "t",
      "r",
    );
    await new Client({
      ...config,
      callerOptions: { fetch: official.fetch as typeof fetch },
    }).runs.get("t", "r");
    expect(onTheWire(ours.requests[0]!)).toEqual(onTheWire(official.requests[0]!));
    expect(ours.requests[0]!.headers["x-api-key"]).toBe("sk-explicit");
    expect(ours.requests[0]!.headers).not.toHaveProperty("x-dropped");
  });

  it("the API key from the environment in Node, unless apiKey is null (item 10)", async () => {
    delete process.env.LANGGRAPH_API_KEY;
    process.env.LANGSMITH_API_KEY = ' "sk-from-env" ';
    const sent = async (apiKey?: null) => {
      const ours = recordingFetch(async () => json({}));
      const official = recordingFetch(async () => json({}));
      await createClient({ apiUrl: "http://agent.test", apiKey, fetch: ours.fetch }).runs.get(
        "t",
        "r",
      );
      await new Client({
        apiUrl: "http://agent.test",
        apiKey,
        callerOptions: { fetch: official.fetch as typeof fetch },
      }).runs.get("t", "r");
      return [ours.requests[0]!.headers["x-api-key"], official.requests[0]!.headers["x-api-key"]];
    };
    expect(await sent()).toEqual(["sk-from-env", "sk-from-env"]);
    expect(await sent(null)).toEqual([undefined, undefined]);
  });

  it("an HTTP error's message starts `HTTP <status>: <body>` and keeps status (item 1), key redacted", async () => {
    const respond = () => new Response("Thread sk-explicit not found", { status: 404 });
    const ours = createClient({
      apiUrl: "http://agent.test",
      apiKey: "sk-explicit",
      fetch: fakeFetch(respond).fetch,
    });
    const official = new Client({
      apiUrl: "http://agent.test",
      apiKey: "sk-explicit",
      callerOptions: { fetch: fakeFetch(respond).fetch as typeof fetch },
    });
    const a = await outcome(() => ours.runs.get("t", "r"));
    const b = await outcome(() => official.runs.get("t", "r"));
    expect(b).toMatchObject({
      ok: false,
      status: 404,
      message: "HTTP 404: Thread sk-explicit not found",
    });
    // Documented difference: ours never shows the API key.
    expect(a).toMatchObject({
      ok: false,
      status: 404,
      message: "HTTP 404: Thread [redacted] not found",
    });
  });
});

describe("parity with a fake fetch: streams", () => {
  it("a response that is not an event stream: the official message word for word (item 5)", async () => {
    const { ours, official } = bothWith(() => json({ not: "a stream" }));
    const a = await iterate(ours.stream("t", "agent", { input: {} }));
    const b = await iterate(official.stream("t", "agent", { input: {} }));
    expect(b.end).toMatchObject({
      ok: false,
      message:
        "Expected response header Content-Type to contain 'text/event-stream', got 'application/json'",
    });
    expect(a.end).toMatchObject({ ok: false, message: (b.end as { message: string }).message });
  });

  it("a Location header names the run: a drop before the first event re-joins it (item 9)", async () => {
    const respond = (url: URL, init: RequestInit) => {
      if (init.method === "POST") {
        // Headers arrive, then the body breaks before any event.
        const body = new ReadableStream<Uint8Array>({
          start: (controller) => controller.error(new TypeError("terminated")),
        });
        return new Response(body, {
          headers: { "content-type": "text/event-stream", location: "/threads/t/runs/r/stream" },
        });
      }
      if (url.pathname === "/threads/t/runs/r/stream") {
        return sseResponse([
          frame("metadata", { run_id: "r" }, "0"),
          frame("values", { n: 1 }, "1"),
        ]);
      }
      return json({ run_id: "r", status: "success" });
    };
    const { ours, official, wire } = bothWith(respond, { apiUrl: "http://agent.test" });
    const a = await iterate(ours.stream("t", "agent", { input: {}, reconnectBaseDelayMs: 1 }));
    const b = await iterate(official.stream("t", "agent", { input: {} }));
    expect(b.end.ok).toBe(true);
    expect(eventNames(b.parts)).toEqual(["metadata", "values"]);
    expect(a.end).toEqual(b.end);
    expect(eventNames(a.parts)).toEqual(eventNames(b.parts));
    const rejoin = (requests: typeof wire.ours) =>
      requests.find((r) => r.method === "GET" && r.url.pathname === "/threads/t/runs/r/stream");
    expect(rejoin(wire.official)).toBeDefined();
    expect(rejoin(wire.ours)).toBeDefined();
  });

  it("abort when the body is not tied to the signal: nothing is yielded after the abort (item 4)", async () => {
    const frames = Array.from({ length: 50 }, (_, i) => frame("custom", { i }, String(i)));
    const { ours, official } = bothWith(() => sseResponse([frames.join("")]));
    const observe = async (stream: AsyncIterable<{ event: string }>, controller: AbortController) =>
      iterate(stream, (_part, index) => {
        if (index === 2) controller.abort();
      });
    const oursAbort = new AbortController();
    const officialAbort = new AbortController();
    const a = await observe(ours.stream("t", "agent", { signal: oursAbort.signal }), oursAbort);
    const b = await observe(
      official.stream("t", "agent", { signal: officialAbort.signal }),
      officialAbort,
    );
    expect(b.parts).toHaveLength(3);
    expect(b.end.ok).toBe(true);
    expect(a.parts).toHaveLength(3);
    expect(a.end).toEqual(b.end);
  });

  it("joinStream with lastEventId: a fetch that returns undefined is a programming error, not retried (item 7)", async () => {
    let calls = 0;
    const controller = new AbortController();
    const broken: FetchLike = async () => {
      calls += 1;
      // A guard so a client that retries forever ends the test instead of hanging it.
      if (calls > 5) controller.abort();
      return calls === 1
        ? sseResponse([frame("metadata", { run_id: "r" }, "0")])
        : (undefined as unknown as Response);
    };
    const ours = createClient({ apiUrl: "http://agent.test", apiKey: null, fetch: broken }).runs;
    const a = await iterate(
      ours.joinStream("t", "r", {
        lastEventId: "-1",
        signal: controller.signal,
        reconnectBaseDelayMs: 1,
      }),
    );
    expect(eventNames(a.parts)).toEqual(["metadata"]);
    expect(calls).toBeLessThanOrEqual(2);
    if (!a.end.ok) expect(a.end.name).toBe("TypeError");
  });

  it("streamNamespaces, checkpointId: the same query as the official client (item 12)", async () => {
    const { ours, official, wire } = bothWith(
      () => sseResponse([frame("metadata", { run_id: "r" })]),
      {
        apiUrl: "http://agent.test",
      },
    );
    const payload = { input: {}, streamNamespaces: ["", "inner"] };
    await iterate(ours.stream("t", "agent", payload));
    await iterate(official.stream("t", "agent", payload));
    const join = {
      streamNamespaces: ["inner"],
      checkpointId: "cp-1",
      lastEventId: "-1",
      streamMode: ["values" as const],
    };
    await iterate(ours.joinStream("t", "r", join));
    await iterate(official.joinStream("t", "r", join));
    const wireOf = (requests: typeof wire.ours) =>
      requests.filter((r) => r.url.pathname.endsWith("/stream")).map(onTheWire);
    expect(wireOf(wire.ours)).toEqual(wireOf(wire.official));
    expect(wire.ours[0]!.url.searchParams.getAll("namespace")).toEqual(["", "inner"]);
  });

  it("ours only (the Python client's): per-call headers and params on every method, webhookMode", async () => {
    const recorder = fakeFetch((url) =>
      url.pathname.endsWith("/stream")
        ? sseResponse([frame("metadata", { run_id: "r" })])
        : json({}),
    );
    const runs = createClient({
      apiUrl: "http://agent.test",
      apiKey: null,
      fetch: recorder.fetch,
    }).runs;
    const extra = { headers: { "x-tenant": "acme" }, params: { trace: "1" } };
    await runs.create("t", "agent", {
      ...extra,
      webhook: "http://hook.test",
      webhookMode: "legacy",
    });
    await runs.createBatch([{ assistantId: "agent" }], extra);
    await runs.wait("t", "agent", { ...extra, raiseError: false });
    await runs.list("t", extra);
    await runs.get("t", "r", extra);
    await runs.cancel("t", "r", false, "interrupt", { ...extra, reason: "taken" });
    await runs.cancelMany({ threadId: "t", ...extra });
    await runs.join("t", "r", extra);
    await runs.delete("t", "r", extra);
    await iterate(runs.stream("t", "agent", extra));
    await iterate(runs.joinStream("t", "r", extra));
    // Every request carries the headers (a stream's run-status checks included); the params
    // belong to the call's own endpoint.
    for (const request of recorder.requests) expect(request.headers["x-tenant"]).toBe("acme");
    const calls = recorder.requests.filter((r) => r.url.searchParams.has("trace"));
    expect(calls.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "POST /threads/t/runs",
      "POST /runs/batch",
      "POST /threads/t/runs/wait",
      "GET /threads/t/runs",
      "GET /threads/t/runs/r",
      "POST /threads/t/runs/r/cancel",
      "POST /runs/cancel",
      "GET /threads/t/runs/r/join",
      "DELETE /threads/t/runs/r",
      "POST /threads/t/runs/stream",
      "GET /threads/t/runs/r/stream",
    ]);
    expect(calls[0]!.body).toMatchObject({ webhook_mode: "legacy" });
    expect(calls[5]!.url.searchParams.get("reason")).toBe("taken");
  });
});
