/** Path segments that name a route, never an id. */
const ROUTE_WORDS = new Set([
  "stream",
  "wait",
  "batch",
  "cancel",
  "join",
  "search",
  "count",
  "state",
  "history",
  "copy",
  "prune",
  "runs",
  "crons",
]);

/** Collections whose next segment is an id (unless it is a route word). */
const ID_AFTER = new Set(["threads", "assistants", "runs", "crons", "state"]);

/**
 * The route a request path belongs to, with ids replaced by `:id` and the query dropped, so a
 * replay can match a recorded request made on another thread or run.
 *
 * @example
 * routeShape("/threads/0b1c…/runs/stream") // "/threads/:id/runs/stream"
 * routeShape("/threads/t-1/runs/r-9/cancel?wait=true") // "/threads/:id/runs/:id/cancel"
 * routeShape("/runs/stream") // "/runs/stream"
 */
export function routeShape(path: string): string {
  const pathname = path.replace(/[?#].*$/, "");
  const segments = pathname.split("/");
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === "" || ROUTE_WORDS.has(segment)) continue;
    if (ID_AFTER.has(segments[i - 1]!)) segments[i] = ":id";
  }
  return segments.join("/");
}
