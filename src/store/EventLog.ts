import type { StreamEvent } from "../client/types";
import { shareRepeatedParts } from "./shareRepeatedParts";

/** How many events a session's log keeps by default. */
export const DEFAULT_EVENT_LOG_CAP = 5_000;
/**
 * How many bytes of events a session's log keeps by default: 8 MiB (estimated, see
 * `estimateJsonBytes`; what an event shares with the one before it counts once). 5,000 typical events (tokens, updates) take well under 1 MiB; the byte
 * cap is for large ones (200 events of 1 MB would otherwise keep 200 MB).
 */
export const DEFAULT_EVENT_LOG_BYTE_CAP = 8 * 1024 * 1024;
const MAX_CHUNK_SIZE = 256;
/**
 * Evicting at least this many bytes at once also lets go of the evicted entries that share a
 * chunk with kept ones; smaller evictions leave them until the chunk is spent (at most
 * chunkSize - 1 entries, each under this size).
 */
const RELEASE_BYTES = 16 * 1024;

/** One logged event. */
export interface EventLogEntry<TEvent = StreamEvent> {
  /** 0-based position among all events ever appended: stable, a good React key. */
  readonly seq: number;
  readonly receivedAt: number;
  readonly event: TEvent;
  /**
   * The event's estimated size in bytes (what it counts against the log's `byteCap`): the parts
   * it does not share with the event before it (see `appendEvents`).
   */
  readonly bytes: number;
}

/**
 * A bounded, persistent log of the latest `cap` events. Read it with {@link eventLogSize},
 * {@link eventLogAt}, {@link eventLogSlice} and {@link eventLogToArray}; the fields below the
 * counters are storage.
 *
 * Storage is a list of fixed-size chunks: full chunks are frozen and shared between versions,
 * so appending k events costs O(k) plus one copy of the chunk list (cap / chunkSize pointers),
 * never a copy of the events.
 */
export interface EventLog<TEvent = StreamEvent> {
  readonly cap: number;
  /** Estimated bytes kept at most (the oldest events go first; an event larger than this alone is not kept). */
  readonly byteCap: number;
  /** Estimated bytes of the kept events. */
  readonly bytes: number;
  /** Events ever appended. */
  readonly total: number;
  /** Events evicted to stay within `cap` and `byteCap`. */
  readonly dropped: number;
  /** Estimated bytes of the evicted events. */
  readonly droppedBytes: number;
  readonly chunkSize: number;
  readonly chunks: readonly (readonly EventLogEntry<TEvent>[])[];
  /** Position of the oldest kept event in `chunks[0]`. */
  readonly head: number;
}

export interface EventLogOptions {
  /** Events kept (default 5,000). */
  cap?: number;
  /** Estimated bytes kept (default 8 MiB, {@link DEFAULT_EVENT_LOG_BYTE_CAP}). */
  byteCap?: number;
  /** Events per storage chunk (default min(256, cap)). */
  chunkSize?: number;
}

/**
 * An empty log.
 *
 * @example const log = createEventLog({ cap: 1_000 });
 */
export function createEventLog<TEvent = StreamEvent>(
  options: EventLogOptions = {},
): EventLog<TEvent> {
  const cap = Math.max(0, Math.floor(options.cap ?? DEFAULT_EVENT_LOG_CAP));
  const byteCap = Math.max(0, Math.floor(options.byteCap ?? DEFAULT_EVENT_LOG_BYTE_CAP));
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? Math.min(MAX_CHUNK_SIZE, cap)));
  return {
    cap,
    byteCap,
    bytes: 0,
    total: 0,
    dropped: 0,
    droppedBytes: 0,
    chunkSize,
    chunks: [],
    head: 0,
  };
}

/**
 * Appends events (received at one time, or at `receivedAt[i]` each), evicting the oldest beyond
 * the cap and the byte cap. The given log stays valid and unchanged. An entry keeps the event
 * with every part that equals the same part of the event before it replaced by that part (equal
 * JSON, kept once: consecutive token events repeat all but their text), so `entry.event` may be
 * a copy of the event given. Each event's size (of what it does not share) is estimated once,
 * here (counting stops past the byte cap: a larger event is dropped anyway).
 *
 * @example const next = appendEvents(log, [event], Date.now()); eventLogSize(next) // 1
 */
export function appendEvents<TEvent>(
  log: EventLog<TEvent>,
  events: readonly TEvent[],
  receivedAt: number | readonly number[],
): EventLog<TEvent> {
  if (events.length === 0) return log;
  const writer = new ChunkWriter(log);
  let bytes = log.bytes;
  let previous: TEvent | undefined = eventLogAt(log, eventLogSize(log) - 1)?.event;
  events.forEach((event, i) => {
    const at = typeof receivedAt === "number" ? receivedAt : (receivedAt[i] ?? Date.now());
    // What repeats from the previous event (a token's metadata, ids, empty lists) is kept once.
    const shared = shareRepeatedParts(event, previous, log.byteCap);
    previous = shared.value;
    bytes += shared.bytes;
    writer.push(
      Object.freeze({
        seq: log.total + i,
        receivedAt: at,
        event: shared.value,
        bytes: shared.bytes,
      }),
    );
  });
  return evict({ ...log, bytes, total: log.total + events.length, chunks: writer.finish() });
}

/** Number of events kept. */
export function eventLogSize(log: EventLog<unknown>): number {
  return log.total - log.dropped;
}

/**
 * The kept event at `index` (0 = oldest kept), or undefined.
 *
 * @example eventLogAt(log, eventLogSize(log) - 1) // the newest entry
 */
export function eventLogAt<TEvent>(
  log: EventLog<TEvent>,
  index: number,
): EventLogEntry<TEvent> | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= eventLogSize(log)) return undefined;
  const position = log.head + index;
  return log.chunks[Math.floor(position / log.chunkSize)]?.[position % log.chunkSize];
}

/**
 * Kept entries from `start` to `end` (exclusive; negative counts from the end, as
 * `Array.prototype.slice`): what a virtualized list renders.
 *
 * @example eventLogSlice(log, 100, 150) // 50 entries
 */
export function eventLogSlice<TEvent>(
  log: EventLog<TEvent>,
  start = 0,
  end = eventLogSize(log),
): EventLogEntry<TEvent>[] {
  const size = eventLogSize(log);
  const from = clampIndex(start, size);
  const to = clampIndex(end, size);
  const entries: EventLogEntry<TEvent>[] = [];
  for (let position = log.head + from; position < log.head + to;) {
    const chunk = log.chunks[Math.floor(position / log.chunkSize)] ?? [];
    const offset = position % log.chunkSize;
    const take = Math.min(log.chunkSize - offset, log.head + to - position);
    for (let i = 0; i < take; i++) entries.push(chunk[offset + i] as EventLogEntry<TEvent>);
    position += take;
  }
  return entries;
}

/** All kept entries, oldest first. */
export function eventLogToArray<TEvent>(log: EventLog<TEvent>): EventLogEntry<TEvent>[] {
  return eventLogSlice(log, 0, eventLogSize(log));
}

function clampIndex(index: number, size: number): number {
  const absolute = index < 0 ? size + index : index;
  return Math.min(size, Math.max(0, Math.floor(absolute)));
}

/**
 * Evicts the oldest entries beyond the cap, then the oldest until the kept bytes fit the byte
 * cap; drops whole chunks once every entry in them is evicted.
 */
function evict<TEvent>(log: EventLog<TEvent>): EventLog<TEvent> {
  const size = eventLogSize(log);
  let excess = Math.max(0, size - log.cap);
  let droppedBytes = 0;
  for (let index = 0; index < excess; index++) droppedBytes += eventLogAt(log, index)?.bytes ?? 0;
  while (excess < size && log.bytes - droppedBytes > log.byteCap) {
    droppedBytes += eventLogAt(log, excess)?.bytes ?? 0;
    excess += 1;
  }
  if (excess === 0) return log;
  const head = log.head + excess;
  const spent = Math.floor(head / log.chunkSize);
  const newHead = head - spent * log.chunkSize;
  // Copying the first chunk costs chunkSize pointers: worth it only when what it frees is big.
  const release = droppedBytes >= RELEASE_BYTES && newHead > 0;
  const kept = spent > 0 ? log.chunks.slice(spent) : log.chunks;
  const chunks = release ? releaseEvicted(kept, newHead) : kept;
  return {
    ...log,
    bytes: log.bytes - droppedBytes,
    dropped: log.dropped + excess,
    droppedBytes: log.droppedBytes + droppedBytes,
    head: newHead,
    chunks,
  };
}

/**
 * Lets go of the evicted entries still in the first chunk (the byte cap is about memory: 255
 * evicted 1 MB events must not stay reachable until their chunk is spent). The chunk is shared
 * with older versions of the log, so it is copied (same length, holes where the evicted were),
 * never changed.
 */
function releaseEvicted<TEvent>(
  chunks: readonly (readonly EventLogEntry<TEvent>[])[],
  head: number,
): readonly (readonly EventLogEntry<TEvent>[])[] {
  const [first, ...rest] = chunks;
  if (first === undefined) return chunks;
  const copy = first.slice() as (EventLogEntry<TEvent> | undefined)[];
  copy.fill(undefined, 0, head);
  return [copy as EventLogEntry<TEvent>[], ...rest];
}

/**
 * Appends entries after a log's last entry. The last chunk is extended in place when no other
 * version of the log has written past this log's end (versions only read up to their own size),
 * and copied otherwise; the chunk list is copied at most once per batch.
 */
class ChunkWriter<TEvent> {
  readonly #chunkSize: number;
  readonly #base: readonly (readonly EventLogEntry<TEvent>[])[];
  #chunks: (readonly EventLogEntry<TEvent>[])[] | null = null;
  #position: number;

  constructor(log: EventLog<TEvent>) {
    this.#chunkSize = log.chunkSize;
    this.#base = log.chunks;
    this.#position = log.head + eventLogSize(log);
  }

  push(entry: EventLogEntry<TEvent>): void {
    const index = Math.floor(this.#position / this.#chunkSize);
    const tail = this.#writableChunk(index, this.#position % this.#chunkSize);
    tail.push(entry);
    if (tail.length === this.#chunkSize) Object.freeze(tail);
    this.#position += 1;
  }

  finish(): readonly (readonly EventLogEntry<TEvent>[])[] {
    return this.#chunks ?? this.#base;
  }

  #writableChunk(index: number, offset: number): EventLogEntry<TEvent>[] {
    const chunks = this.#chunks ?? this.#base;
    const existing = chunks[index] as EventLogEntry<TEvent>[] | undefined;
    if (existing !== undefined && existing.length === offset) return existing;
    const chunk = existing === undefined ? [] : existing.slice(0, offset);
    this.#ownChunks()[index] = chunk;
    return chunk;
  }

  #ownChunks(): (readonly EventLogEntry<TEvent>[])[] {
    this.#chunks ??= this.#base.slice();
    return this.#chunks;
  }
}
