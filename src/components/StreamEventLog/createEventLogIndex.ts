import type { StreamEvent } from "../../client/types";
import { eventLogAt, eventLogSize, type EventLog, type EventLogEntry } from "../../store/EventLog";
import { namespaceOf } from "./formatEvent";

/** Which events a log view shows. Empty `types` and a `null` namespace show everything. */
export interface EventLogFilter {
  /** Stream modes (`event.type`) to show; empty = all. */
  types: readonly string[];
  /** The namespace key (`ns.join("|")`, `""` = root) to show; `null` = all. */
  namespace: string | null;
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

/** What the facets counted for one kept event, to take it back out once the log drops it. */
interface CountedEvent {
  seq: number;
  type: string;
  namespace: string;
}

/**
 * An incremental index over a growing event log: the modes and namespaces seen so far, and the
 * positions of the events that match a filter. Each new version of the log costs only its new
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

  #sync(log: EventLog, filter: EventLogFilter | null): void {
    if (!this.#sameLineage(log)) this.#reset();
    const filterKey = filter === null || isEmptyFilter(filter) ? null : keyOf(filter);
    if (filterKey !== this.#filterKey) {
      this.#filterKey = filterKey;
      this.#filter = filter;
      this.#seqs = [];
      this.#start = 0;
      // Refill the matches from what the log still keeps (facets stay as they are).
      if (filterKey !== null) this.#scan(log, log.dropped, this.#scannedTotal, false);
    }
    if (log.total > this.#scannedTotal) {
      this.#scan(log, Math.max(this.#scannedTotal, log.dropped), log.total, true);
      this.#scannedTotal = log.total;
      this.#lastEntry = eventLogAt(log, log.total - 1 - log.dropped);
    }
    this.#uncountDropped(log.dropped);
  }

  /** Takes the events the log dropped (seq below `dropped`) out of the facet counts. */
  #uncountDropped(dropped: number): void {
    const counted = this.#counted;
    while (this.#countedStart < counted.length) {
      const event = counted[this.#countedStart] as CountedEvent;
      if (event.seq >= dropped) break;
      decrement(this.#types, event.type);
      decrement(this.#namespaces, event.namespace);
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
    for (let seq = fromSeq; seq < toSeq; seq++) {
      const entry = eventLogAt(log, seq - log.dropped);
      if (entry === undefined) continue;
      const event: StreamEvent = entry.event;
      const namespace = namespaceOf(event);
      this.#origin ??= entry.receivedAt;
      if (countFacets) {
        this.#types.set(event.type, (this.#types.get(event.type) ?? 0) + 1);
        this.#namespaces.set(namespace, (this.#namespaces.get(namespace) ?? 0) + 1);
        this.#counted.push({ seq: entry.seq, type: event.type, namespace });
        this.#facetsDirty = true;
      }
      if (filter === null) continue;
      if (types !== null && !types.has(event.type)) continue;
      if (filter.namespace !== null && filter.namespace !== namespace) continue;
      this.#seqs.push(entry.seq);
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
    this.#filterKey = null;
    this.#seqs = [];
    this.#start = 0;
    this.#origin = undefined;
  }
}

function isEmptyFilter(filter: EventLogFilter): boolean {
  return filter.types.length === 0 && filter.namespace === null;
}

function keyOf(filter: EventLogFilter): string {
  return JSON.stringify([[...filter.types].sort(), filter.namespace]);
}

/** One fewer of `key`; a key that reaches zero leaves the map (and the facets). */
function decrement(counts: Map<string, number>, key: string): void {
  const count = (counts.get(key) ?? 0) - 1;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
