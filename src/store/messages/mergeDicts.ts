import { isPlainObject, type PlainObject } from "../../client/isPlainObject";
import { getOwn, setOwn } from "../ownProperty";

/**
 * How deep merging goes. Below this the delta's value replaces what was there: real chunks nest
 * a few levels, and hostile data nested thousands of levels deep must not overflow the stack.
 */
export const MAX_MERGE_DEPTH = 64;

/** Keys that name or classify a thing: the first value stays. */
const KEEP_FIRST = new Set(["type", "index"]);
/** Keys whose value is repeated (not split) across chunks: the latest value wins. */
const TAKE_LATEST = new Set([
  "id",
  "name",
  "model",
  "model_name",
  "model_provider",
  "output_version",
  "system_fingerprint",
  "service_tier",
  "finish_reason",
  "stop_reason",
]);

/**
 * Merges the fields of a streamed delta into what came before, the way LangChain merges chunks:
 * strings are concatenated, objects merged, lists merged by item `index`, other values replaced.
 * Returns a new object; neither input is changed.
 *
 * @example mergeDicts({ reasoning: "Let" }, { reasoning: " me" }) // { reasoning: "Let me" }
 */
export function mergeDicts<T extends PlainObject>(left: T, right: PlainObject, depth = 0): T {
  // Spread copies an own `__proto__` key as data; writes go through setOwn for the same reason.
  const merged: PlainObject = { ...left };
  for (const key of Object.keys(right)) {
    setOwn(merged, key, mergeField(key, getOwn(left, key), right[key], depth + 1));
  }
  return merged as T;
}

function mergeField(key: string, left: unknown, right: unknown, depth: number): unknown {
  if (right === undefined || right === null) return left;
  if (left === undefined || left === null) return right;
  if (KEEP_FIRST.has(key)) return left;
  if (TAKE_LATEST.has(key)) return right;
  if (typeof left === "string" && typeof right === "string") return left + right;
  if (depth >= MAX_MERGE_DEPTH) return right;
  if (Array.isArray(left) && Array.isArray(right)) return mergeIndexedLists(left, right, depth);
  if (isPlainObject(left) && isPlainObject(right)) return mergeDicts(left, right, depth);
  return right;
}

/**
 * Appends `right` to `left`, except that an object item whose `index` matches an item already
 * there is merged into it (content blocks, tool-call chunks).
 *
 * @example mergeIndexedLists([{ index: 0, text: "a" }], [{ index: 0, text: "b" }])
 * // [{ index: 0, text: "ab" }]
 */
export function mergeIndexedLists<T>(left: readonly T[], right: readonly T[], depth = 0): T[] {
  const merged = left.slice();
  for (const item of right) {
    const at = findByIndex(merged, item);
    if (at < 0) merged.push(item);
    else merged[at] = mergeDicts(merged[at] as PlainObject, item as PlainObject, depth) as T;
  }
  return merged;
}

function findByIndex(items: readonly unknown[], item: unknown): number {
  if (!isPlainObject(item) || item.index === undefined || item.index === null) return -1;
  return items.findIndex((other) => isPlainObject(other) && other.index === item.index);
}
