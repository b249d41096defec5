import { isPlainObject } from "../client/isPlainObject";

/**
 * Deep equality of two JSON values. Used to keep the old object when a `values` event repeats a
 * message unchanged, so selectors comparing by reference do not re-render.
 *
 * Iterative (an explicit stack of pairs to compare): wire data can nest thousands of levels
 * deep, which would overflow the call stack of a recursive walk and lose the whole batch.
 * Objects compare their own enumerable keys (`__proto__` included, as JSON.parse makes it);
 * keys whose value is undefined are ignored, as JSON does.
 *
 * @example jsonEqual({ a: [1] }, { a: [1] }) // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const stack: unknown[] = [a, b];
  while (stack.length > 0) {
    const right = stack.pop();
    const left = stack.pop();
    if (left === right) continue;
    if (Array.isArray(left)) {
      if (!Array.isArray(right) || left.length !== right.length) return false;
      for (let i = 0; i < left.length; i++) stack.push(left[i], right[i]);
    } else if (isPlainObject(left)) {
      if (!isPlainObject(right) || !pushObjectPairs(left, right, stack)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** Queues the pairs of two objects' fields; false when their defined keys differ. */
function pushObjectPairs(
  left: Record<string, unknown>,
  right: Record<string, unknown>,
  stack: unknown[],
): boolean {
  const keys = definedKeys(left);
  if (keys.length !== definedKeys(right).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(right, key)) return false;
    stack.push(left[key], right[key]);
  }
  return true;
}

function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}
