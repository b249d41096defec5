import type { StreamEvent } from "../../client/types";
import { eventLogAt, eventLogSize, type EventLog, type EventLogEntry } from "../../store/EventLog";
import { createEventMatcher } from "./createEventMatcher";
import { entryEvent } from "./entryEvent";
import { namespaceOf } from "./formatEvent";

/**
 * Which events a log view shows. Empty `types`, a `null` namespace and an empty query show
 * everything.
 */
export interface EventLogFilter {
  /** Stream modes (`event.type`) to show; empty = all. */
  types: readonly string[];
  /** The namespace key (`ns.join("|")`, `""` = root) to show; `null` = all. */
  namespace: string | null;
  /** Text to find in the event's mode, namespace or data (case-insensitive); empty = all. */
  query?: string;
}

/** A filtered window onto one version of a log: rows are read by position, never copied. */
export interface EventLogView {
  /** Rows that match the filter (all kept events without a filter). */
  readonly count: number;
  /** The entry shown in row `row` (0 = oldest), or undefined. */
  entryAt(row: number): EventLogEntry | undefined;
}

/** How many events of one kind (a mode or a namespace) the log has seen. */
export interface FacetCount {
  key: string;
  count: number;
}

export interface EventLogFacets {
  /** Stream modes of the events the log holds, in order of first appearance. */
  types: readonly FacetCount[];
  /** Namespace keys (`""` = root) of the events the log holds, in order of first appearance. */
  namespaces: readonly FacetCount[];
}

/** Where a run starts: its `metadata` event at the root graph. */
interface RunStart {
  seq: number;
  at: number;
}

/** What the facets counted for one kept event, to take it back out once the log drops it. */
interface CountedEvent {
  seq: number;
  type: string;
  namespace: string;
}

/**
 * An incremental index over a growing event log: the modes and namespaces seen so far, where
 * each run starts, and the positions of the events that match a filter (modes, namespace, text). Each new version of the log costs only its new
 * events, so a 100,000-event log is scanned once, not per render. Start over on another log.
 *
 * @example
 * const index = createEventLogIndex();
 * const view = index.view(log, { types: ["custom"], namespace: null });
 * view.entryAt(view.count - 1); // the newest custom event
 */
export function createEventLogIndex(): EventLogIndex {
  return new EventLogIndex();
}

export class EventLogIndex {
  /** The log lineage: the last entry scanned, to notice a different (reset) log. */
  #lastEntry: EventLogEntry | undefined;
  #scannedTotal = 0;
  #types = new Map<string, number>();
  #namespaces = new Map<string, number>();
  /** The events counted in the facets, oldest first (`#countedStart` skips the uncounted). */
  #counted: CountedEvent[] = [];
  #countedStart = 0;
  #facets: EventLogFacets = { types: [], namespaces: [] };
  #facetsDirty = false;
  #filterKey: string | null = null;
  #filter: EventLogFilter | null = null;
  /** Seqs of matching events (append-only; `#start` skips the dropped ones). */
  #seqs: number[] = [];
  #start = 0;
  #origin: number | undefined;
  /** Root `metadata` events, oldest first: each opens a run (the time base of its events). */
  #runStarts: RunStart[] = [];
  /** The latest `values` event's seq per namespace, and each kept one's predecessor's. */
  #lastValues = new Map<string, number>();
  #previousValues = new Map<number, number>();

  /** The rows of `log` that match `filter`. */
  view(log: EventLog, filter: EventLogFilter): EventLogView {
    this.#sync(log, filter);
    const size = eventLogSize(log);
    if (isEmptyFilter(filter)) {
      return { count: size, entryAt: (row) => eventLogAt(log, row) };
    }
    while (this.#start < this.#seqs.length && (this.#seqs[this.#start] as number) < log.dropped) {
      this.#start += 1;
    }
    if (this.#start > 4096 && this.#start * 2 > this.#seqs.length) {
      // Compact: earlier views keep the old array, so their rows stay valid.
      this.#seqs = this.#seqs.slice(this.#start);
      this.#start = 0;
    }
    const seqs = this.#seqs;
    const start = this.#start;
    const count = seqs.length - start;
    const dropped = log.dropped;
    return {
      count,
      entryAt: (row) => {
        if (!Number.isInteger(row) || row < 0 || row >= count) return undefined;
        return eventLogAt(log, (seqs[start + row] as number) - dropped);
      },
    };
  }

  /**
   * Modes and namespaces of the events the log holds, with counts: an event the bounded log
   * dropped no longer counts (a log capped at 50 lists at most 50 namespaces).
   */
  facets(log: EventLog): EventLogFacets {
    this.#sync(log, this.#filter);
    if (this.#facetsDirty) {
      this.#facets = {
        types: [...this.#types].map(([key, count]) => ({ key, count })),
        namespaces: [...this.#namespaces].map(([key, count]) => ({ key, count })),
      };
      this.#facetsDirty = false;
    }
    return this.#facets;
  }

  /**
   * When the first event the index saw arrived (event 0 unless it was dropped before the index
   * saw it): the origin of relative times, which stays put as old events are dropped.
   */
  origin(log: EventLog): number | undefined {
    this.#sync(log, this.#filter);
    return this.#origin;
  }

  /**
   * When the run of event `seq` started (its run's root `metadata` event; the first event the
   * index saw when no run start precedes it): the origin of the event's relative time.
   *
   * @example index.timeBase(log, 120) // receivedAt of the latest metadata event with seq ≤ 120
   */
  timeBase(log: EventLog, seq: number): number | undefined {
    this.#sync(log, this.#filter);
    const starts = this.#runStarts;
    let low = 0;
    let high = starts.length - 1;
    let found: RunStart | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = starts[mid] as RunStart;
      if (start.seq <= seq) {
        found = start;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found?.at ?? this.#origin;
  }

  /**
   * The `values` event before event `seq` in the same namespace, while the log keeps it: what a
   * `values` event changed is told against it.
   */
  previousValues(log: EventLog, seq: number): EventLogEntry | undefined {
    this.#sync(log, this.#filter);
    const previous = this.#previousValues.get(seq);
    return previous === undefined ? undefined : eventLogAt(log, previous - log.dropped);
  }

  #sync(log: EventLog, filter: EventLogFilter | null): void {
    if (!this.#sameLineage(log)) this.#reset();
    // Per-row reads pass the current filter back: no key to compute then.
    if (filter !== this.#filter) this.#setFilter(log, filter);
    if (log.total > this.#scannedTotal) {
      this.#scan(log, Math.max(this.#scannedTotal, log.dropped), log.total, true);
      this.#scannedTotal = log.total;
      this.#lastEntry = eventLogAt(log, log.total - 1 - log.dropped);
    }
    this.#uncountDropped(log.dropped);
  }

  #setFilter(log: EventLog, filter: EventLogFilter | null): void {
    const filterKey = filter === null || isEmptyFilter(filter) ? null : keyOf(filter);
    this.#filter = filter;
    if (filterKey === this.#filterKey) return;
    this.#filterKey = filterKey;
    this.#seqs = [];
    this.#start = 0;
    // Refill the matches from what the log still keeps (facets stay as they are).
    if (filterKey !== null) this.#scan(log, log.dropped, this.#scannedTotal, false);
  }

  /** Takes the events the log dropped (seq below `dropped`) out of the facet counts. */
  #uncountDropped(dropped: number): void {
    const counted = this.#counted;
    while (this.#countedStart < counted.length) {
      const event = counted[this.#countedStart] as CountedEvent;
      if (event.seq >= dropped) break;
      decrement(this.#types, event.type);
      decrement(this.#namespaces, event.namespace);
      if (event.type === "values") this.#previousValues.delete(event.seq);
      this.#facetsDirty = true;
      this.#countedStart += 1;
    }
    if (this.#countedStart > 4096 && this.#countedStart * 2 > counted.length) {
      this.#counted = counted.slice(this.#countedStart);
      this.#countedStart = 0;
    }
  }

  /** Scans kept events with seq in [fromSeq, toSeq). */
  #scan(log: EventLog, fromSeq: number, toSeq: number, countFacets: boolean): void {
    const filter = this.#filterKey === null ? null : this.#filter;
    const types = filter && filter.types.length > 0 ? new Set(filter.types) : null;
    const matches = filter ? createEventMatcher(filter.query ?? "") : null;
    for (let seq = fromSeq; seq < toSeq; seq++) {
      const entry = eventLogAt(log, seq - log.dropped);
      if (entry === undefined) continue;
      const event: StreamEvent = entryEvent(entry);
      const namespace = namespaceOf(event);
      this.#origin ??= entry.receivedAt;
      if (countFacets) this.#count(entry.seq, entry.receivedAt, event.type, namespace);
      if (filter === null) continue;
      if (types !== null && !types.has(event.type)) continue;
      if (filter.namespace !== null && filter.namespace !== namespace) continue;
      if (matches !== null && !matches(event)) continue;
      this.#seqs.push(entry.seq);
    }
  }

  /** Counts a new event in the facets, and notes run starts and `values` predecessors. */
  #count(seq: number, at: number, type: string, namespace: string): void {
    this.#types.set(type, (this.#types.get(type) ?? 0) + 1);
    this.#namespaces.set(namespace, (this.#namespaces.get(namespace) ?? 0) + 1);
    this.#counted.push({ seq, type, namespace });
    this.#facetsDirty = true;
    if (type === "metadata" && namespace === "") this.#runStarts.push({ seq, at });
    if (type === "values") {
      const previous = this.#lastValues.get(namespace);
      if (previous !== undefined) this.#previousValues.set(seq, previous);
      this.#lastValues.set(namespace, seq);
    }
  }

  #sameLineage(log: EventLog): boolean {
    if (this.#scannedTotal === 0) return true;
    if (log.total < this.#scannedTotal) return false;
    const index = this.#scannedTotal - 1 - log.dropped;
    // The last scanned entry is still kept: it must be the very same (frozen) object.
    if (index >= 0) return eventLogAt(log, index) === this.#lastEntry;
    return true;
  }

  #reset(): void {
    this.#lastEntry = undefined;
    this.#scannedTotal = 0;
    this.#types = new Map();
    this.#namespaces = new Map();
    this.#counted = [];
    this.#countedStart = 0;
    this.#facets = { types: [], namespaces: [] };
    this.#facetsDirty = false;
    this.#filter = null;
    this.#filterKey = null;
    this.#seqs = [];
    this.#start = 0;
    this.#origin = undefined;
    this.#runStarts = [];
    this.#lastValues = new Map();
    this.#previousValues = new Map();
  }
}

function isEmptyFilter(filter: EventLogFilter): boolean {
  return filter.types.length === 0 && filter.namespace === null && !filter.query?.trim();
}

function keyOf(filter: EventLogFilter): string {
  return JSON.stringify([[...filter.types].sort(), filter.namespace, filter.query?.trim() ?? ""]);
}

/** One fewer of `key`; a key that reaches zero leaves the map (and the facets). */
function decrement(counts: Map<string, number>, key: string): void {
  const count = (counts.get(key) ?? 0) - 1;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
