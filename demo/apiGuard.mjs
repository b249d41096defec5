// The rules of the demo's /api proxy (demo/startDemo.mjs), as a Connect middleware that runs
// before Vite's proxy. The proxy adds the developer's LANGGRAPH_API_KEY to what it forwards, and
// the Agent Server answers every origin (`access-control-allow-origin: *`) and reads text/plain
// bodies as JSON: without these rules any page open in the same browser could use the key.
//
// A request is forwarded only when all of these hold:
// 1. It is not cross-site: `Sec-Fetch-Site`, when sent, is `same-origin`, and `Origin`, when
//    sent, is the demo's own origin. A request with neither is a non-browser tool (curl, a
//    script): browsers send `Sec-Fetch-Site` to loopback and HTTPS origins, and `Origin` on
//    every cross-origin fetch. A preflight (OPTIONS) is always refused: same-origin requests
//    never need one.
// 2. It carries `x-lgr-proxy: 1`. A page on another origin can only send a custom header after
//    a preflight, which (1) refuses; `<img>`, `<form>` and `no-cors` requests cannot send it.
// 3. Its method and path are one of DEMO_ROUTES: the calls the demo page makes, no more (no
//    thread search or deletion, no assistants, store or crons). Ids must be UUIDs, so no
//    encoded `/`, `..` or `%2e%2e` can reach another route.

/** The header the demo page's client sends on every request (demo/src/main.tsx). */
export const PROXY_HEADER = "x-lgr-proxy";

const ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/** Method and path (under /api) of every call the demo page makes; `{id}` is a UUID. */
export const DEMO_ROUTES = [
  ["POST", "/threads"], // a new thread (demo/src/useThread.ts, the chat's first message)
  ["GET", "/threads/{id}"], // reopen the thread in the URL
  ["GET", "/threads/{id}/state"], // the chat's messages and pending interrupts on reload
  ["GET", "/threads/{id}/state/{id}"], // a message branch's state (MessageActions' picker)
  ["POST", "/threads/{id}/history"], // message branches (MessageActions)
  ["GET", "/threads/{id}/runs"], // RunsTable
  ["POST", "/threads/{id}/runs"], // a background run (useCreateRun)
  ["POST", "/threads/{id}/runs/stream"], // a chat turn
  ["GET", "/threads/{id}/runs/{id}"], // a run's status (useRun, after a stream ends)
  ["DELETE", "/threads/{id}/runs/{id}"], // RunsTable's delete
  ["POST", "/threads/{id}/runs/{id}/cancel"], // Stop, RunsTable's cancel
  ["GET", "/threads/{id}/runs/{id}/stream"], // re-join a run (reload, dropped connection, viewer)
];

const ROUTE_MATCHERS = DEMO_ROUTES.map(([method, path]) => ({
  method,
  pattern: new RegExp(`^${path.replaceAll("{id}", ID)}$`),
}));

/** Whether the demo page makes this call (path without the /api prefix and without a query). */
export function isDemoRoute(method, path) {
  return ROUTE_MATCHERS.some((route) => route.method === method && route.pattern.test(path));
}

/**
 * Why a request to the proxy must not be forwarded (`{ status, reason }`), or null to forward it.
 *
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 *   the incoming request; `url` still starts with `prefix`
 * @param {{ prefix: string, origin: string }} site the proxy's path prefix and the page's origin
 * @example refusalOf({ method: "GET", url: "/api/threads/search", headers: {} }, { prefix: "/api", origin }) // { status: 403, … }
 */
export function refusalOf(request, { prefix, origin }) {
  const method = request.method ?? "GET";
  const fetchSite = request.headers["sec-fetch-site"];
  const requestOrigin = request.headers.origin;
  if (method === "OPTIONS") return { status: 403, reason: "preflight requests are refused" };
  if (fetchSite !== undefined && fetchSite !== "same-origin") {
    return { status: 403, reason: "cross-site requests are refused" };
  }
  if (requestOrigin !== undefined && requestOrigin !== origin) {
    return { status: 403, reason: "requests from another origin are refused" };
  }
  if (request.headers[PROXY_HEADER] !== "1") {
    return { status: 403, reason: `send the header "${PROXY_HEADER}: 1"` };
  }
  const url = request.url ?? "";
  const rest = url.slice(prefix.length);
  const path = rest.split("?")[0] ?? "";
  if (!rest.startsWith("/") || !isDemoRoute(method, path)) {
    return { status: 404, reason: "not a route the demo uses" };
  }
  return null;
}

/**
 * A Connect middleware that answers refused requests under `prefix` itself (see refusalOf) and
 * passes the others on to the proxy.
 *
 * @param {{ prefix: string }} options
 * @example server.middlewares.use(apiGuard({ prefix: "/api" }))
 */
export function apiGuard({ prefix }) {
  return function apiGuardMiddleware(req, res, next) {
    if (!(req.url ?? "").startsWith(prefix)) return next();
    const scheme =
      req.socket && "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
    const refusal = refusalOf(req, { prefix, origin: `${scheme}://${req.headers.host}` });
    if (refusal === null) return next();
    res.statusCode = refusal.status;
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    res.end(`Refused by the demo's /api proxy: ${refusal.reason}.`);
  };
}
