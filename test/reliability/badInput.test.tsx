// @vitest-environment jsdom
/**
 * Bad input through useRunStream: malformed SSE and HTTP errors that a real server cannot be
 * made to produce are served by a fake fetch for the stream request only (every test name says
 * "fake fetch"). Each case produces the documented outcome (typed error kind + status, see
 * `RunsClientError`), keeps what had arrived before the failure, and leaves the same hook usable:
 * the next submit goes to the REAL server and succeeds.
 */
import { act, renderHook } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClient,
  type FetchLike,
  type RunsClientError,
  type StreamEvent,
} from "../../src/client";
import { eventLogToArray, type EventLog } from "../../src/store/EventLog";
import { agentServerUrl } from "../support/agentServer";
import { sseResponse } from "../support/recordingFetch";
import { harness, human, mulberry32, newFigures, reportFigures, useProbe } from "./support";

const figures = newFigures();
afterAll(() => reportFigures("badInput", figures));

const direct = createClient({ apiUrl: agentServerUrl() });
const FAKE_RUN = "01a1fdcd-0000-7000-8000-00000000beef";
let threadId = "";

beforeAll(async () => {
  threadId = (await direct.threads.create()).thread_id;
});

// ------------------------------------------------------------------------------------------
// The fake: answers the stream request (and the status / re-join of the fake run); every other
// request goes to the real server.

type Responder = () => Response | Promise<Response>;
interface Fake {
  stream: Responder;
  /** The re-join of the fake run (default: 404 "Run not found", as the Python server answers). */
  rejoin?: Responder;
  /** The fake run's status for `runs.get` (default success). */
  runStatus?: string;
}
let fake: Fake | undefined;

const fakeAwareFetch: FetchLike = async (input, init) => {
  const url = new URL(input);
  const method = init.method ?? "GET";
  if (fake) {
    if (method === "POST" && url.pathname === `/threads/${threadId}/runs/stream`) {
      return fake.stream();
    }
    if (method === "GET" && url.pathname === `/threads/${threadId}/runs/${FAKE_RUN}`) {
      return Response.json({
        run_id: FAKE_RUN,
        thread_id: threadId,
        assistant_id: "agent",
        status: fake.runStatus ?? "success",
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        metadata: {},
        multitask_strategy: "reject",
      });
    }
    if (method === "GET" && url.pathname === `/threads/${threadId}/runs/${FAKE_RUN}/stream`) {
      return fake.rejoin ? fake.rejoin() : new Response("Run not found", { status: 404 });
    }
  }
  return fetch(input, init);
};

const frame = (event: string, data: string, id?: number) =>
  `event: ${event}\ndata: ${data}\n${id === undefined ? "" : `id: ${id}\n`}\n`;

/** Three good events (ids 0–2) that every SSE case starts with. */
const PREFIX =
  frame("metadata", JSON.stringify({ run_id: FAKE_RUN, attempt: 1 }), 0) +
  frame("values", JSON.stringify({ messages: [{ type: "human", content: "hi", id: "h1" }] }), 1) +
  frame("custom", JSON.stringify({ step: "before" }), 2);
const HEADERS = { "content-location": `/threads/{thread}/runs/${FAKE_RUN}` };

function sse(chunks: (string | Uint8Array)[], init: ResponseInit = {}): Response {
  return sseResponse(chunks, {
    ...init,
    headers: {
      "content-location": HEADERS["content-location"].replace("{thread}", threadId),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

/** A body that sends `text` and then fails like a dropped connection. */
function dyingBody(text: string): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      setTimeout(() => controller.error(new TypeError("terminated")), 5);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/event-stream",
      "content-location": HEADERS["content-location"].replace("{thread}", threadId),
    },
  });
}

/** Random bytes without line breaks or printable ASCII: noise no SSE field can come from. */
function binaryNoise(length: number): Uint8Array {
  const random = mulberry32(0xb1a5);
  const allowed = [
    ...Array.from({ length: 9 }, (_, i) => i),
    0x0b,
    0x0c,
    ...Array.from({ length: 0x20 - 0x0e }, (_, i) => 0x0e + i),
    ...Array.from({ length: 0x100 - 0x7f }, (_, i) => 0x7f + i),
  ];
  return Uint8Array.from({ length }, () => allowed[Math.floor(random() * allowed.length)]!);
}

const ids = (log: EventLog) => eventLogToArray(log).map((entry) => entry.event.id);
const events = (log: EventLog): StreamEvent[] => eventLogToArray(log).map((entry) => entry.event);

// ------------------------------------------------------------------------------------------

interface Outcome {
  status: string;
  connection: string;
  error: { kind: string; status?: number; message: string; name?: string } | null;
  log: EventLog;
  messages: { type: string; content: unknown }[];
  thrown: RunsClientError[];
}

interface Case {
  name: string;
  fake: Fake;
  submit?: Record<string, unknown>;
  check: (outcome: Outcome) => void;
}

/** The documented outcome of an HTTP error answer to the stream request. */
function httpCase(
  status: number,
  body: string,
  headers: Record<string, string>,
  expected: { kind: string; retryAfterMs?: number; message?: RegExp },
): Case {
  return {
    name: `HTTP ${status} ${headers["content-type"] ?? ""} → ${expected.kind}`,
    fake: { stream: () => new Response(body, { status, headers }) },
    check: (o) => {
      if (expected.kind === "busy") {
        // A busy refusal is no failed run: nothing was running here, so the session is as before.
        expect(o.status).toBe("idle");
        expect(o.error).toBeNull();
      } else {
        expect(o.status).toBe("error");
        expect(o.connection).toBe("failed");
        expect(o.error).toMatchObject({ kind: expected.kind, status });
        expect(o.error?.message).toMatch(new RegExp(`^HTTP ${status}: `));
        if (expected.message) expect(o.error?.message).toMatch(expected.message);
      }
      expect(o.thrown).toHaveLength(1);
      expect(o.thrown[0]).toMatchObject({ kind: expected.kind, status });
      if (expected.retryAfterMs !== undefined)
        expect(o.thrown[0]!.retryAfterMs).toBe(expected.retryAfterMs);
      expect(o.log.total).toBe(0);
    },
  };
}

const text = { "content-type": "text/plain; charset=utf-8" };
const json = { "content-type": "application/json" };
const html = { "content-type": "text/html" };
const GATEWAY_PAGE =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>";

const httpCases: Case[] = [
  httpCase(
    400,
    JSON.stringify({ success: false, error: { issues: [{ path: ["input"] }] } }),
    json,
    {
      kind: "validation",
    },
  ),
  httpCase(401, "Unauthorized", text, { kind: "unauthorized" }),
  httpCase(403, JSON.stringify({ detail: "Forbidden" }), json, {
    kind: "unauthorized",
    message: /Forbidden/,
  }),
  httpCase(404, `Thread with ID ${"0".repeat(8)} not found`, text, { kind: "not_found" }),
  httpCase(409, JSON.stringify({ detail: "Thread is busy" }), json, { kind: "busy" }),
  httpCase(
    422,
    "Thread is already running a task. Wait for it to finish or choose a different multitask strategy.",
    text,
    {
      kind: "busy",
    },
  ),
  httpCase(
    422,
    JSON.stringify({ detail: [{ loc: ["body", "input"], msg: "field required" }] }),
    json,
    {
      kind: "validation",
    },
  ),
  httpCase(
    429,
    "Too Many Requests",
    { ...text, "retry-after": "7" },
    {
      kind: "rate_limited",
      retryAfterMs: 7_000,
    },
  ),
  httpCase(500, "Internal Server Error", text, { kind: "server" }),
  httpCase(502, GATEWAY_PAGE, html, { kind: "server", message: /HTML page/ }),
  httpCase(
    503,
    JSON.stringify({ detail: "Service Unavailable" }),
    { ...json, "retry-after": "2" },
    {
      kind: "server",
      retryAfterMs: 2_000,
    },
  ),
];

const TEN_MB = "x".repeat(10 * 1024 * 1024);

const sseCases: Case[] = [
  {
    name: "broken JSON in a frame: kept as raw text, the stream goes on",
    fake: {
      stream: () =>
        sse([PREFIX, frame("custom", '{"broken": ', 3), frame("custom", '{"after":true}', 4)]),
    },
    check: (o) => {
      expect(o.status).toBe("success");
      expect(o.error).toBeNull();
      expect(ids(o.log)).toEqual(["0", "1", "2", "3", "4"]);
      expect(events(o.log)[3]!.data).toBe('{"broken": ');
      expect(events(o.log)[4]!.data).toEqual({ after: true });
    },
  },
  {
    name: "broken JSON in a messages event: ignored by the messages, logged",
    fake: {
      stream: () =>
        sse([
          PREFIX,
          // Deltas as the JS server sends them (type "ai" with tool_call_chunks).
          frame(
            "messages",
            '[{"content":"Hel","id":"ai1","type":"ai","tool_call_chunks":[]},{}]',
            3,
          ),
          frame("messages", '[{"content":"XX","id":"ai1","typ', 4),
          frame(
            "messages",
            '[{"content":"lo","id":"ai1","type":"ai","tool_call_chunks":[]},{}]',
            5,
          ),
        ]),
    },
    check: (o) => {
      expect(o.status).toBe("success");
      expect(ids(o.log)).toEqual(["0", "1", "2", "3", "4", "5"]);
      expect(o.messages.map((m) => [m.type, m.content])).toEqual([
        ["human", "hi"],
        ["ai", "Hello"],
      ]);
    },
  },
  {
    name: "a frame without data is not an event",
    fake: {
      stream: () => sse([PREFIX, "event: custom\nid: 3\n\n", frame("custom", '{"after":1}', 4)]),
    },
    check: (o) => {
      expect(o.status).toBe("success");
      expect(ids(o.log)).toEqual(["0", "1", "2", "4"]);
    },
  },
  {
    name: "unknown event names are logged and counted, nothing breaks",
    fake: {
      stream: () =>
        sse([
          PREFIX,
          frame("surprise", '{"x":1}', 3),
          frame("telemetry|deep|ns", '"beep"', 4),
          frame("custom", '{"after":1}', 5),
        ]),
    },
    check: (o) => {
      expect(o.status).toBe("success");
      expect(events(o.log).map((e) => e.type)).toEqual([
        "metadata",
        "values",
        "custom",
        "surprise",
        "telemetry",
        "custom",
      ]);
      expect(events(o.log)[4]!.ns).toEqual(["deep", "ns"]);
    },
  },
  {
    name: "a 10 MB data line arrives whole",
    fake: {
      stream: () => {
        const big = frame("custom", JSON.stringify({ blob: TEN_MB }), 3);
        // Delivered in 64 KiB pieces, as a network would.
        const pieces: string[] = [PREFIX];
        for (let at = 0; at < big.length; at += 65_536) pieces.push(big.slice(at, at + 65_536));
        return sse([...pieces, frame("custom", '{"after":1}', 4)]);
      },
    },
    check: (o) => {
      expect(o.status).toBe("success");
      // It arrived whole and was logged; the log's 8 MiB byte cap then let it go (counted).
      expect(ids(o.log)).toEqual(["4"]);
      expect(o.log.dropped).toBe(4);
      expect(o.log.droppedBytes).toBeGreaterThan(TEN_MB.length);
    },
  },
  {
    name: "binary bytes between frames are skipped",
    fake: {
      stream: () =>
        sse([
          PREFIX,
          binaryNoise(4096),
          "\n\n",
          binaryNoise(17),
          "\n\n",
          frame("custom", '{"after":1}', 3),
        ]),
    },
    check: (o) => {
      expect(o.status).toBe("success");
      expect(ids(o.log)).toEqual(["0", "1", "2", "3"]);
    },
  },
  {
    name: "CRLF line endings parse like LF",
    fake: {
      stream: () => sse([(PREFIX + frame("custom", '{"after":1}', 3)).replace(/\n/g, "\r\n")]),
    },
    check: (o) => {
      expect(o.status).toBe("success");
      expect(ids(o.log)).toEqual(["0", "1", "2", "3"]);
    },
  },
  {
    name: "an HTML error page with status 200 → server error (status 200)",
    fake: { stream: () => new Response(GATEWAY_PAGE, { status: 200, headers: html }) },
    check: (o) => {
      expect(o.status).toBe("error");
      expect(o.connection).toBe("failed");
      expect(o.error).toMatchObject({ kind: "server", status: 200 });
      expect(o.error?.message).toBe(
        "Expected response header Content-Type to contain 'text/event-stream', got 'text/html'",
      );
      expect(o.log.total).toBe(0);
    },
  },
  {
    name: "a wrong content type (JSON with status 200) → server error (status 200)",
    fake: { stream: () => Response.json({ ok: true }) },
    check: (o) => {
      expect(o.error).toMatchObject({ kind: "server", status: 200 });
      expect(o.error?.message).toMatch(/application\/json/);
      expect(o.connection).toBe("failed");
    },
  },
  {
    name: "an error event mid-stream → stream error, events before it kept",
    fake: {
      stream: () =>
        sse([PREFIX, frame("error", JSON.stringify({ error: "ValueError", message: "boom" }), 3)]),
    },
    check: (o) => {
      expect(o.status).toBe("error");
      expect(o.connection).toBe("closed");
      expect(o.error).toMatchObject({ kind: "stream", name: "ValueError" });
      expect(o.error?.message).toContain("boom");
      expect(ids(o.log)).toEqual(["0", "1", "2", "3"]);
      expect(o.messages.map((m) => m.content)).toEqual(["hi"]);
    },
  },
  {
    name: "the connection dies mid-stream and the re-join answers 404 → not_found, events kept",
    fake: { stream: () => dyingBody(PREFIX) },
    submit: { reconnectBaseDelayMs: 5 },
    check: (o) => {
      expect(o.status).toBe("error");
      expect(o.connection).toBe("failed");
      expect(o.error).toMatchObject({ kind: "not_found", status: 404 });
      expect(ids(o.log)).toEqual(["0", "1", "2"]);
    },
  },
  {
    name: "the connection dies and the re-join says 'Run not found' in-band (JS server) → not_found",
    fake: {
      stream: () => dyingBody(PREFIX),
      rejoin: () => sse(['event: error\ndata: "Run not found"\n\n']),
    },
    submit: { reconnectBaseDelayMs: 5 },
    check: (o) => {
      expect(o.status).toBe("error");
      expect(o.connection).toBe("failed");
      expect(o.error?.kind).toBe("not_found");
      expect(o.error?.message).toContain("Run not found");
      // The refusal is not an event of the run.
      expect(ids(o.log)).toEqual(["0", "1", "2"]);
    },
  },
  {
    name: "the connection dies and every re-join gets a 502 page → network error after the attempts",
    fake: {
      stream: () => dyingBody(PREFIX),
      rejoin: () => new Response(GATEWAY_PAGE, { status: 502, headers: html }),
      runStatus: "running",
    },
    submit: { reconnectBaseDelayMs: 5, maxReconnectAttempts: 2 },
    check: (o) => {
      expect(o.status).toBe("error");
      expect(o.connection).toBe("failed");
      expect(o.error?.kind).toBe("network");
      expect(o.error?.message).toContain("gave up after 2 attempts");
      expect(ids(o.log)).toEqual(["0", "1", "2"]);
    },
  },
];

describe("bad input through useRunStream, then a real run in the same hook", () => {
  const h = harness({ fetch: fakeAwareFetch });

  it.each([...sseCases, ...httpCases])("(fake fetch: $name)", async (testCase) => {
    const thrown: RunsClientError[] = [];
    const { result, unmount } = renderHook(
      () =>
        useProbe({
          assistantId: "agent",
          threadId,
          loadThreadState: false,
          onError: (e) => thrown.push(e),
        }),
      { wrapper: h.wrapper },
    );
    const before = result.current.events.total;
    fake = testCase.fake;
    try {
      await act(() => result.current.submit(human("bad input"), testCase.submit));
    } finally {
      fake = undefined;
    }
    const current = result.current;
    // Only this run's events (the thread's history loaded on mount is not in the log).
    expect(before).toBe(0);
    testCase.check({
      status: current.status,
      connection: current.connection.state,
      error: current.error,
      log: current.events,
      messages: current.messages,
      thrown,
    });
    expect(current.isRunning).toBe(false);
    figures.casesTried += 1;
    figures.eventsChecked += current.events.total;

    // The same hook, the real server: works.
    await act(() => result.current.submit(human(`after: ${testCase.name.slice(0, 40)}`)));
    expect(result.current.error).toBeNull();
    expect(result.current.status).toBe("success");
    expect(result.current.connection.state).toBe("closed");
    expect(result.current.messages.at(-1)?.content).toBe(
      `You said: after: ${testCase.name.slice(0, 40)}`,
    );
    unmount();
  });
});
