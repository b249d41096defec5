/** What a value costs besides its characters (a pointer, a header), roughly. */
const VALUE_BYTES = 8;
const CONTAINER_BYTES = 16;

/**
 * A rough size of a JSON value in memory: characters of strings and keys (one byte each, as V8
 * stores Latin-1 strings; two for others), plus a small fixed cost per value. Iterative, so
 * deep nesting cannot overflow the stack, and it stops counting past `limit` (so a huge or
 * cyclic value costs at most `limit` worth of work): the result is then `limit + 1` or more.
 *
 * @example estimateJsonBytes({ text: "x".repeat(1_000) }) // about 1,030
 */
export function estimateJsonBytes(value: unknown, limit = Number.MAX_SAFE_INTEGER): number {
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && bytes <= limit) {
    const item = stack.pop();
    if (typeof item === "string") bytes += VALUE_BYTES + stringBytes(item);
    else if (Array.isArray(item)) {
      bytes += CONTAINER_BYTES + VALUE_BYTES * item.length;
      for (let i = 0; i < item.length; i++) stack.push(item[i]);
    } else if (typeof item === "object" && item !== null) {
      bytes += CONTAINER_BYTES;
      for (const key of Object.keys(item)) {
        bytes += VALUE_BYTES + stringBytes(key);
        stack.push((item as Record<string, unknown>)[key]);
      }
    } else bytes += VALUE_BYTES;
  }
  return bytes;
}

function stringBytes(text: string): number {
  // Sampling the first characters is enough to tell one-byte strings from two-byte ones.
  for (let i = 0; i < Math.min(text.length, 64); i++) {
    if (text.charCodeAt(i) > 0xff) return text.length * 2;
  }
  return text.length;
}
