import { RunsClientError } from "./RunsClientError";

/**
 * Path builders. Every id is percent-encoded as one segment, so an id holding `/`, `?`, `#` or
 * spaces can never reach another route.
 */
export function encodeSegment(id: string): string {
  // URL parsing folds `.`, `..` and even `%2e%2e` away, so no encoding makes them safe.
  if (typeof id !== "string" || id === "" || id === "." || id === "..") {
    throw new RunsClientError({
      kind: "validation",
      message: `invalid id ${JSON.stringify(id)}: ids may not be empty, "." or ".."`,
    });
  }
  return encodeURIComponent(id);
}

/** `/threads/{t}/runs` or, for a stateless run, `/runs`. */
export function runsPath(threadId: string | null | undefined): string {
  return threadId == null ? "/runs" : `/threads/${encodeSegment(threadId)}/runs`;
}

/** `/threads/{t}/runs/{r}` or `/runs/{r}`. */
export function runPath(threadId: string | null | undefined, runId: string): string {
  return `${runsPath(threadId)}/${encodeSegment(runId)}`;
}

export function threadPath(threadId: string): string {
  return `/threads/${encodeSegment(threadId)}`;
}

/**
 * The run (and thread) a `Content-Location` or `Location` header points to. Only relative
 * paths and URLs on the client's own origin are trusted: a header naming another origin is
 * ignored.
 */
export function parseRunLocation(
  header: string | null,
  apiUrl: string,
): { run_id: string; thread_id?: string } | undefined {
  if (!header) return undefined;
  let url: URL;
  let base: URL;
  try {
    // A relative apiUrl ("/api/langgraph", behind a same-origin proxy) is relative to the page.
    base = new URL(apiUrl, globalThis.location?.href);
    url = new URL(header, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;
  // `…/runs/{r}/stream` is the official reconnect form (`Location`): it names run r too. A run
  // id never equals a route name, so `…/runs/stream` (the POST's own path) names no run.
  const path = url.pathname.replace(/\/stream\/?$/, "").replace(/\/$/, "");
  const match = /\/threads\/([^/]+)\/runs\/([^/]+)$/.exec(path);
  if (match) return isRunSegment(match[2]!) ? runOf(match[2]!, match[1]) : undefined;
  const stateless = /\/runs\/([^/]+)$/.exec(path);
  if (stateless && isRunSegment(stateless[1]!)) return runOf(stateless[1]!);
  return undefined;
}

function isRunSegment(segment: string): boolean {
  return !["stream", "wait", "batch", "cancel", "crons", "search"].includes(segment);
}

function runOf(runSegment: string, threadSegment?: string): { run_id: string; thread_id?: string } {
  const run_id = decodeSegment(runSegment);
  return threadSegment === undefined
    ? { run_id }
    : { thread_id: decodeSegment(threadSegment), run_id };
}

/**
 * A path segment decoded back into an id; a malformed escape is kept as it is rather than thrown.
 *
 * @example decodeSegment("a%2Fb") // "a/b"
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
