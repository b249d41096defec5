import { isPlainObject } from "../client/isPlainObject";
import { estimateJsonBytes } from "./estimateJsonBytes";
import { setOwn } from "./ownProperty";

/** What a value costs besides its characters (as `estimateJsonBytes` counts). */
const VALUE_BYTES = 8;
const CONTAINER_BYTES = 16;
/** Below this depth the value is kept as it is (and counted): real events nest a few levels. */
const MAX_SHARE_DEPTH = 8;
/** Strings shorter than this count one byte a character (a short two-byte string errs by little). */
const SAMPLED_LENGTH = 64;

/** A value with the parts it shares with an earlier one, and the estimated bytes of the rest. */
export interface SharedValue<T> {
  value: T;
  /** Estimated bytes of what is not shared (see `estimateJsonBytes`); past `limit`, `limit + 1` or more. */
  bytes: number;
}

/**
 * `value` with every part that equals the same part of `previous` (same key or position)
 * replaced by that part: equal JSON, one copy in memory. Consecutive stream events repeat most
 * of their data (a token's metadata, the chunk's empty lists and ids), so a log that keeps
 * thousands of them keeps that once. Neither input is changed: containers along a path to a
 * shared part are copied. Also estimates the bytes of what is not shared, in the same walk;
 * past `limit` it stops walking and keeps the rest as it is.
 *
 * @example
 * const a = { data: [{ content: "t1" }, { node: "agent" }] };
 * const b = shareRepeatedParts({ data: [{ content: "t2" }, { node: "agent" }] }, a).value;
 * b.data[1] === a.data[1] // true
 */
export function shareRepeatedParts<T>(
  value: T,
  previous: unknown,
  limit = Number.MAX_SAFE_INTEGER,
): SharedValue<T> {
  const walk = new SharingWalk(limit);
  return { value: walk.share(value, previous, 0) as T, bytes: walk.bytes };
}

class SharingWalk {
  bytes = 0;
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  share(value: unknown, previous: unknown, depth: number): unknown {
    if (value === previous) return previous;
    // Equal strings from two parses are two copies: the earlier one is kept.
    if (typeof value !== "object" || value === null) return this.#leaf(value, previous);
    if (this.bytes > this.#limit || depth >= MAX_SHARE_DEPTH) {
      this.bytes += estimateJsonBytes(value, this.#limit - this.bytes);
      return value;
    }
    if (Array.isArray(value)) {
      return this.#shareArray(value, Array.isArray(previous) ? previous : undefined, depth);
    }
    return this.#shareObject(
      value as Record<string, unknown>,
      isPlainObject(previous) ? previous : undefined,
      depth,
    );
  }

  #shareArray(value: unknown[], previous: unknown[] | undefined, depth: number): unknown {
    const before = this.bytes;
    this.bytes += CONTAINER_BYTES + VALUE_BYTES * value.length;
    let same = previous !== undefined && previous.length === value.length;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const own = value[i];
      const earlier = previous === undefined ? undefined : previous[i];
      const child =
        own === earlier
          ? earlier
          : typeof own === "object" && own !== null
            ? this.share(own, earlier, depth + 1)
            : this.#leaf(own, earlier);
      if (child !== own) (copy ??= value.slice())[i] = child;
      if (child !== earlier) same = false;
    }
    if (same) {
      this.bytes = before;
      return previous;
    }
    return copy ?? value;
  }

  #shareObject(
    value: Record<string, unknown>,
    previous: Record<string, unknown> | undefined,
    depth: number,
  ): unknown {
    const before = this.bytes;
    this.bytes += CONTAINER_BYTES;
    let same = previous !== undefined;
    let keys = 0;
    let copy: Record<string, unknown> | undefined;
    // for…in reads an object's own keys without allocating (JSON objects have no inherited
    // enumerable ones; the own-key checks keep it that way under a polluted prototype).
    for (const key in value) {
      if (!hasOwn.call(value, key)) continue;
      keys += 1;
      this.bytes += VALUE_BYTES + key.length;
      const own = value[key];
      // Wire keys are data: `__proto__` or `constructor` must not reach an inherited member.
      const earlier =
        previous !== undefined && hasOwn.call(previous, key) ? previous[key] : undefined;
      const child =
        own === earlier
          ? earlier
          : typeof own === "object" && own !== null
            ? this.share(own, earlier, depth + 1)
            : this.#leaf(own, earlier);
      if (child !== own) setOwn((copy ??= { ...value }), key, child);
      if (earlier === undefined || child !== earlier) same = false;
    }
    if (same && countOwnKeys(previous!) === keys) {
      this.bytes = before;
      return previous;
    }
    return copy ?? value;
  }

  /** A string or another primitive: the earlier string when equal, else counted. */
  #leaf(value: unknown, previous: unknown): unknown {
    if (typeof value === "string") {
      if (value === previous) return previous;
      this.bytes += VALUE_BYTES + stringBytes(value);
      return value;
    }
    this.bytes += VALUE_BYTES;
    return value;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

function countOwnKeys(record: Record<string, unknown>): number {
  let count = 0;
  for (const key in record) if (hasOwn.call(record, key)) count += 1;
  return count;
}

function stringBytes(text: string): number {
  if (text.length < SAMPLED_LENGTH) return text.length;
  // Sampling the first characters is enough to tell one-byte strings from two-byte ones.
  for (let i = 0; i < SAMPLED_LENGTH; i++) {
    if (text.charCodeAt(i) > 0xff) return text.length * 2;
  }
  return text.length;
}
