import { isPlainObject } from "../client/isPlainObject";
import { estimateJsonBytes } from "./estimateJsonBytes";
import { setOwn } from "./ownProperty";

/** What a value costs besides its characters (as `estimateJsonBytes` counts). */
const VALUE_BYTES = 8;
const CONTAINER_BYTES = 16;
/** Below this depth the value is kept as it is (and counted): real events nest a few levels. */
const MAX_SHARE_DEPTH = 8;

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
    if (typeof value === "string") {
      if (value === previous) return previous;
      this.bytes += VALUE_BYTES + stringBytes(value);
      return value;
    }
    if (typeof value !== "object" || value === null) {
      this.bytes += VALUE_BYTES;
      return value;
    }
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
      const child = this.share(value[i], previous?.[i], depth + 1);
      if (child !== value[i]) (copy ??= value.slice())[i] = child;
      if (same && child !== previous?.[i]) same = false;
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
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      keys += 1;
      this.bytes += VALUE_BYTES + stringBytes(key);
      const own = value[key];
      const known = previous !== undefined && Object.prototype.hasOwnProperty.call(previous, key);
      const earlier = known ? previous[key] : undefined;
      const child = this.share(own, earlier, depth + 1);
      if (child !== own) setOwn((copy ??= { ...value }), key, child);
      if (same && (!known || child !== earlier)) same = false;
    }
    if (same && countOwnKeys(previous!) === keys) {
      this.bytes = before;
      return previous;
    }
    return copy ?? value;
  }
}

function countOwnKeys(record: Record<string, unknown>): number {
  let count = 0;
  for (const key in record) if (Object.prototype.hasOwnProperty.call(record, key)) count += 1;
  return count;
}

function stringBytes(text: string): number {
  // Sampling the first characters is enough to tell one-byte strings from two-byte ones.
  for (let i = 0; i < Math.min(text.length, 64); i++) {
    if (text.charCodeAt(i) > 0xff) return text.length * 2;
  }
  return text.length;
}
