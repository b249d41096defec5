"use client";
import type { RunRef } from "../../store/RunHandle";
import { useRunHandle } from "../../hooks/RunScope";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { StreamEvent } from "../../client/types";
import {
  appendEvents,
  createEventLog,
  eventLogSize,
  type EventLog,
  type EventLogEntry,
} from "../../store/EventLog";
import { createEventLogIndex, type EventLogFacets, type EventLogView } from "./createEventLogIndex";
import { formatRelativeTime, namespaceOf, prettyEvent, previewEvent } from "./formatEvent";
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
}

/** What copying an event did, per event seq. */
export type CopyState = "copied" | "failed";

export interface StreamEventLogState {
  /** The log shown. */
  eventLog: EventLog;
  /** Events kept in the log. */
  size: number;
  /** Events ever received. */
  total: number;
  /** Old events the bounded log dropped. */
  dropped: number;
  /** The rows that pass the filters: read them by position. */
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
  clearFilters: () => void;
  filtered: boolean;
  isExpanded: (seq: number) => boolean;
  toggleExpanded: (seq: number) => void;
  /** `+1.23s` since the first event. */
  relativeTime: (entry: EventLogEntry) => string;
  /** One line of JSON of the event's data. */
  preview: (entry: EventLogEntry) => string;
  /** The event as indented JSON. */
  json: (entry: EventLogEntry) => string;
  /** Copies the event as JSON to the clipboard (false when there is no clipboard or it failed). */
  copy: (entry: EventLogEntry) => Promise<boolean>;
  /** The result of the latest copy of an event, for a couple of seconds. */
  copyState: (seq: number) => CopyState | undefined;
  namespaceOf: (entry: EventLogEntry) => string;
}

const EMPTY_LOG = /* @__PURE__ */ createEventLog();
const NO_TYPES: readonly string[] = [];

/**
 * The behaviour of the event log, without markup: the log (of `run`, or given), filters by
 * mode and namespace, expanded rows, formatting, copy. Rows are read by position (never copied),
 * so it stays cheap with 100,000 events; pair it with `useFollowTailVirtualizer` to render them.
 *
 * @example
 * const log = useStreamEventLog({ run: chat });
 * log.rows.count; // rows that pass the filters
 * const entry = log.rows.entryAt(0);
 * entry && log.preview(entry); // '{"run_id":"…"}'
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
  const eventLog = givenLog ?? eventsLog ?? sessionLog ?? EMPTY_LOG;

  const [types, setTypesState] = useState<readonly string[]>(options.initialTypes ?? NO_TYPES);
  const [namespace, setNamespace] = useState<string | null>(options.initialNamespace ?? null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const copies = useCopyStates();

  // The index object keeps incremental scans between renders; it resets itself on another log.
  const [index] = useState(createEventLogIndex);
  const rows = useMemo(
    () => index.view(eventLog, { types, namespace }),
    [index, eventLog, types, namespace],
  );
  const facets = useMemo(() => index.facets(eventLog), [index, eventLog]);
  const origin = useMemo(() => index.origin(eventLog), [index, eventLog]);

  const toggleType = useCallback((type: string) => {
    setTypesState((current) =>
      current.includes(type) ? current.filter((t) => t !== type) : [...current, type],
    );
  }, []);
  const setTypes = useCallback((next: readonly string[]) => setTypesState([...next]), []);
  const clearFilters = useCallback(() => {
    setTypesState(NO_TYPES);
    setNamespace(null);
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
    (entry: EventLogEntry) => formatRelativeTime(entry.receivedAt, origin ?? entry.receivedAt),
    [origin],
  );

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
    clearFilters,
    filtered: types.length > 0 || namespace !== null,
    isExpanded,
    toggleExpanded,
    relativeTime,
    preview: previewOf,
    json: jsonOf,
    copy: copies.copy,
    copyState: copies.state,
    namespaceOf: namespaceOfEntry,
  };
}

function logOfEvents(events: readonly StreamEvent[]): EventLog {
  return appendEvents(createEventLog({ cap: Math.max(1, events.length) }), events, 0);
}

// Entries are frozen and never change: cache their formatting by identity.
const previews = new WeakMap<EventLogEntry, string>();
function previewOf(entry: EventLogEntry): string {
  let text = previews.get(entry);
  if (text === undefined) {
    text = previewEvent(entry.event);
    previews.set(entry, text);
  }
  return text;
}

function jsonOf(entry: EventLogEntry): string {
  return prettyEvent(entry.event);
}

function namespaceOfEntry(entry: EventLogEntry): string {
  return namespaceOf(entry.event);
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
    const ok = await writeClipboard(prettyEvent(entry.event));
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
