import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What the proxy does to one response: cut the socket or go silent after some bytes. */
export interface Fault {
  /** Destroy the socket after this many body bytes (a dropped connection). */
  cutAfterBytes?: number;
  /** Stop sending after this many body bytes but keep the socket open (a stall). */
  stallAfterBytes?: number;
  /** End the response cleanly after this many body bytes (a proxy closing early). */
  closeAfterBytes?: number;
  /** Hold the upstream response's status and headers back for this long (the run id stays unknown). */
  delayResponseMs?: number;
  /** Never send a response head; the socket stays open (a server that does not answer). */
  holdResponse?: boolean;
  /** Destroy the connection before any response head (a cut before the head). */
  cutBeforeHead?: boolean;
  /** Answer here without asking the server (e.g. a 503 to the run-status check). */
  respond?: { status: number; body?: string; headers?: Record<string, string> };
  /**
   * End the response cleanly after this many complete SSE frames: a close exactly at a frame
   * boundary, which looks like the server's own end.
   */
  closeAfterFrames?: number;
  /** Wait for the whole upstream body (the run has finished) before sending any of it. */
  afterUpstreamEnd?: boolean;
  /** Rewrites the upstream response's headers (e.g. drop `content-location`, add `location`). */
  rewriteHeaders?: (headers: http.IncomingHttpHeaders) => http.IncomingHttpHeaders;
}

export interface ProxiedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The fault planned for this request, if any. */
  fault?: Fault;
  /** The planned fault happened (the response was cut, stalled or closed early). */
  faulted?: boolean;
}

export interface FaultProxy {
  url: string;
  /** Requests seen, in order (method, path with query, headers, and whether a fault hit it). */
  requests: ProxiedRequest[];
  /** How many responses were cut or stalled. */
  faults: number;
  /** Client connections to the proxy that are still open right now. */
  openConnections(): number;
  /** Responses the proxy is still sending (or holding) right now. */
  openResponses(): number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of the Agent Server that injects faults into responses. Used
 * because a real server cannot be made to drop a connection at a chosen byte.
 *
 * @example
 * const proxy = await startFaultProxy(serverUrl, (req) => req.url?.includes("/stream") ? { cutAfterBytes: 5000 } : undefined);
 */
export async function startFaultProxy(
  targetUrl: string,
  planFault: (request: http.IncomingMessage, index: number) => Fault | undefined,
): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const open = new Set<http.ServerResponse>();
  const sockets = new Set<Socket>();
  const state: FaultProxy = {
    url: "",
    requests: [],
    faults: 0,
    openConnections: () => sockets.size,
    openResponses: () => open.size,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const index = state.requests.length;
    const record: ProxiedRequest = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      headers: req.headers,
    };
    state.requests.push(record);
    const fault = planFault(req, index);
    if (fault) record.fault = fault;
    open.add(res);
    res.on("close", () => open.delete(res));
    if (fault?.holdResponse || fault?.cutBeforeHead || fault?.respond) {
      record.faulted = true;
      state.faults += 1;
      req.resume();
      if (fault.cutBeforeHead) req.socket.destroy();
      else if (fault.respond) {
        res.writeHead(fault.respond.status, fault.respond.headers ?? {});
        res.end(fault.respond.body ?? "");
      }
      // A held response: nothing is sent until the client gives up or the proxy closes.
      return;
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (upstreamRes) => {
        if (fault?.delayResponseMs) {
          upstreamRes.pause();
          setTimeout(() => {
            if (res.destroyed) return upstreamRes.destroy();
            relay(upstreamRes);
            upstreamRes.resume();
          }, fault.delayResponseMs);
        } else relay(upstreamRes);
      },
    );
    function relay(upstreamRes: http.IncomingMessage): void {
      const headers = fault?.rewriteHeaders
        ? fault.rewriteHeaders({ ...upstreamRes.headers })
        : upstreamRes.headers;
      res.writeHead(upstreamRes.statusCode ?? 502, headers);
      res.flushHeaders();
      if (fault?.closeAfterFrames !== undefined) return relayFrames(upstreamRes, fault);
      let sent = 0;
      const limit = fault?.cutAfterBytes ?? fault?.stallAfterBytes ?? fault?.closeAfterBytes;
      upstreamRes.on("data", (chunk: Buffer) => {
        if (limit === undefined || sent + chunk.length <= limit) {
          sent += chunk.length;
          res.write(chunk);
          return;
        }
        const head = chunk.subarray(0, Math.max(0, limit - sent));
        sent = limit;
        if (head.length > 0) res.write(head);
        state.faults += 1;
        record.faulted = true;
        upstreamRes.removeAllListeners("data");
        upstreamRes.destroy();
        // Ending the socket (not the response) flushes what was written, then drops the
        // connection without the chunked terminator: the client sees exactly `limit` bytes and
        // then a broken body. `destroy()` here would discard writes still buffered in Node and
        // deliver fewer bytes than the plan says.
        if (fault?.cutAfterBytes !== undefined) cutAfterFlush(res);
        else if (fault?.closeAfterBytes !== undefined) res.end();
        // A stall keeps the socket open and silent until the client gives up.
      });
      upstreamRes.on("end", () => {
        if (!res.destroyed) res.end();
      });
    }
    /** Sends the first `closeAfterFrames` frames, then ends the response cleanly. */
    function relayFrames(upstreamRes: http.IncomingMessage, plan: Fault): void {
      const frames = plan.closeAfterFrames ?? 0;
      let pending = Buffer.alloc(0);
      let sentFrames = 0;
      let done = false;
      const flush = (final: boolean) => {
        if (done) return;
        while (sentFrames < frames) {
          const end = pending.indexOf("\n\n");
          if (end < 0) break;
          res.write(pending.subarray(0, end + 2));
          pending = pending.subarray(end + 2);
          sentFrames += 1;
        }
        // Closes as soon as the planned frames are out: the server may send nothing more for a
        // while (a run held at a gate).
        if (sentFrames === frames) {
          done = true;
          state.faults += 1;
          record.faulted = true;
          upstreamRes.removeAllListeners("data");
          upstreamRes.destroy();
          res.end();
        } else if (final) {
          res.end(pending);
        }
      };
      upstreamRes.on("data", (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        if (!plan.afterUpstreamEnd) flush(false);
      });
      upstreamRes.on("end", () => flush(true));
    }
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const res of open) res.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}

/** Drops a response's connection once everything written so far has reached the socket. */
function cutAfterFlush(res: http.ServerResponse): void {
  const socket = res.socket;
  if (!socket) return void res.destroy();
  socket.end(() => socket.destroy());
}
