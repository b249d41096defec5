// @vitest-environment jsdom
/**
 * Security: ids cannot reach another route, the API key never leaks (errors, event log,
 * transcripts, committed fixtures/stories/screenshots), another origin named by `Location` or a
 * redirect is never followed with credentials, and markup in content renders as inert text in
 * every component.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { act, renderHook } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  createClient,
  isRunsClientError,
  RunsClientError,
  type LangGraphRunsClient,
} from "../../src/client";
import { eventLogToArray } from "../../src/store/EventLog";
import { recordTranscript } from "../../src/testing";
import { agentServerUrl, collect } from "../support/agentServer";
import { startFaultProxy, type FaultProxy } from "../support/faultProxy";
import { fakeFetch, sseResponse } from "../support/recordingFetch";
import { harness, human, newFigures, reportFigures, useProbe } from "./support";

const figures = newFigures();
afterAll(() => reportFigures("security", figures));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const direct = createClient({ apiUrl: agentServerUrl() });
/** A credential-shaped test key: every leak check looks for it (and for its prefix). */
const API_KEY = "lgrr-test-key-6f1c9a2e7b3d4c5e-SECRET";
const BEARER = "lgrr-test-bearer-0d9e8f7a6b5c4d3e";
let proxy: FaultProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** Everything an error carries, as text: message, body, cause chain, own fields. */
function everything(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      parts.push(current.message, current.stack ?? "");
      try {
        parts.push(JSON.stringify(current));
      } catch {
        parts.push(String(current));
      }
      if (isRunsClientError(current)) parts.push(JSON.stringify(current.body ?? null));
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(typeof current === "string" ? current : JSON.stringify(current));
      break;
    }
  }
  return parts.join("\n");
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

// ------------------------------------------------------------------------------------------

describe("ids are encoded and cannot reach another route (fault proxy request log)", () => {
  const NASTY = [
    "a/b",
    "../../threads",
    "a/../b",
    "./x",
    "x?limit=1000&status=success",
    "x#fragment",
    "with space",
    "%2F..%2F",
    "back\\slash",
    "ü/ß?#",
    "/",
    "?",
    "#",
  ];
  /** The query keys the client itself sends; anything else came from an id. */
  const OUR_QUERY_KEYS = new Set([
    "limit",
    "offset",
    "status",
    "select",
    "wait",
    "action",
    "cancel_on_disconnect",
    "stream_mode",
    "subgraphs",
  ]);

  function calls(client: LangGraphRunsClient, id: string) {
    return {
      [`/threads/${enc(id)}`]: () => client.threads.get(id),
      [`/threads/${enc(id)}/state`]: () => client.threads.getState(id),
      [`/threads/${enc(id)}/history`]: () => client.threads.getHistory(id),
      [`/threads/${enc(id)}/state/${enc(id)}`]: () => client.threads.getState(id, id),
      [`/threads/${enc(id)}/runs`]: () => client.runs.list(id),
      [`/threads/${enc(id)}/runs/${enc(id)}`]: () => client.runs.get(id, id),
      [`/threads/${enc(id)}/runs/${enc(id)}/cancel`]: () => client.runs.cancel(id, id),
      [`/threads/${enc(id)}/runs/${enc(id)}/join`]: () => client.runs.join(id, id),
      [`/threads/${enc(id)}/runs/${enc(id)}/stream`]: () => collect(client.runs.joinStream(id, id)),
      [`/threads/${enc(id)}/runs/stream`]: () =>
        collect(client.runs.stream(id, "agent", { input: human("x") })),
      [`/threads/${enc(id)}/runs/wait`]: () => client.runs.wait(id, "agent", { input: human("x") }),
      [`DELETE /threads/${enc(id)}/runs/${enc(id)}`]: () => client.runs.delete(id, id),
    };
  }
  const enc = encodeURIComponent;

  it("every call with a hostile thread/run/checkpoint id reaches exactly its own route", async () => {
    proxy = await startFaultProxy(agentServerUrl(), () => undefined);
    const client = createClient({ apiUrl: proxy.url, maxRetries: 0 });
    let tried = 0;
    for (const id of NASTY) {
      for (const [expected, call] of Object.entries(calls(client, id))) {
        const before = proxy.requests.length;
        const error = await caught(call());
        tried += 1;
        // The server never knows such an id: it answers 400 (not a uuid) or 404.
        expect(error, `${expected} with ${JSON.stringify(id)}`).toBeInstanceOf(RunsClientError);
        expect(["validation", "not_found"]).toContain((error as RunsClientError).kind);
        const sent = proxy.requests.slice(before);
        expect(sent, expected).toHaveLength(1);
        const [pathname, query = ""] = sent[0]!.url.split("?");
        const route = expected.replace(/^DELETE /, "");
        expect(pathname, `${expected} with ${JSON.stringify(id)}`).toBe(route);
        for (const key of new URLSearchParams(query).keys()) expect(OUR_QUERY_KEYS).toContain(key);
      }
    }
    figures.casesTried += tried;
  });

  it.each([".", ".."])(
    "the id %j is refused before any request (URL parsing would fold it away)",
    async (id) => {
      proxy = await startFaultProxy(agentServerUrl(), () => undefined);
      const client = createClient({ apiUrl: proxy.url, maxRetries: 0 });
      for (const [expected, call] of Object.entries(calls(client, id))) {
        const error = await caught(call());
        expect(error, expected).toMatchObject({ kind: "validation" });
      }
      // A checkpoint id is a path segment too.
      const threadId = (await direct.threads.create()).thread_id;
      expect(await caught(client.threads.getState(threadId, id))).toMatchObject({
        kind: "validation",
      });
      expect(proxy.requests.filter((r) => !r.url.startsWith("/threads/" + threadId))).toEqual([]);
      expect(proxy.requests).toHaveLength(0);
      figures.casesTried += 12;
    },
  );

  it("through useRunStream: a hostile threadId stays one encoded segment, '..' fails typed without a request", async () => {
    proxy = await startFaultProxy(agentServerUrl(), () => undefined);
    const h = harness({ apiUrl: proxy.url, maxRetries: 0 });
    const { result, unmount } = renderHook(
      () => useProbe({ assistantId: "agent", threadId: "../../threads?limit=1#x" }),
      { wrapper: h.wrapper },
    );
    await act(() => result.current.submit(human("hi")));
    expect(result.current.status).toBe("error");
    expect(result.current.error?.kind).toBe("validation");
    const paths = proxy.requests.map((r) => `${r.method} ${r.url}`);
    expect(paths).toContain(`POST /threads/${enc("../../threads?limit=1#x")}/runs/stream`);
    for (const p of paths)
      expect(p).toMatch(/^\w+ \/threads\/\.\.%2F\.\.%2Fthreads%3Flimit%3D1%23x(\/|$)/);
    unmount();

    const before = proxy.requests.length;
    const dots = renderHook(() => useProbe({ assistantId: "agent", threadId: ".." }), {
      wrapper: h.wrapper,
    });
    await act(() => dots.result.current.submit(human("hi")));
    expect(dots.result.current.status).toBe("error");
    expect(dots.result.current.error?.kind).toBe("validation");
    expect(proxy.requests.slice(before)).toEqual([]);
    dots.unmount();
    figures.casesTried += 2;
  });
});

// ------------------------------------------------------------------------------------------

describe("the API key never appears in errors, the event log or transcripts", () => {
  it("a network error (nothing listens) does not show the key", async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = createClient({
      apiUrl: `http://127.0.0.1:${port}`,
      apiKey: API_KEY,
      maxRetries: 0,
    });
    const error = await caught(client.runs.get("t", "r"));
    expect(error).toMatchObject({ kind: "network" });
    expect(everything(error)).not.toContain(API_KEY);
    figures.casesTried += 1;
  });

  const echoes: {
    name: string;
    respond: () => Response;
    call: (c: LangGraphRunsClient) => Promise<unknown>;
  }[] = [
    {
      name: "401 text body echoing the key",
      respond: () => new Response(`Invalid API key: ${API_KEY}`, { status: 401 }),
      call: (c) => c.runs.get("t", "r"),
    },
    {
      name: "401 JSON body with the key in a second field",
      respond: () =>
        Response.json({ detail: "Unauthorized", received_key: API_KEY }, { status: 401 }),
      call: (c) => c.runs.get("t", "r"),
    },
    {
      name: "403 JSON body with the key nested",
      respond: () =>
        Response.json(
          { detail: { reason: "bad key", headers: { "x-api-key": API_KEY } } },
          { status: 403 },
        ),
      call: (c) => c.runs.list("t"),
    },
    {
      name: "200 that is not JSON, echoing the key",
      respond: () => new Response(`<html>${API_KEY}</html>`, { status: 200 }),
      call: (c) => c.runs.get("t", "r"),
    },
    {
      name: "an SSE error event echoing the key",
      respond: () =>
        sseResponse([
          `event: metadata\ndata: {"run_id":"r1"}\nid: 0\n\n`,
          `event: error\ndata: ${JSON.stringify({ error: "AuthError", message: `key ${API_KEY} is revoked` })}\nid: 1\n\n`,
        ]),
      // raiseError: the strict option, so the error is thrown and its text can be checked.
      call: (c) => collect(c.runs.stream("t", "agent", { input: human("x"), raiseError: true })),
    },
    {
      name: "wait's __error__ echoing the key",
      respond: () =>
        Response.json({ __error__: { error: "AuthError", message: `key ${API_KEY} is revoked` } }),
      call: (c) => c.runs.wait("t", "agent", { input: human("x") }),
    },
    {
      name: "an HTML page instead of an event stream, echoing the key",
      respond: () =>
        new Response(`<p>${API_KEY}</p>`, {
          status: 200,
          headers: { "content-type": "text/html" },
        }),
      call: (c) => collect(c.runs.stream("t", "agent", { input: human("x") })),
    },
  ];

  it.each(echoes)(
    "(fake fetch: $name) → the error does not hold the key",
    async ({ respond, call }) => {
      const fake = fakeFetch(() => respond());
      const client = createClient({
        apiUrl: "http://fake.local",
        apiKey: API_KEY,
        fetch: fake.fetch,
        maxRetries: 0,
      });
      const error = await caught(call(client));
      expect(isRunsClientError(error)).toBe(true);
      expect(everything(error)).not.toContain(API_KEY);
      // The key was sent (so the check is not vacuous).
      expect(fake.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
      figures.casesTried += 1;
    },
  );

  it("(fake fetch: an error event echoing the key) → neither the session error nor the event log holds it", async () => {
    const fake = fakeFetch((url) =>
      url.pathname.endsWith("/runs/stream")
        ? sseResponse([
            `event: metadata\ndata: {"run_id":"r1"}\n\n`,
            `event: error\ndata: ${JSON.stringify({ error: "AuthError", message: `key ${API_KEY} is revoked` })}\n\n`,
          ])
        : new Response("not found", { status: 404 }),
    );
    const errors: unknown[] = [];
    const h = harness({ apiUrl: "http://fake.local", apiKey: API_KEY, fetch: fake.fetch });
    const { result, unmount } = renderHook(
      () =>
        useProbe({
          assistantId: "agent",
          threadId: "t",
          loadThreadState: false,
          onError: (e) => errors.push(e),
        }),
      { wrapper: h.wrapper },
    );
    await act(() => result.current.submit(human("x")));
    expect(result.current.status).toBe("error");
    expect(result.current.error?.kind).toBe("stream");
    expect(JSON.stringify(result.current.error)).not.toContain(API_KEY);
    expect(JSON.stringify(eventLogToArray(result.current.events))).not.toContain(API_KEY);
    expect(errors.map(everything).join("\n")).not.toContain(API_KEY);
    expect(result.current.error?.message).toContain("revoked");
    figures.casesTried += 1;
    unmount();
  });

  it("a real run with an API key: the server's events, the session and the errors never hold it", async () => {
    const h = harness({ apiKey: API_KEY, defaultHeaders: { authorization: `Bearer ${BEARER}` } });
    const threadId = (await direct.threads.create()).thread_id;
    const { result, unmount } = renderHook(() => useProbe({ assistantId: "agent", threadId }), {
      wrapper: h.wrapper,
    });
    await act(() =>
      result.current.submit(human("/tools"), {
        streamMode: ["values", "messages-tuple", "updates", "custom", "debug", "tasks"],
      }),
    );
    expect(result.current.status).toBe("success");
    await act(() => result.current.submit(human("/error")));
    expect(result.current.status).toBe("error");
    const session = result.current.store.getSession(result.current.id);
    const text = JSON.stringify(session);
    expect(text.length).toBeGreaterThan(1000);
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(BEARER);
    const runs = await h.client.runs.list(threadId);
    expect(JSON.stringify(runs)).not.toContain(API_KEY);
    figures.casesTried += 1;
    unmount();
  });

  it("recordTranscript strips the key and credential headers, even when the stream echoes the key", async () => {
    const threadId = (await direct.threads.create()).thread_id;
    const transcript = await recordTranscript({
      apiUrl: agentServerUrl(),
      apiKey: API_KEY,
      headers: { authorization: `Bearer ${BEARER}` },
      threadId,
      assistantId: "agent",
      // The demo graph answers "You said: <text>": the key comes back in the stream.
      payload: {
        input: human(`my key is ${API_KEY}`),
        streamMode: ["messages-tuple", "values"],
        metadata: { api_key: API_KEY },
        extraFields: { "x-api-key": API_KEY },
      },
      name: `transcript ${API_KEY}`,
    });
    const text = JSON.stringify(transcript);
    expect(transcript.response.status).toBe(200);
    expect(transcript.frames.map((f) => f.text).join("")).toContain(
      "You said: my key is [redacted]",
    );
    expect(text).toContain("[redacted]");
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(BEARER);
    expect(text).not.toContain("lgrr-test-");
    figures.casesTried += 1;
  });

  it("committed fixtures, stories and screenshots hold no key (text files, known key patterns)", () => {
    const PATTERNS: [string, RegExp][] = [
      ["this suite's test key", /lgrr-test-(key|bearer)-/],
      ["LangSmith key", /lsv2_(pt|sk)_[0-9a-f]{20,}/i],
      ["OpenAI-style key", /\bsk-(proj-)?[A-Za-z0-9]{24,}/],
      [
        "x-api-key header value",
        /x-api-key["']?\s*[:=]\s*["']?(?!\[redacted\])[A-Za-z0-9_-]{12,}/i,
      ],
      ["bearer token", /\bBearer\s+(?!\[redacted\])[A-Za-z0-9._~+/-]{24,}/],
    ];
    const TEXT = /\.(json|ts|tsx|js|mjs|md|mdx|txt|html|svg|css|yml|yaml)$/;
    const dirs = ["test/fixtures", "stories", "docs/screenshots"];
    const scanned: string[] = [];
    const missing: string[] = [];
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (TEXT.test(entry.name)) {
          const content = fs.readFileSync(full, "utf8");
          scanned.push(path.relative(root, full));
          for (const [label, pattern] of PATTERNS) {
            const match = pattern.exec(content);
            if (match)
              hits.push(`${path.relative(root, full)}: ${label}: ${match[0].slice(0, 24)}…`);
          }
        } else if (/\.(png|jpe?g|webp)$/.test(entry.name)) {
          // Screenshots are images: their text is not searchable here; their names are.
          scanned.push(path.relative(root, full));
          if (PATTERNS.some(([, p]) => p.test(entry.name))) hits.push(full);
        }
      }
    };
    for (const dir of dirs) {
      const full = path.join(root, dir);
      if (fs.existsSync(full)) walk(full);
      else missing.push(dir);
    }
    expect(hits).toEqual([]);
    expect(scanned.length).toBeGreaterThan(10);
    figures.casesTried += scanned.length;
    figures.notes.push(
      `key scan: ${scanned.length} files in ${dirs.filter((d) => !missing.includes(d)).join(", ")}${missing.length ? ` (absent: ${missing.join(", ")})` : ""}`,
    );
  });
});

// ------------------------------------------------------------------------------------------

describe("another origin is never followed", () => {
  it("(fake fetch: Location and Content-Location naming another origin) are ignored; every request stays on the API origin", async () => {
    let streams = 0;
    const fake = fakeFetch((url) => {
      if (url.pathname.endsWith("/stream")) {
        streams += 1;
        const body =
          streams === 1
            ? // the first connection drops after one event: the re-join must use the real run id
              [
                `event: metadata\ndata: {"run_id":"good-run","attempt":1}\nid: 0\n\n`,
                `event: custom\ndata: 1\nid: 1\n`,
              ]
            : [`event: custom\ndata: 2\nid: 2\n\n`];
        return sseResponse(body, {
          headers: {
            location: "https://evil.example/threads/evil-thread/runs/evil-run/stream",
            "content-location": "https://evil.example/threads/evil-thread/runs/evil-run",
          },
        });
      }
      if (url.pathname === "/threads/t/runs/good-run")
        return Response.json({ run_id: "good-run", status: streams === 1 ? "running" : "success" });
      return new Response("nope", { status: 404 });
    });
    const client = createClient({ apiUrl: "http://api.local", apiKey: API_KEY, fetch: fake.fetch });
    const created: unknown[] = [];
    const parts = await collect(
      client.runs.stream("t", "agent", {
        input: human("x"),
        streamResumable: true,
        reconnectBaseDelayMs: 1,
        onRunCreated: (meta) => created.push(meta),
      }),
    );
    expect(created).toEqual([{ run_id: "good-run", thread_id: "t" }]);
    expect(parts.map((p) => p.data)).toEqual([{ run_id: "good-run", attempt: 1 }, 2]);
    expect(fake.requests.every((r) => r.url.origin === "http://api.local")).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.url.pathname}`)).toContain(
      "GET /threads/t/runs/good-run/stream",
    );
    figures.casesTried += 1;
  });

  it("(fake fetch: a 307 to another origin) is an error, not followed", async () => {
    const fake = fakeFetch(
      () => new Response(null, { status: 307, headers: { location: "https://evil.example/runs" } }),
    );
    const client = createClient({
      apiUrl: "http://api.local",
      apiKey: API_KEY,
      fetch: fake.fetch,
      maxRetries: 0,
    });
    const error = await caught(client.runs.get("t", "r"));
    expect(isRunsClientError(error)).toBe(true);
    expect(fake.requests).toHaveLength(1);
    expect(everything(error)).not.toContain(API_KEY);
    figures.casesTried += 1;
  });

  it("a real redirect (307) is not followed: another origin never receives the API key (real fetch, loopback)", async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const evil = http.createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ run_id: "evil", status: "success" }));
    });
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    const evilPort = (evil.address() as AddressInfo).port;
    let sameOriginHops = 0;
    const api = http.createServer((req, res) => {
      if (req.url?.startsWith("/hop")) {
        sameOriginHops += 1;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            run_id: "r",
            status: "success",
            key: req.headers["x-api-key"] === API_KEY,
          }),
        );
        return;
      }
      const target = req.url?.includes("same-origin")
        ? "/hop"
        : `http://localhost:${evilPort}/threads/t/runs/r`;
      res.writeHead(307, { location: target });
      res.end();
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    try {
      const client = createClient({ apiUrl, apiKey: API_KEY, maxRetries: 0 });
      const error = await caught(client.runs.get("t", "r"));
      expect(seen).toEqual([]);
      expect(error).toMatchObject({ kind: "server", status: 307 });
      expect((error as Error).message).toMatch(/redirected \(307\); redirects are not followed/);
      expect(everything(error)).not.toContain(API_KEY);
      // The client follows no redirect at all (the Runs API has none): a typed error that says so.
      const same = await caught(client.runs.get("same-origin", "r"));
      expect(same).toMatchObject({ kind: "server", status: 307 });
      expect((same as Error).message).toMatch(/not followed/);
      expect(sameOriginHops).toBe(0);
      // Streams too.
      const stream = await caught(collect(client.runs.stream("t", "agent", { input: human("x") })));
      expect(stream).toMatchObject({ kind: "server", status: 307 });
      expect(seen).toEqual([]);
      figures.casesTried += 3;
    } finally {
      await new Promise<void>((resolve) => evil.close(() => resolve()));
      await new Promise<void>((resolve) => api.close(() => resolve()));
    }
  });
});
