/** Levels of nesting shown; deeper values are replaced by {@link DEEP_JSON_PLACEHOLDER}. */
const MAX_DISPLAY_DEPTH = 64;

/** What stands for a value nested deeper than {@link MAX_DISPLAY_DEPTH} levels. */
const DEEP_JSON_PLACEHOLDER = `[nested deeper than ${MAX_DISPLAY_DEPTH} levels: not shown]`;

/**
 * JSON text for display that never throws and stays readable: values nested deeper than
 * `maxDepth` levels become a placeholder string (data nested thousands of levels deep would
 * otherwise overflow the stack, or, indented, grow quadratically into megabytes of spaces).
 * Cycles end at the depth cap too; what JSON cannot hold (BigInt) falls back to `String(value)`.
 *
 * @example stringifyForDisplay({ a: { b: 1 } }, 2, 1) // '{\n  "a": "[nested deeper than …]"\n}'
 */
export function stringifyForDisplay(
  value: unknown,
  indent?: number,
  maxDepth = MAX_DISPLAY_DEPTH,
): string {
  // JSON.stringify calls the replacer with the containing object as `this`: each object's depth
  // is its container's plus one, so the walk never goes below maxDepth.
  const depths = new WeakMap<object, number>();
  function replacer(this: unknown, _key: string, item: unknown): unknown {
    if (typeof item !== "object" || item === null) return item;
    const parent = typeof this === "object" && this !== null ? (depths.get(this) ?? 0) : 0;
    if (parent >= maxDepth) return DEEP_JSON_PLACEHOLDER;
    depths.set(item, parent + 1);
    return item;
  }
  try {
    return JSON.stringify(value, replacer, indent) ?? String(value);
  } catch {
    return safeString(value);
  }
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "[value that cannot be shown]";
  }
}
