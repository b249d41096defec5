import { isPlainObject } from "../../client/isPlainObject";

export type JsonParseResult<T = unknown> =
  { ok: true; value: T } | { ok: false; empty: boolean; message: string };

/**
 * Parses what someone typed as JSON, with a message to show when it is not valid (or, with
 * `object: true`, not a JSON object).
 *
 * @example parseJsonAnswer('{"ok": true}') // { ok: true, value: { ok: true } }
 * @example parseJsonAnswer("{oops") // { ok: false, empty: false, message: "Invalid JSON: …" }
 */
export function parseJsonAnswer(text: string, options: { object?: boolean } = {}): JsonParseResult {
  if (text.trim() === "") {
    return {
      ok: false,
      empty: true,
      message: options.object ? "Enter a JSON object." : "Enter JSON.",
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, empty: false, message: `Invalid JSON: ${reason}` };
  }
  if (options.object && !isPlainObject(value)) {
    return { ok: false, empty: false, message: "Must be a JSON object ({ … })." };
  }
  return { ok: true, value };
}
