/**
 * The Next.js recipe's proxy (examples/nextjs/lib/proxyRoute.ts, shown verbatim in
 * docs/nextjs.md) run directly with `Request` objects against the real Agent Server, and in
 * Chromium over HTTP: only the calls the kit makes are forwarded, only for a signed-in user who
 * owns the thread, never for another site, and its errors leak no address or credential.
 *
 * The handler talks to a recording pass-through in front of the test's Agent Server, so "refused
 * by the proxy" is told apart from "forwarded, then refused by the server".
 */
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../devserver/startAgentServer.mjs";
import { createProxyRoute, type Session } from "../../examples/nextjs/lib/proxyRoute";
import { chromiumArgs, chromiumPath } from "../../scripts/chromium.mjs";
import { agentServerUrl, human } from "../support/agentServer";
import { agentServerRoutes, concretePath } from "./support/agentServerRoutes";
import {
  attemptCrossOrigin,
  readableResults,
  serveForeignPage,
  type ForeignOrigin,
} from "./support/crossOriginAttacks";
import { startRecordingUpstream, type RecordingUpstream } from "./support/recordingUpstream";
import { serveFetchHandler, type ServedHandler } from "./support/serveFetchHandler";

const APP = "http://app.example";
const PREFIX = "/api/langgraph";
const API_KEY = "lsv2_sk_NEXTJS_TEST_KEY_0123456789";
const RUN_ID = "00000000-0000-4000-8000-0000000000bb";

/** Every call the kit's client makes that the recipe forwards (src/client). */
const KIT_ROUTES = [
  "POST /threads",
  "GET /threads/:thread_id",
  "GET /threads/:thread_id/state",
  "GET /threads/:thread_id/state/:checkpoint_id",
  "POST /threads/:thread_id/history",
  "GET /threads/:thread_id/runs",
  "POST /threads/:thread_id/runs",
  "POST /threads/:thread_id/runs/stream",
  "POST /threads/:thread_id/runs/wait",
  "GET /threads/:thread_id/runs/:run_id",
  "DELETE /threads/:thread_id/runs/:run_id",
  "POST /threads/:thread_id/runs/:run_id/cancel",
  "GET /threads/:thread_id/runs/:run_id/join",
  "GET /threads/:thread_id/runs/:run_id/stream",
  "POST /runs",
  "POST /runs/stream",
  "POST /runs/wait",
  "POST /runs/batch",
];

let upstream: RecordingUpstream;
let proxy: (request: Request) => Promise<Response>;

/** The test's sessions: the `x-test-user` header names the signed-in user. */
async function getSession(request: Request): Promise<Session | null> {
  const user = request.headers.get("x-test-user");
  return user ? { userId: user } : null;
}

beforeAll(async () => {
  upstream = await startRecordingUpstream(agentServerUrl());
  proxy = createProxyRoute({ apiUrl: upstream.url, apiKey: API_KEY, prefix: PREFIX, getSession });
});

afterAll(async () => {
  await upstream?.close();
});

interface CallOptions {
  user?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A same-origin call from the app's page, as the kit's client makes it. */
function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const { user = "ada", headers = {}, body } = options;
  const hasBody = method === "POST" || method === "PUT" || method === "PATCH";
  return proxy(
    new Request(`${APP}${PREFIX}${path}`, {
      method,
      headers: {
        "x-lgr-proxy": "1",
        "sec-fetch-site": "same-origin",
        ...(user ? { "x-test-user": user } : {}),
        ...(hasBody ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: hasBody ? JSON.stringify(body ?? {}) : undefined,
    }),
  );
}

async function newThread(user: string, metadata: Record<string, unknown> = {}) {
  const response = await call("POST", "/threads", { user, body: { metadata } });
  expect(response.status).toBe(200);
  return (await response.json()) as { thread_id: string; metadata: Record<string, unknown> };
}

/** What reached the Agent Server since `index`, as "METHOD /path". */
const forwardedSince = (index: number) =>
  upstream.requests.slice(index).map((r) => `${r.method} ${r.url}`);

describe("the Next.js proxy forwards exactly the calls the kit makes", () => {
  it("walks every Agent Server route: the kit's are forwarded, every other one is refused here", async () => {
    const routes = agentServerRoutes().map((r) => `${r.method} ${r.pattern}`);
    routes.push("POST /runs/cancel"); // the kit's cancelMany (a Python-server route)
    expect(routes.length).toBeGreaterThan(50);
    for (const used of KIT_ROUTES) expect(routes).toContain(used);
    const { thread_id: threadId } = await newThread("ada");

    const wrong: string[] = [];
    for (const route of routes) {
      const [method, pattern] = route.split(" ") as [string, string];
      const path = concretePath(pattern, { threadId, runId: RUN_ID });
      const before = upstream.requests.length;
      const response = await call(method, path);
      await response.body?.cancel();
      const forwarded = forwardedSince(before).includes(`${method} ${path}`);
      if (KIT_ROUTES.includes(route)) {
        if (!forwarded) wrong.push(`${route}: not forwarded (${response.status})`);
      } else if (forwardedSince(before).length > 0 || ![403, 404].includes(response.status)) {
        wrong.push(`${route}: ${forwarded ? "forwarded" : "not refused"} (${response.status})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("streams a run on the user's own thread", async () => {
    const { thread_id: threadId } = await newThread("ada");
    const response = await call("POST", `/threads/${threadId}/runs/stream`, {
      body: { assistant_id: "agent", input: human("hello proxy"), stream_mode: ["values"] },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("content-location")).toContain(`/threads/${threadId}/runs/`);
    expect(await response.text()).toContain("You said: hello proxy");
  });
});

describe("the Next.js proxy leaves authentication and ownership to the app, in code", () => {
  it("answers 401 without a session and forwards nothing", async () => {
    const before = upstream.requests.length;
    const response = await call("POST", "/threads", { user: null });
    expect(response.status).toBe(401);
    expect(forwardedSince(before)).toEqual([]);
  });

  it("stamps a new thread with its owner, whatever the browser sends", async () => {
    const victim = await newThread("grace");
    const response = await call("POST", "/threads", {
      user: "ada",
      body: {
        thread_id: victim.thread_id,
        if_exists: "do_nothing",
        metadata: { owner: "grace", topic: "kept" },
      },
    });
    const thread = (await response.json()) as { thread_id: string; metadata: object };
    expect(thread.thread_id).not.toBe(victim.thread_id);
    expect(thread.metadata).toMatchObject({ owner: "ada", topic: "kept" });
  });

  it("refuses every thread route on someone else's thread, before forwarding it", async () => {
    const { thread_id: theirs } = await newThread("grace", { secret: "grace-only" });
    const before = upstream.requests.length;
    const attempts: [string, string, unknown?][] = [
      ["GET", `/threads/${theirs}`],
      ["GET", `/threads/${theirs}/state`],
      ["GET", `/threads/${theirs}/runs`],
      ["POST", `/threads/${theirs}/runs/stream`, { assistant_id: "agent", input: human("hi") }],
      ["POST", `/threads/${theirs}/runs`, { assistant_id: "agent", input: human("hi") }],
      ["POST", `/threads/${theirs}/runs/${RUN_ID}/cancel`],
      ["DELETE", `/threads/${theirs}/runs/${RUN_ID}`],
      ["GET", `/threads/${theirs}/runs/${RUN_ID}/stream`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(method, path, { user: "ada", body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.text()).not.toContain("grace-only");
    }
    // Only the ownership look-ups reached the server.
    expect(new Set(forwardedSince(before))).toEqual(new Set([`GET /threads/${theirs}`]));
  });

  it("refuses a run that would report to a webhook", async () => {
    const { thread_id: threadId } = await newThread("ada");
    const before = upstream.requests.length;
    const single = await call("POST", `/threads/${threadId}/runs`, {
      body: { assistant_id: "agent", input: human("hi"), webhook: "http://127.0.0.1:9/hook" },
    });
    const batch = await call("POST", "/runs/batch", {
      body: [{ assistant_id: "agent", input: human("hi"), webhook: "http://127.0.0.1:9/hook" }],
    });
    expect([single.status, batch.status]).toEqual([400, 400]);
    expect(forwardedSince(before).filter((r) => !r.startsWith("GET /threads/"))).toEqual([]);
  });
});

describe("the Next.js proxy refuses other sites", () => {
  it("refuses a request without the proxy header, from another origin, cross-site, and preflights", async () => {
    const { thread_id: threadId } = await newThread("ada");
    const before = upstream.requests.length;
    const path = `/threads/${threadId}/state`;
    const refusals = await Promise.all([
      call("GET", path, { headers: { "x-lgr-proxy": "" } }),
      call("GET", path, { headers: { origin: "http://127.0.0.2:4444" } }),
      call("GET", path, { headers: { "sec-fetch-site": "cross-site" } }),
      call("GET", path, { headers: { "sec-fetch-site": "same-site" } }),
      call("POST", `/threads/${threadId}/runs`, { headers: { origin: "null" } }),
      call("OPTIONS", path, { headers: { origin: "http://127.0.0.2:4444" } }),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    for (const response of refusals) {
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect(forwardedSince(before)).toEqual([]);
  });

  it("forwards the app's own page when request.url names another host (next start: localhost)", async () => {
    // `next start -H 127.0.0.1` hands route handlers http://localhost:PORT/… while the browser
    // sent Host: 127.0.0.1:PORT and Origin: http://127.0.0.1:PORT.
    const asNextStart = (origin: string, headers: Record<string, string> = {}) =>
      proxy(
        new Request(`http://localhost:3000${PREFIX}/threads`, {
          method: "POST",
          headers: {
            host: "127.0.0.1:3000",
            origin,
            "sec-fetch-site": "same-origin",
            "x-lgr-proxy": "1",
            "x-test-user": "ada",
            "content-type": "application/json",
            ...headers,
          },
          body: "{}",
        }),
      );
    const own = await asNextStart("http://127.0.0.1:3000");
    expect(own.status).toBe(200);
    const behindProxy = await asNextStart("https://app.example", {
      "x-forwarded-host": "app.example",
    });
    expect(behindProxy.status).toBe(200);
    const before = upstream.requests.length;
    const refusals = await Promise.all([
      asNextStart("http://localhost:3000"),
      asNextStart("http://127.0.0.2:3000"),
      asNextStart("null"),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403]);
    expect(forwardedSince(before)).toEqual([]);
  });

  describe("in Chromium, served over HTTP", () => {
    let browser: Browser;
    let app: ServedHandler;
    let foreign: ForeignOrigin[];
    beforeAll(async () => {
      [browser, app, foreign] = await Promise.all([
        chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs }),
        serveFetchHandler(
          proxy,
          (url) => url.pathname.startsWith(`${PREFIX}/`),
          "<!doctype html><title>app</title>",
        ),
        Promise.all([serveForeignPage("127.0.0.2"), serveForeignPage("127.0.0.1")]),
      ]);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await app?.close();
      await Promise.all((foreign ?? []).map((origin) => origin.close()));
    });

    it.each([
      ["another site (127.0.0.2)", 0],
      ["another origin on the same site (127.0.0.1, another port)", 1],
    ])("a page on %s reads nothing and reaches nothing", async (_label, index) => {
      // The session is the app's: here every request counts as signed in, the worst case.
      const signedIn = createProxyRoute({
        apiUrl: upstream.url,
        apiKey: API_KEY,
        prefix: PREFIX,
        getSession: async () => ({ userId: "ada" }),
      });
      const served = await serveFetchHandler(signedIn, () => true, "");
      const { thread_id: threadId } = await newThread("ada", { secret: "ada-only" });
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(foreign[index]!.origin);
        const before = upstream.requests.length;
        const results = await attemptCrossOrigin(
          page,
          `${served.origin}${PREFIX}`,
          threadId,
          "x-lgr-proxy",
        );
        expect(results).toHaveLength(11);
        expect(readableResults(results, ["ada-only", threadId, "thread_id"])).toEqual([]);
        expect(forwardedSince(before)).toEqual([]);
      } finally {
        await context.close();
        await served.close();
      }
    });

    it("the app's own page creates a thread and reads its state through it", async () => {
      const context = await browser.newContext({ extraHTTPHeaders: { "x-test-user": "ada" } });
      try {
        const page = await context.newPage();
        await page.goto(app.origin);
        const result = await page.evaluate(async (api) => {
          const headers = { "x-lgr-proxy": "1", "content-type": "application/json" };
          const created = await fetch(`${api}/threads`, { method: "POST", headers, body: "{}" });
          const thread = (await created.json()) as { thread_id: string };
          const state = await fetch(`${api}/threads/${thread.thread_id}/state`, { headers });
          return { created: created.status, state: state.status };
        }, PREFIX);
        expect(result).toMatchObject({ created: 200, state: 200 });
      } finally {
        await context.close();
      }
    });
  });
});

describe("the Next.js proxy's errors", () => {
  it("a 502 names neither the Agent Server's address nor any credential", async () => {
    const port = await freePort(); // nothing listens there
    for (const apiUrl of [
      `http://admin:hunter2-password@127.0.0.1:${port}`,
      `http://127.0.0.1:${port}/tenant-token-abc123`,
    ]) {
      const broken = createProxyRoute({ apiUrl, apiKey: API_KEY, prefix: PREFIX, getSession });
      for (const path of ["/threads", `/threads/${RUN_ID}/state`]) {
        const response = await broken(
          new Request(`${APP}${PREFIX}${path}`, {
            method: path === "/threads" ? "POST" : "GET",
            headers: { "x-lgr-proxy": "1", "x-test-user": "ada" },
            body: path === "/threads" ? "{}" : undefined,
          }),
        );
        expect(response.status).toBe(502);
        const text = await response.text();
        for (const leak of [
          "hunter2",
          "admin",
          "tenant-token",
          String(port),
          "127.0.0.1",
          API_KEY,
        ]) {
          expect(text).not.toContain(leak);
        }
      }
    }
  });
});
