// A same-origin proxy to the Agent Server: the browser calls /api/langgraph/..., this handler
// adds the API key and streams the answer back unbuffered. Authenticate your user here.
import { LANGGRAPH_API_KEY, LANGGRAPH_API_URL } from "@/lib/langgraph";

export const dynamic = "force-dynamic"; // never cache or prerender a proxy

const PREFIX = "/api/langgraph";
/** The Agent Server routes the kit uses; anything else is refused. */
const ALLOWED = /^\/(threads|runs)(\/|$)/;
const REQUEST_HEADERS = ["accept", "content-type", "last-event-id"];
const RESPONSE_HEADERS = ["content-type", "content-location", "location", "retry-after"];

async function proxy(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.slice(PREFIX.length);
  const upstream = new URL(`${LANGGRAPH_API_URL}${path}${url.search}`);
  const base = new URL(LANGGRAPH_API_URL);
  const relative = upstream.pathname.slice(base.pathname.replace(/\/$/, "").length);
  if (upstream.origin !== base.origin || !ALLOWED.test(relative)) {
    return new Response("Not found", { status: 404 });
  }

  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (LANGGRAPH_API_KEY) headers.set("x-api-key", LANGGRAPH_API_KEY);

  let response: Response;
  try {
    response = await fetch(upstream, {
      method: request.method,
      headers,
      body:
        request.method === "GET" || request.method === "HEAD" ? undefined : await request.text(),
      signal: request.signal, // the browser went away: stop reading the stream upstream too
      cache: "no-store",
      redirect: "manual",
    });
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    return new Response(`Agent Server unreachable: ${String(error)}`, { status: 502 });
  }

  const out = new Headers({ "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" });
  for (const name of RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  // The body as it arrives: SSE events reach the browser one by one.
  return new Response(response.body, { status: response.status, headers: out });
}

export { proxy as GET, proxy as POST, proxy as DELETE };
