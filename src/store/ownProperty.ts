/*
 * Streamed JSON is untrusted: its keys can be `__proto__`, `constructor`, `toString`, …
 * `target[key] = value` with `key === "__proto__"` sets the prototype instead of a field, and
 * `table[key]` finds inherited members (`table.constructor` is `Object`). Every merge and lookup
 * over wire keys goes through these two helpers.
 */

/**
 * The own value of `key` in `record`, never an inherited member.
 *
 * @example getOwn({}, "constructor") // undefined (not Object)
 */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Sets `key` as an own, enumerable data property: `__proto__` becomes a field like any other
 * (as `JSON.parse` makes it), never the prototype.
 *
 * @example const merged = {}; setOwn(merged, "__proto__", { polluted: true });
 * // Object.getPrototypeOf(merged) === Object.prototype; Object.keys(merged) // ["__proto__"]
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
