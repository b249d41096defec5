import http from "node:http";
import type { AddressInfo } from "node:net";

/** A request that reached the Agent Server through a proxy under test. */
export interface UpstreamRequest {
  method: string;
  /** Path and query, as the proxy sent it. */
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface RecordingUpstream {
  url: string;
  /** Every request that arrived, in order. */
  requests: UpstreamRequest[];
  /** Whether a request with this method and path (query ignored) arrived. */
  saw(method: string, path: string): boolean;
  close(): Promise<void>;
}

/**
 * A loopback pass-through in front of the real Agent Server that writes down every request it
 * forwards, so a test can tell "refused by the proxy" from "forwarded and refused by the server".
 *
 * @example
 * const upstream = await startRecordingUpstream(agentServerUrl());
 * // … point the proxy under test at upstream.url …
 * expect(upstream.saw("POST", "/threads/search")).toBe(false);
 */
export async function startRecordingUpstream(targetUrl: string): Promise<RecordingUpstream> {
  const target = new URL(targetUrl);
  const requests: UpstreamRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers });
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    saw: (method, path) =>
      requests.some((r) => r.method === method && r.url.split("?")[0] === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
