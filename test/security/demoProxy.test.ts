/**
 * The demo's `/api` proxy (demo/startDemo.mjs, what `npm start` serves) serves the demo page
 * only: a page on another site or origin gets nothing back and reaches nothing, only the routes
 * and methods the demo uses are forwarded, and the Agent Server's permissive CORS headers never
 * reach a browser. The proxy adds the server-side API key to what it forwards, so anything it
 * forwards for a stranger is done with the developer's key.
 *
 * The demo runs against a recording pass-through in front of the test's Agent Server, so "refused
 * by the proxy" is told apart from "forwarded, then refused by the server".
 */
import http from "node:http";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type DemoHandle } from "../../demo/startDemo.mjs";
import { chromiumArgs, chromiumPath } from "../../scripts/chromium.mjs";
import { agentServerUrl, testClient } from "../support/agentServer";
import { agentServerRoutes, concretePath } from "./support/agentServerRoutes";
import {
  attemptCrossOrigin,
  readableResults,
  serveForeignPage,
  type ForeignOrigin,
} from "./support/crossOriginAttacks";
import { startRecordingUpstream, type RecordingUpstream } from "./support/recordingUpstream";

/** The header the demo's client sends on every request (a foreign page cannot, unpreflighted). */
const PROXY_HEADER = "x-lgr-proxy";
const SECRET_MARKER = "victim-secret-marker";
const RUN_ID = "00000000-0000-4000-8000-0000000000aa";

/** What the demo page calls (src/client, the hooks it uses, demo/src/useThread.ts). */
const DEMO_ROUTES = [
  "POST /threads",
  "GET /threads/:thread_id",
  "GET /threads/:thread_id/state",
  "GET /threads/:thread_id/state/:checkpoint_id",
  "POST /threads/:thread_id/history",
  "GET /threads/:thread_id/runs",
  "POST /threads/:thread_id/runs",
  "POST /threads/:thread_id/runs/stream",
  "GET /threads/:thread_id/runs/:run_id",
  "DELETE /threads/:thread_id/runs/:run_id",
  "POST /threads/:thread_id/runs/:run_id/cancel",
  "GET /threads/:thread_id/runs/:run_id/stream",
];

let upstream: RecordingUpstream;
let demo: DemoHandle;
let browser: Browser;
let foreign: ForeignOrigin[];
let victimThread: string;

beforeAll(async () => {
  upstream = await startRecordingUpstream(agentServerUrl());
  [demo, browser, foreign] = await Promise.all([
    startDemo({ apiUrl: upstream.url, watch: false, logLevel: "error" }),
    chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs }),
    Promise.all([serveForeignPage("127.0.0.2"), serveForeignPage("127.0.0.1")]),
  ]);
  victimThread = (await testClient().threads.create({ metadata: { note: SECRET_MARKER } }))
    .thread_id;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  await Promise.all((foreign ?? []).map((origin) => origin.close()));
  await upstream?.close();
});

const api = () => `${demo.url}/api`;

/** What reached the Agent Server since `index`, as "METHOD /path". */
const forwardedSince = (index: number) =>
  upstream.requests.slice(index).map((r) => `${r.method} ${r.url}`);

/** A request as a non-browser tool sends it (no Origin, no Sec-Fetch-Site). */
function call(method: string, path: string, headers: Record<string, string> = {}) {
  const hasBody = method !== "GET" && method !== "HEAD";
  return fetch(`${api()}${path}`, {
    method,
    headers: {
      [PROXY_HEADER]: "1",
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: hasBody ? "{}" : undefined,
    redirect: "manual",
  });
}

/** A raw request line, untouched by URL normalization (`..`, `%2e%2e`). */
function rawStatus(path: string): Promise<number> {
  const url = new URL(demo.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path, headers: { [PROXY_HEADER]: "1" } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

describe("the demo's /api proxy refuses other sites (Chromium)", () => {
  it.each([
    ["another site (127.0.0.2)", 0],
    ["another origin on the same site (127.0.0.1, another port)", 1],
  ])("a page on %s reads nothing and reaches nothing", async (_label, index) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(foreign[index]!.origin);
      const before = upstream.requests.length;
      const results = await attemptCrossOrigin(page, api(), victimThread, PROXY_HEADER);
      expect(results).toHaveLength(11);
      expect(readableResults(results, [SECRET_MARKER, victimThread, "thread_id"])).toEqual([]);
      expect(forwardedSince(before)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the demo page itself still works through the proxy: a thread and a chat turn", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(demo.url);
      await page.locator('[data-testid="thread-id"] code').waitFor();
      const composer = page.getByRole("textbox", { name: "Message" });
      await composer.fill("through the closed proxy");
      await composer.press("Enter");
      await page
        .locator('[data-testid="messages"] .lgr-message[data-type="ai"]', {
          hasText: "You said: through the closed proxy",
        })
        .waitFor();
      expect(upstream.requests.some((r) => r.url.endsWith("/runs/stream"))).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe("the demo's /api proxy forwards only what the demo uses", () => {
  it("walks every Agent Server route: the demo's are forwarded, every other one is refused here", async () => {
    const routes = agentServerRoutes().map((r) => `${r.method} ${r.pattern}`);
    // The kit also calls POST /runs/cancel (a Python-server route): the demo does not.
    routes.push("POST /runs/cancel");
    expect(routes.length).toBeGreaterThan(50);
    for (const used of DEMO_ROUTES) expect(routes).toContain(used);

    // A thread of its own: a forwarded DELETE /threads/{t} must not take the others' away.
    const threadId = (await testClient().threads.create()).thread_id;
    const wrong: string[] = [];
    for (const route of routes) {
      const [method, pattern] = route.split(" ") as [string, string];
      const path = concretePath(pattern, { threadId, runId: RUN_ID });
      const before = upstream.requests.length;
      const response = await call(method, path);
      await response.body?.cancel();
      const forwarded = forwardedSince(before).includes(`${method} ${path}`);
      if (DEMO_ROUTES.includes(route)) {
        if (!forwarded) wrong.push(`${route}: not forwarded (${response.status})`);
      } else if (forwarded || (response.status !== 403 && response.status !== 404)) {
        wrong.push(`${route}: ${forwarded ? "forwarded" : "not refused"} (${response.status})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses paths that only look like a demo route", async () => {
    const before = upstream.requests.length;
    for (const path of [
      `/api/threads/%2e%2e/store/items`,
      `/api/threads/${victimThread}/../../store/items`,
      `/api/threads/..%2Fstore%2Fitems`,
      `/apistore/items`,
      `/api//store/items`,
      `/api/threads/${victimThread}%2Fstate`,
    ]) {
      expect([403, 404], path).toContain(await rawStatus(path));
    }
    expect(forwardedSince(before)).toEqual([]);
  });

  it("refuses a request without the proxy header, from another origin, or cross-site", async () => {
    const before = upstream.requests.length;
    const path = `/threads/${victimThread}`;
    const refusals = await Promise.all([
      fetch(`${api()}${path}`),
      call("GET", path, { origin: "http://127.0.0.2:4444" }),
      call("GET", path, { "sec-fetch-site": "cross-site" }),
      call("GET", path, { "sec-fetch-site": "same-site" }),
      call("GET", path, { origin: "null" }),
      fetch(`${api()}${path}`, {
        method: "OPTIONS",
        headers: {
          origin: "http://127.0.0.2:4444",
          "access-control-request-method": "GET",
          "access-control-request-headers": PROXY_HEADER,
        },
      }),
    ]);
    for (const response of refusals) {
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(await response.text()).not.toContain(SECRET_MARKER);
    }
    expect(forwardedSince(before)).toEqual([]);
  });

  it("forwards a same-origin browser request and strips the server's CORS headers", async () => {
    const response = await call("GET", `/threads/${victimThread}`, {
      origin: new URL(demo.url).origin,
      "sec-fetch-site": "same-origin",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(SECRET_MARKER);
    const cors = [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));
    expect(cors).toEqual([]);
  });
});
