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
  const match = /\/threads\/([^/]+)\/runs\/([^/]+)\/?$/.exec(url.pathname);
  if (match) return { thread_id: decodeSegment(match[1]!), run_id: decodeSegment(match[2]!) };
  const stateless = /\/runs\/([^/]+)\/?$/.exec(url.pathname);
  if (stateless && stateless[1] !== "stream" && stateless[1] !== "wait") {
    return { run_id: decodeSegment(stateless[1]!) };
  }
  return undefined;
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
