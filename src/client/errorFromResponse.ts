import { readCappedText } from "./readCappedText";
import { RunsClientError, type RunsErrorKind } from "./RunsClientError";

/** A busy thread on the JS server comes back as 422 with one of these phrases. */
const BUSY_TEXT = /already running|busy|inflight|in flight/i;

/** Longest body text kept in a message (the whole body stays in `error.body`). */
const MAX_MESSAGE_BODY = 2000;

/**
 * Reads a failed response into a typed error (JS server text bodies and Python JSON alike). The
 * message starts like the official client's, `HTTP <status>: <body text>`, so code matching
 * `"HTTP 409"` keeps working; `kind`, `status` and the parsed `body` say the rest. (The
 * transport redacts the API key from all of it.)
 *
 * @example (await errorFromResponse(new Response("Run not found", { status: 404 }), "runs.get")).message
 * // "HTTP 404: Run not found"
 */
export async function errorFromResponse(
  response: Response,
  describe: string,
): Promise<RunsClientError> {
  // Capped: a huge (or decompressing) error body must not cost more than the cap to read or keep.
  const text = await readCappedText(response).catch(() => "");
  const body = parseBody(text);
  const detail = detailOf(body, text);
  const kind = kindOf(response.status, detail);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  return new RunsClientError({
    kind,
    status: response.status,
    body,
    retryAfterMs,
    operation: describe,
    message: `HTTP ${response.status}: ${messageText(text)}`,
  });
}

/** The body text as the message shows it: an HTML page (a proxy's) is named, not pasted. */
function messageText(text: string): string {
  if (isHtml(text)) return "the server answered with an HTML page (see error.body)";
  return text.length > MAX_MESSAGE_BODY ? `${text.slice(0, MAX_MESSAGE_BODY)}…` : text;
}

function isHtml(text: string): boolean {
  return /^\s*<(!doctype|html)/i.test(text);
}

function kindOf(status: number, detail: string): RunsErrorKind {
  if (status === 409) return "busy";
  if (status === 422) return BUSY_TEXT.test(detail) ? "busy" : "validation";
  if (status === 400) return "validation";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  return "server";
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The human part of an error body: `detail`, `message`, `error`, or short plain text. */
function detailOf(body: unknown, text: string): string {
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    for (const key of ["detail", "message", "error"]) {
      const value = record[key];
      if (typeof value === "string") return value;
      if (value !== undefined) return JSON.stringify(value).slice(0, 300);
    }
    return JSON.stringify(body).slice(0, 300);
  }
  if (isHtml(text)) return "the server answered with an HTML page";
  return text.trim().slice(0, 300);
}

/** `Retry-After` as seconds or an HTTP date, in ms. */
function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
