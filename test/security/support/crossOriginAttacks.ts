import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";

/** A tiny page served on an origin other than the app's. */
export interface ForeignOrigin {
  /** e.g. "http://127.0.0.2:41234" */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a blank page on `host` (any port): the attacker's site. `127.0.0.2` is another site
 * than `127.0.0.1` (cross-site); `127.0.0.1` on another port is the same site but another
 * origin (same-site), which a loopback dev server next to the demo would be.
 *
 * @example
 * const evil = await serveForeignPage("127.0.0.2");
 * await page.goto(evil.origin);
 */
export async function serveForeignPage(host: string): Promise<ForeignOrigin> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>another site</title><p>nothing to see</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What one attempt got back: `rejected` (fetch threw), `opaque`, or a readable status + body. */
export interface AttemptResult {
  name: string;
  outcome: string;
  body?: string;
}

/**
 * From the page (on a foreign origin), tries to use the proxy at `api` the ways a hostile site
 * would: CORS-simple GETs and POSTs (text/plain bodies the server reads as JSON), JSON and
 * custom-header requests (which need a preflight), a DELETE, and `no-cors` requests that cannot
 * be read but could still act. Returns what each one could read.
 *
 * @example
 * const results = await attemptCrossOrigin(page, "http://127.0.0.1:5173/api", threadId);
 */
export async function attemptCrossOrigin(
  page: Page,
  api: string,
  threadId: string,
  proxyHeader: string,
): Promise<AttemptResult[]> {
  return page.evaluate(
    async ({ api, threadId, proxyHeader }) => {
      const run = JSON.stringify({
        assistant_id: "agent",
        input: { messages: [{ type: "human", content: "hello from another site" }] },
      });
      const attempts: [string, string, RequestInit][] = [
        ["GET thread", `${api}/threads/${threadId}`, {}],
        ["GET state", `${api}/threads/${threadId}/state`, {}],
        ["GET runs", `${api}/threads/${threadId}/runs`, {}],
        [
          "POST run, text/plain",
          `${api}/threads/${threadId}/runs`,
          { method: "POST", headers: { "content-type": "text/plain" }, body: run },
        ],
        [
          "POST search, text/plain",
          `${api}/threads/search`,
          { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" },
        ],
        [
          "POST run, JSON",
          `${api}/threads/${threadId}/runs`,
          { method: "POST", headers: { "content-type": "application/json" }, body: run },
        ],
        [
          "POST run, JSON + proxy header",
          `${api}/threads/${threadId}/runs`,
          {
            method: "POST",
            headers: { "content-type": "application/json", [proxyHeader]: "1" },
            body: run,
          },
        ],
        [
          "GET state + proxy header",
          `${api}/threads/${threadId}/state`,
          { headers: { [proxyHeader]: "1" } },
        ],
        ["DELETE thread", `${api}/threads/${threadId}`, { method: "DELETE" }],
        ["no-cors GET state", `${api}/threads/${threadId}/state`, { mode: "no-cors" }],
        [
          "no-cors POST run",
          `${api}/threads/${threadId}/runs`,
          { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body: run },
        ],
      ];
      const results: { name: string; outcome: string; body?: string }[] = [];
      for (const [name, url, init] of attempts) {
        try {
          // No credentials: the Agent Server's `access-control-allow-origin: *` answers those.
          const response = await fetch(url, init);
          if (response.type === "opaque") results.push({ name, outcome: "opaque" });
          else
            results.push({
              name,
              outcome: `status ${response.status}`,
              body: await response.text(),
            });
        } catch {
          results.push({ name, outcome: "rejected" });
        }
      }
      return results;
    },
    { api, threadId, proxyHeader },
  );
}

/** Nothing readable: every attempt was rejected, opaque, or a refusal without data. */
export function readableResults(results: AttemptResult[], secretText: string[]): AttemptResult[] {
  return results.filter((result) => {
    if (result.outcome === "rejected" || result.outcome === "opaque") return false;
    const refused = result.outcome === "status 403" || result.outcome === "status 404";
    return !refused || secretText.some((text) => result.body?.includes(text));
  });
}
