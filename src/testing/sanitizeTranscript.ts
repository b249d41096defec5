import { TRANSCRIPT_HEADERS, type Transcript, type TranscriptFrame } from "./Transcript";

export interface SanitizeTranscriptOptions {
  /**
   * Values that must not appear anywhere in the transcript (API keys, tokens): every occurrence
   * is replaced by `[redacted]`, also when the recording split it across two frames.
   */
  secrets?: (string | undefined | null)[];
}

/** Body fields (at any depth) that carry credentials; they are removed, not redacted. */
const CREDENTIAL_KEY =
  /^(x-api-key|api[-_]?key|authorization|proxy-authorization|cookie|set-cookie)$/i;

const REDACTED = "[redacted]";

/**
 * A copy of the transcript that is safe to commit: only the kept response headers
 * (`content-type`, `content-location`, `location`), no `x-api-key` / `apiKey` / `authorization` /
 * `cookie` field anywhere in the request body, and every given secret replaced by `[redacted]`
 * in the name, description, path, body, headers and frames. `recordTranscript` applies it
 * to everything it records.
 *
 * @example
 * const safe = sanitizeTranscript(transcript, { secrets: [process.env.LANGSMITH_API_KEY] });
 */
export function sanitizeTranscript(
  transcript: Transcript,
  options: SanitizeTranscriptOptions = {},
): Transcript {
  const secrets = withSchemeless(
    (options.secrets ?? []).filter(
      (secret): secret is string => typeof secret === "string" && secret !== "",
    ),
  );
  const redact = (text: string): string => redactText(text, secrets);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(transcript.response.headers)) {
    const lower = name.toLowerCase();
    if (TRANSCRIPT_HEADERS.includes(lower)) headers[lower] = redact(value);
  }

  const result: Transcript = {
    version: 1,
    name: redact(transcript.name),
    request: { method: transcript.request.method, path: redact(transcript.request.path) },
    response: { status: transcript.response.status, headers },
    frames: redactFrames(transcript.frames, secrets),
  };
  if (transcript.description !== undefined) result.description = redact(transcript.description);
  if (transcript.request.body !== undefined) {
    result.request.body = cleanBody(transcript.request.body, redact);
  }
  return result;
}

function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/** Drops credential fields at any depth and redacts secrets in every key and string. */
function cleanBody(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => cleanBody(item, redact));
  if (typeof value === "object" && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (CREDENTIAL_KEY.test(key)) continue;
      result[redact(key)] = cleanBody(item, redact);
    }
    return result;
  }
  return value;
}

/**
 * Redacts secrets in the frames. A secret that a recording split across frames is first moved
 * whole into the frame that completed it, so no frame keeps a part of it.
 */
function redactFrames(frames: TranscriptFrame[], secrets: readonly string[]): TranscriptFrame[] {
  if (secrets.length === 0) return frames.map((frame) => ({ ...frame }));
  const full = frames.map((frame) => frame.text).join("");
  const spans = findSpans(full, secrets);
  if (spans.length === 0) return frames.map((frame) => ({ ...frame }));

  const result: TranscriptFrame[] = [];
  let start = 0;
  let end = 0;
  let span = 0;
  for (const frame of frames) {
    end += frame.text.length;
    let cut = end;
    while (span < spans.length && spans[span]!.end <= cut) span++;
    const covering = spans[span];
    // A frame boundary inside a secret moves back to where the secret starts.
    if (covering && covering.start < cut) cut = covering.start;
    if (cut > start) {
      result.push({ atMs: frame.atMs, text: redactText(full.slice(start, cut), secrets) });
      start = cut;
    }
  }
  return result;
}

/** Occurrences of any secret in the text, sorted and merged where they overlap. */
function findSpans(text: string, secrets: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const secret of secrets) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
      spans.push({ start: at, end: at + secret.length });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Each secret, plus the credential alone for `Bearer x` / `Basic x` header values: a server or
 * graph that echoes the token does so without the scheme. Longest first, so the whole header
 * value is redacted before its part.
 */
function withSchemeless(secrets: string[]): string[] {
  const all = new Set(secrets);
  for (const secret of secrets) {
    const match = /^\s*[A-Za-z][\w-]*\s+(\S{8,})\s*$/.exec(secret);
    if (match) all.add(match[1]!);
  }
  return [...all].sort((a, b) => b.length - a.length);
}
