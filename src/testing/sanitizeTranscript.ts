import { TRANSCRIPT_HEADERS, type Transcript, type TranscriptFrame } from "./Transcript";

export interface SanitizeTranscriptOptions {
  /**
   * Values that must not appear anywhere in the transcript (API keys, tokens): every occurrence
   * is replaced by `[redacted]`, also when the recording split it across two frames.
   */
  secrets?: (string | undefined | null)[];
  /**
   * More key names whose values are secrets, added to `SECRET_KEY_PATTERNS`: a string matches
   * the key case-insensitively, a RegExp is tested against the key as written and as normalized
   * (`["ssn", /_pin$/i]`).
   */
  secretKeys?: (string | RegExp)[];
}

/**
 * Key names whose values are credentials. Tested against the key normalized to snake case
 * (`openaiApiKey` and `X-Openai-Api-Key` read as `openai_api_key`, `x_openai_api_key`), case-
 * insensitively. A body field (at any depth of `input`, `command`, `config`, `context`,
 * `metadata`, …) with such a key is removed, and its string values are redacted wherever else
 * they appear (a graph that echoes its input). Extend it per call with `secretKeys`.
 */
export const SECRET_KEY_PATTERNS: readonly RegExp[] = [
  /^(.+_)?api_?key$/i, // api_key, apikey, x_api_key, openai_api_key
  /^(.+_)?token$/i, // token, access_token, refresh_token, id_token (not max_tokens)
  /^(.+_)?(password|passwd|passphrase)$/i,
  /^(.+_)?secret$/i, // secret, client_secret
  /^(.+_)?private_key$/i,
  /^(proxy_)?authorization$/i,
  /^(set_)?cookie$/i,
  /^credentials?$/i,
];

/** Echoed values shorter than this are not redacted in the frames: they would hit everywhere. */
const MIN_ECHOED_SECRET_LENGTH = 4;

const REDACTED = "[redacted]";

/**
 * A copy of the transcript that is safe to commit: only the kept response headers
 * (`content-type`, `content-location`, `location`), no field whose key names a secret
 * (`SECRET_KEY_PATTERNS`: `api_key`, `openai_api_key`, `access_token`, `password`,
 * `client_secret`, `authorization`, `cookie`, … plus `secretKeys`) anywhere in the request body,
 * and every given secret, and every value of such a field, replaced by `[redacted]` in the
 * name, description, path, body, headers and frames. `recordTranscript` applies it to
 * everything it records.
 *
 * @example
 * const safe = sanitizeTranscript(transcript, {
 *   secrets: [process.env.LANGSMITH_API_KEY],
 *   secretKeys: ["ssn"],
 * });
 */
export function sanitizeTranscript(
  transcript: Transcript,
  options: SanitizeTranscriptOptions = {},
): Transcript {
  const isSecretKey = secretKeyTest(options.secretKeys ?? []);
  const keyed = valuesUnderSecretKeys(transcript.request.body, isSecretKey);
  const secrets = withSchemeless(
    [...(options.secrets ?? []), ...keyed].filter(
      (secret): secret is string => typeof secret === "string" && secret !== "",
    ),
  );
  const redact = (text: string): string => redactText(text, secrets);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(transcript.response.headers)) {
    const lower = name.toLowerCase();
    if (TRANSCRIPT_HEADERS.includes(lower) && !isSecretKey(lower)) headers[lower] = redact(value);
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
    result.request.body = cleanBody(transcript.request.body, redact, isSecretKey);
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

/** `openaiApiKey`, `X-Api-Key` → `openai_api_key`, `x_api_key`. */
function normalizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[-\s]+/g, "_")
    .toLowerCase();
}

/** Whether a key names a secret: `SECRET_KEY_PATTERNS` plus the caller's `secretKeys`. */
function secretKeyTest(extra: readonly (string | RegExp)[]): (key: string) => boolean {
  const names = new Set(extra.filter((k) => typeof k === "string").map(normalizeKey));
  const patterns = [...SECRET_KEY_PATTERNS, ...extra.filter((k) => k instanceof RegExp)];
  return (key) => {
    const normalized = normalizeKey(key);
    if (names.has(normalized)) return true;
    // A RegExp with the `g` or `y` flag keeps state between calls: reset it.
    return patterns.some((pattern) => {
      pattern.lastIndex = 0;
      if (pattern.test(normalized)) return true;
      pattern.lastIndex = 0;
      return pattern.test(key);
    });
  };
}

/** Every string held under a secret key, at any depth (echoed values are redacted too). */
function valuesUnderSecretKeys(value: unknown, isSecretKey: (key: string) => boolean): string[] {
  const found: string[] = [];
  const collectAll = (item: unknown): void => {
    if (typeof item === "string") {
      if (item.length >= MIN_ECHOED_SECRET_LENGTH) found.push(item);
    } else if (typeof item === "object" && item !== null) {
      for (const inner of Object.values(item)) collectAll(inner);
    }
  };
  const walk = (item: unknown): void => {
    if (typeof item !== "object" || item === null) return;
    if (Array.isArray(item)) return item.forEach(walk);
    for (const [key, inner] of Object.entries(item)) {
      if (isSecretKey(key)) collectAll(inner);
      else walk(inner);
    }
  };
  walk(value);
  return found;
}

/** Drops secret-keyed fields at any depth and redacts secrets in every key and string. */
function cleanBody(
  value: unknown,
  redact: (text: string) => string,
  isSecretKey: (key: string) => boolean,
): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => cleanBody(item, redact, isSecretKey));
  if (typeof value === "object" && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (isSecretKey(key)) continue;
      result[redact(key)] = cleanBody(item, redact, isSecretKey);
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
