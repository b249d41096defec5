/** A JSON object (not an array, not null). */
export type PlainObject = Record<string, unknown>;

/**
 * Whether `value` is a JSON object. Wire data is untyped, so every reducer checks shapes first.
 *
 * @example isPlainObject({ a: 1 }) // true; isPlainObject([1]) // false
 */
export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
