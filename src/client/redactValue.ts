/**
 * `value` with `redact` applied to all of its text (any depth), or `value` itself when that
 * changes nothing. For error bodies and `error` events, which a server may fill with the
 * credential it refused.
 *
 * @example redactValue({ detail: { key: "sk-1" } }, (t) => t.replace("sk-1", "[redacted]"))
 */
export function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  const text = typeof value === "object" && value !== null ? JSON.stringify(value) : undefined;
  const redacted = text === undefined ? text : redact(text);
  if (redacted === text) return value;
  try {
    return JSON.parse(redacted!);
  } catch {
    return redacted;
  }
}
