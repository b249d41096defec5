import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export interface ServedHandler {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a fetch-style handler (`(Request) => Response`, what a Next.js route handler is) over
 * HTTP on 127.0.0.1, so a browser can call it. Requests the handler does not take (`takes`
 * returns false) get `fallback` instead, e.g. the app's own page.
 *
 * @example
 * const app = await serveFetchHandler(proxy, (url) => url.pathname.startsWith("/api/"), pageHtml);
 */
export async function serveFetchHandler(
  handler: (request: Request) => Promise<Response>,
  takes: (url: URL) => boolean,
  fallbackHtml: string,
): Promise<ServedHandler> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    if (!takes(url)) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(fallbackHtml);
      return;
    }
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      signal: abort.signal,
      // @ts-expect-error Node's fetch needs `duplex` for a streamed body; the DOM types lack it.
      duplex: "half",
    });
    void handler(request).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (!response.body) return void res.end();
        Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
