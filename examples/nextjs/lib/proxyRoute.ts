// The proxy between the browser and the Agent Server, as a plain (Request) => Response function.
// app/api/langgraph/[...path]/route.ts mounts it; the repository's tests run this same file.
//
// It holds your API key, so it forwards a request only when all of these hold:
// 1. Same origin: `Sec-Fetch-Site` (when sent) is `same-origin`, `Origin` (when sent) names the
//    host the browser asked for, and the `x-lgr-proxy: 1` header is present. Another site can
//    send that header only after a preflight, and this handler answers no preflight.
// 2. A call the kit makes: the method and path are in ROUTES, ids are UUIDs. No thread search,
//    thread deletion or state writes, no assistants, store or crons.
// 3. A signed-in user (`getSession`), who owns the thread: threads are created with
//    `metadata.owner` set here, and every thread route checks it before forwarding.
// Authentication and ownership are your app's job: this file shows where they go.

/** A signed-in user. */
export interface Session {
  /** Stable and unique per user: threads are stamped with it as `metadata.owner`. */
  userId: string;
}

export interface ProxyRouteOptions {
  /** The Agent Server as this server reaches it, e.g. "https://my-deployment.example.com". */
  apiUrl: string;
  /** Sent as `x-api-key` to the Agent Server; never reaches the browser. */
  apiKey: string | undefined;
  /** Where the handler is mounted, e.g. "/api/langgraph". */
  prefix: string;
  /** The signed-in user, or null (answered 401). */
  getSession: (request: Request) => Promise<Session | null>;
}

/** The header the browser's client sends (app/providers.tsx). */
export const PROXY_HEADER = "x-lgr-proxy";

const ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/** How a route is checked: a new thread, a thread the user must own, or a run without one. */
type Access = "new-thread" | "thread" | "stateless";

/** Every call the kit's client makes through this proxy: method, path (`{t}` the thread). */
const ROUTES: [method: string, path: string, access: Access][] = [
  ["POST", "/threads", "new-thread"], // threads.create
  ["GET", "/threads/{t}", "thread"], // threads.get
  ["GET", "/threads/{t}/state", "thread"], // threads.getState
  ["GET", "/threads/{t}/state/{id}", "thread"], // threads.getState(t, checkpointId)
  ["POST", "/threads/{t}/history", "thread"], // threads.getHistory (message branches)
  ["GET", "/threads/{t}/runs", "thread"], // runs.list
  ["POST", "/threads/{t}/runs", "thread"], // runs.create
  ["POST", "/threads/{t}/runs/stream", "thread"], // runs.stream
  ["POST", "/threads/{t}/runs/wait", "thread"], // runs.wait
  ["GET", "/threads/{t}/runs/{id}", "thread"], // runs.get
  ["DELETE", "/threads/{t}/runs/{id}", "thread"], // runs.delete
  ["POST", "/threads/{t}/runs/{id}/cancel", "thread"], // runs.cancel
  ["GET", "/threads/{t}/runs/{id}/join", "thread"], // runs.join
  ["GET", "/threads/{t}/runs/{id}/stream", "thread"], // runs.joinStream (re-join)
  // Stateless runs (threadId null) run on a temporary thread and touch no one else's. Joining
  // one (GET /runs/{id}/stream) or cancelling across threads (POST /runs/cancel) has no owner
  // to check, so those two are left out.
  ["POST", "/runs", "stateless"], // runs.create(null, …)
  ["POST", "/runs/stream", "stateless"], // runs.stream(null, …)
  ["POST", "/runs/wait", "stateless"], // runs.wait(null, …)
  ["POST", "/runs/batch", "stateless"], // runs.createBatch
];

const MATCHERS = ROUTES.map(([method, path, access]) => ({
  method,
  access,
  pattern: new RegExp(`^${path.replace("{t}", `(${ID})`).replace("{id}", ID)}$`),
}));

const REQUEST_HEADERS = ["accept", "content-type", "last-event-id"];
const RESPONSE_HEADERS = ["content-type", "content-location", "location", "retry-after"];

/**
 * The proxy route handler.
 *
 * @example
 * const proxy = createProxyRoute({ apiUrl, apiKey, prefix: "/api/langgraph", getSession });
 * export { proxy as GET, proxy as POST, proxy as DELETE, proxy as OPTIONS };
 */
export function createProxyRoute(
  options: ProxyRouteOptions,
): (request: Request) => Promise<Response> {
  const apiUrl = options.apiUrl.replace(/\/+$/, "");
  const upstreamHeaders = (): Headers => {
    const headers = new Headers();
    if (options.apiKey) headers.set("x-api-key", options.apiKey);
    return headers;
  };

  /** Whether the thread's `metadata.owner` is this user (a missing thread is not theirs). */
  async function owns(threadId: string, session: Session, signal: AbortSignal): Promise<boolean> {
    const response = await fetch(`${apiUrl}/threads/${threadId}`, {
      headers: upstreamHeaders(),
      signal,
      cache: "no-store",
      redirect: "manual",
    });
    if (!response.ok) return false;
    const thread = (await response.json()) as { metadata?: { owner?: unknown } | null };
    return thread.metadata?.owner === session.userId;
  }

  return async function proxy(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const site = request.headers.get("sec-fetch-site");
    const origin = request.headers.get("origin");
    if (
      request.method === "OPTIONS" ||
      (site !== null && site !== "same-origin") ||
      (origin !== null && !isOwnOrigin(origin, request, url)) ||
      request.headers.get(PROXY_HEADER) !== "1"
    ) {
      return text(403, "Forbidden");
    }

    const path = url.pathname.startsWith(`${options.prefix}/`)
      ? url.pathname.slice(options.prefix.length)
      : "";
    let threadId: string | undefined;
    const route = MATCHERS.find((candidate) => {
      const match = candidate.method === request.method && candidate.pattern.exec(path);
      if (match) threadId = match[1];
      return Boolean(match);
    });
    if (!route) return text(404, "Not found");

    const session = await options.getSession(request);
    if (!session) return text(401, "Sign in first");

    let body: string | undefined;
    try {
      if (request.method === "POST") body = await request.text();
      if (route.access === "new-thread") body = ownedThreadBody(body, session);
      if (body !== undefined && hasWebhook(JSON.parse(body || "{}"))) {
        return text(400, "Webhooks are not accepted from the browser");
      }
      if (threadId !== undefined && !(await owns(threadId, session, request.signal))) {
        return text(404, "Not found"); // someone else's thread looks like no thread at all
      }
    } catch (error) {
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if (error instanceof SyntaxError) return text(400, "The body is not JSON");
      return text(502, "Agent Server unreachable");
    }

    const headers = upstreamHeaders();
    for (const name of REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    let response: Response;
    try {
      response = await fetch(`${apiUrl}${path}${url.search}`, {
        method: request.method,
        headers,
        body,
        signal: request.signal, // the browser went away: stop reading the stream upstream too
        cache: "no-store",
        redirect: "manual",
      });
    } catch {
      if (request.signal.aborted) return new Response(null, { status: 499 });
      // Never the URL or the error: they can hold credentials (https://user:pass@host).
      return text(502, "Agent Server unreachable");
    }

    const out = new Headers({
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    });
    for (const name of RESPONSE_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) out.set(name, value);
    }
    // The body as it arrives: SSE events reach the browser one by one.
    return new Response(response.body, { status: response.status, headers: out });
  };
}

/**
 * Whether `Origin` names the host this request was sent to: `X-Forwarded-Host` (set by a reverse
 * proxy in front of the app), else `Host`, as Next.js checks Server Actions. Not `request.url`:
 * `next start` builds it from its own hostname (`http://localhost:3000/…`), not the browser's.
 * A page on another site cannot set either header without a preflight, which is refused.
 */
function isOwnOrigin(origin: string, request: Request, url: URL): boolean {
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ||
    request.headers.get("host") ||
    url.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (sandboxed frames, file:, some redirects) or garbage
  }
}

/** A new thread's body: the caller's metadata, stamped with its owner. Nothing else is kept. */
function ownedThreadBody(body: string | undefined, session: Session): string {
  const parsed: unknown = JSON.parse(body || "{}");
  const metadata = isObject(parsed) && isObject(parsed.metadata) ? parsed.metadata : {};
  // No client-chosen thread_id / if_exists: "do_nothing" would hand back someone else's thread.
  return JSON.stringify({ metadata: { ...metadata, owner: session.userId } });
}

/** A run the server would report to a URL of the caller's choosing (batches included). */
function hasWebhook(body: unknown): boolean {
  if (Array.isArray(body)) return body.some(hasWebhook);
  return isObject(body) && body.webhook != null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain" } });
}
