"use client";
import type { RunRef } from "../../store/RunHandle";
import { useRunHandle } from "../../hooks/RunScope";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { StreamEvent } from "../../client/types";
import {
  appendEvents,
  createEventLog,
  eventLogSize,
  type EventLog,
  type EventLogEntry,
} from "../../store/EventLog";
import { createEventLogIndex, type EventLogFacets, type EventLogView } from "./createEventLogIndex";
import { entryEvent } from "./entryEvent";
import { eventPreview } from "./eventPreview";
import { eventsToNdjson } from "./eventsToNdjson";
import { formatRelativeTime, namespaceOf, prettyEvent } from "./formatEvent";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";

export interface UseStreamEventLogOptions {
  /** The run handle (default: the `<RunScope>`'s): reads the run's log from the provider's buffer. */
  run?: RunRef | null;
  /** A log to show, controlled (the run's is not read; e.g. `createEventLog` + `appendEvents`). */
  eventLog?: EventLog;
  /** Plain events to show, controlled (all shown as received at +0.00s). */
  events?: readonly StreamEvent[];
  /** Modes shown at first (default: all). */
  initialTypes?: readonly string[];
  /** Namespace key shown at first (`""` = root; default: all). */
  initialNamespace?: string | null;
  /** Search text at first (default: none). */
  initialQuery?: string;
}

/** What copying an event did, per event seq. */
export type CopyState = "copied" | "failed";

export interface StreamEventLogState {
  /** The log shown: the live one, or the one frozen by `pause`. */
  eventLog: EventLog;
  /** Events kept in the log shown. */
  size: number;
  /** Events ever received. */
  total: number;
  /** Old events the bounded log dropped. */
  dropped: number;
  /** The rows that pass the filters and the search: read them by position. */
  rows: EventLogView;
  /** Modes and namespaces seen, with counts (for filter controls). */
  facets: EventLogFacets;
  /** Modes shown (empty = all). */
  types: readonly string[];
  toggleType: (type: string) => void;
  setTypes: (types: readonly string[]) => void;
  /** Namespace key shown (`""` = root), `null` = all. */
  namespace: string | null;
  setNamespace: (namespace: string | null) => void;
  /** The search text as typed (rows follow it a moment later while the log is busy). */
  query: string;
  setQuery: (query: string) => void;
  /** The search the rows follow: the query, trimmed, once the rows have caught up with it. */
  search: string;
  /** Clears the mode and namespace filters and the search. */
  clearFilters: () => void;
  /** Some filter or a search is on. */
  filtered: boolean;
  /** The view is frozen: events that arrive are counted in `pending`, shown on `resume`. */
  paused: boolean;
  /** Events received since `pause` (0 when live). */
  pending: number;
  /** Freezes the rows shown (a new event neither adds nor moves a row). */
  pause: () => void;
  /** Shows the live log again. */
  resume: () => void;
  isExpanded: (seq: number) => boolean;
  toggleExpanded: (seq: number) => void;
  /** `+1.23s` since the start of the event's run (its `metadata` event). */
  relativeTime: (entry: EventLogEntry) => string;
  /** What the event is about, in one line, by mode (see `eventPreview`). */
  preview: (entry: EventLogEntry) => string;
  /** The event as indented JSON. */
  json: (entry: EventLogEntry) => string;
  /** The rows shown as NDJSON, one event per line (see `eventsToNdjson`). */
  toNdjson: () => string;
  /** Copies the event as JSON to the clipboard (false when there is no clipboard or it failed). */
  copy: (entry: EventLogEntry) => Promise<boolean>;
  /** The result of the latest copy of an event, for a couple of seconds. */
  copyState: (seq: number) => CopyState | undefined;
  /** The event's mode (`event.type`). */
  typeOf: (entry: EventLogEntry) => string;
  namespaceOf: (entry: EventLogEntry) => string;
  /** The event opens a run: a `metadata` event at the root graph. */
  isRunStart: (entry: EventLogEntry) => boolean;
}

const EMPTY_LOG = /* @__PURE__ */ createEventLog();
const NO_TYPES: readonly string[] = [];

/**
 * The behaviour of the event log, without markup: the log (of `run`, or given), filters by
 * mode and namespace, text search, pause, expanded rows, formatting, copy and NDJSON export.
 * Rows are read by position (never copied), so it stays cheap with 100,000 events; pair it
 * with `useFollowTailVirtualizer` to render them.
 *
 * @example
 * const log = useStreamEventLog({ run: chat });
 * log.setQuery("weather");
 * log.rows.count; // rows that pass the filters and mention "weather"
 * const entry = log.rows.entryAt(0);
 * entry && log.preview(entry); // "run 01a1fdc0-…"
 */
export function useStreamEventLog(options: UseStreamEventLogOptions = {}): StreamEventLogState {
  const { eventLog: givenLog, events } = options;
  const run = useRunHandle(options.run);
  // A log given as a prop wins: no subscription, no re-render per flush.
  const sessionLog = useOptionalRunSession(
    givenLog || events ? null : run,
    (session) => session?.eventLog,
  );
  const eventsLog = useMemo(() => (events ? logOfEvents(events) : undefined), [events]);
  const liveLog = givenLog ?? eventsLog ?? sessionLog ?? EMPTY_LOG;
  // The log is persistent: a paused view keeps the version it had, at no cost.
  const [frozenLog, setFrozenLog] = useState<EventLog | null>(null);
  const eventLog = frozenLog ?? liveLog;

  const [types, setTypesState] = useState<readonly string[]>(options.initialTypes ?? NO_TYPES);
  const [namespace, setNamespace] = useState<string | null>(options.initialNamespace ?? null);
  const [query, setQuery] = useState(options.initialQuery ?? "");
  // Typing stays responsive while a long log is searched.
  const search = useDeferredValue(query).trim();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const copies = useCopyStates();

  // The index object keeps incremental scans between renders; it resets itself on another log.
  const [index] = useState(createEventLogIndex);
  const rows = useMemo(
    () => index.view(eventLog, { types, namespace, query: search }),
    [index, eventLog, types, namespace, search],
  );
  const facets = useMemo(() => index.facets(eventLog), [index, eventLog]);

  const toggleType = useCallback((type: string) => {
    setTypesState((current) =>
      current.includes(type) ? current.filter((t) => t !== type) : [...current, type],
    );
  }, []);
  const setTypes = useCallback((next: readonly string[]) => setTypesState([...next]), []);
  const clearFilters = useCallback(() => {
    setTypesState(NO_TYPES);
    setNamespace(null);
    setQuery("");
  }, []);
  const toggleExpanded = useCallback((seq: number) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });
  }, []);
  const isExpanded = useCallback((seq: number) => expanded.has(seq), [expanded]);
  const relativeTime = useCallback(
    (entry: EventLogEntry) =>
      formatRelativeTime(entry.receivedAt, index.timeBase(eventLog, entry.seq) ?? entry.receivedAt),
    [index, eventLog],
  );
  const preview = useCallback(
    (entry: EventLogEntry) => previewOf(entry, () => index.previousValues(eventLog, entry.seq)),
    [index, eventLog],
  );
  const toNdjson = useCallback(() => eventsToNdjson(rows), [rows]);
  const pause = useCallback(() => setFrozenLog((frozen) => frozen ?? liveLog), [liveLog]);
  const resume = useCallback(() => setFrozenLog(null), []);

  return {
    eventLog,
    size: eventLogSize(eventLog),
    total: eventLog.total,
    dropped: eventLog.dropped,
    rows,
    facets,
    types,
    toggleType,
    setTypes,
    namespace,
    setNamespace,
    query,
    setQuery,
    search,
    clearFilters,
    filtered: types.length > 0 || namespace !== null || search !== "",
    paused: frozenLog !== null,
    pending: frozenLog === null ? 0 : Math.max(0, liveLog.total - frozenLog.total),
    pause,
    resume,
    isExpanded,
    toggleExpanded,
    relativeTime,
    preview,
    json: jsonOf,
    toNdjson,
    copy: copies.copy,
    copyState: copies.state,
    typeOf: typeOfEntry,
    namespaceOf: namespaceOfEntry,
    isRunStart,
  };
}

function logOfEvents(events: readonly StreamEvent[]): EventLog {
  return appendEvents(createEventLog({ cap: Math.max(1, events.length) }), events, 0);
}

// Entries are frozen and never change (nor does the values event before one): cache by identity.
const previews = new WeakMap<EventLogEntry, string>();
function previewOf(entry: EventLogEntry, previousValues: () => EventLogEntry | undefined): string {
  let text = previews.get(entry);
  if (text === undefined) {
    const event = entryEvent(entry);
    const previous = event.type === "values" ? previousValues() : undefined;
    text = eventPreview(event, previous && entryEvent(previous));
    previews.set(entry, text);
  }
  return text;
}

function jsonOf(entry: EventLogEntry): string {
  return prettyEvent(entryEvent(entry));
}

function typeOfEntry(entry: EventLogEntry): string {
  return String(entryEvent(entry).type);
}

function namespaceOfEntry(entry: EventLogEntry): string {
  return namespaceOf(entryEvent(entry));
}

function isRunStart(entry: EventLogEntry): boolean {
  const event = entryEvent(entry);
  return event.type === "metadata" && namespaceOf(event) === "";
}

const COPY_FEEDBACK_MS = 2_000;

function useCopyStates() {
  const [states, setStates] = useState<ReadonlyMap<number, CopyState>>(() => new Map());
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const copy = useCallback(async (entry: EventLogEntry) => {
    const ok = await writeClipboard(prettyEvent(entryEvent(entry)));
    const seq = entry.seq;
    setStates((current) => new Map(current).set(seq, ok ? "copied" : "failed"));
    clearTimeout(timers.current.get(seq));
    timers.current.set(
      seq,
      setTimeout(() => {
        timers.current.delete(seq);
        setStates((current) => {
          const next = new Map(current);
          next.delete(seq);
          return next;
        });
      }, COPY_FEEDBACK_MS),
    );
    return ok;
  }, []);
  const state = useCallback((seq: number) => states.get(seq), [states]);
  return { copy, state };
}

async function writeClipboard(text: string): Promise<boolean> {
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  if (!clipboard || typeof clipboard.writeText !== "function") return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
