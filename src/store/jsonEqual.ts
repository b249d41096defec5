import { isPlainObject } from "../client/isPlainObject";

/**
 * Deep equality of two JSON values. Used to keep the old object when a `values` event repeats a
 * message unchanged, so selectors comparing by reference do not re-render.
 *
 * @example jsonEqual({ a: [1] }, { a: [1] }) // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && arraysEqual(a, b);
  if (isPlainObject(a)) return isPlainObject(b) && objectsEqual(a, b);
  return false;
}

function arraysEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
}

function objectsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  const otherCount = Object.keys(b).filter((key) => b[key] !== undefined).length;
  return keys.length === otherCount && keys.every((key) => jsonEqual(a[key], b[key]));
}
