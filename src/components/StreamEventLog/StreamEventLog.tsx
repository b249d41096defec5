"use client";
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties } from "react";
import type { EventLogEntry } from "../../store/EventLog";
import type { RowKey } from "./createRowOffsets";
import { downloadText } from "./downloadText";
import { Icon } from "../icons/Icon";
import { EventLogToolbar } from "./EventLogToolbar";
import { EventRow } from "./EventRow";
import { formatCount } from "./formatCount";
import { indexOfSeq } from "./indexOfSeq";
import { useRovingRows } from "./useRovingRows";
import {
  useStreamEventLog,
  type StreamEventLogState,
  type UseStreamEventLogOptions,
} from "./useStreamEventLog";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName, type RootProps } from "../RootProps";

export type StreamEventLogProps = RootProps<"div", StreamEventLogOwnProps>;

interface StreamEventLogOwnProps extends UseStreamEventLogOptions {
  /** The log's accessible name (default "Stream events"). */
  label?: string;
  /** Height of the scrolling area (default: the `--lgr-log-height` custom property, 24rem). */
  height?: CSSProperties["height"];
  /** Height of a collapsed row in px, the virtualizer's first guess (default 28). */
  estimateRowHeight?: number;
  /** Follow the tail at first (default true). */
  follow?: boolean;
  /**
   * Takes the rows shown as NDJSON when the user exports them (default: the browser downloads
   * them as `stream-events.ndjson`).
   */
  onExport?: (ndjson: string) => void;
}

// Layout the virtualizer depends on: inline, so it works without the stylesheet too.
const VIEWPORT_STYLE: CSSProperties = { overflow: "auto", position: "relative" };

/**
 * A run's stream events as a virtualized, searchable log (`role="log"`): seq, time since the
 * run's start, mode, namespace and a readable preview per row (a message chunk's text, a
 * `values` event's changed keys, …); rows expand to the whole event as JSON, with a copy
 * button. Mode toggles, a namespace select and a text search filter the rows; the rows shown
 * export as NDJSON. It follows the newest event until you scroll up or press Pause ("Jump to
 * latest" brings it back) and says how many old events the bounded log dropped.
 *
 * @example
 * const chat = useRunStream({ assistantId: "agent" });
 * <StreamEventLog run={chat} />
 * // or, without a provider: <StreamEventLog eventLog={log} />
 */
export function StreamEventLog(props: StreamEventLogProps) {
  return (
    <ComponentErrorBoundary component="StreamEventLog">
      <StreamEventLogContent {...props} />
    </ComponentErrorBoundary>
  );
}

function StreamEventLogContent({
  className,
  label = "Stream events",
  height,
  estimateRowHeight = 28,
  follow = true,
  onExport,
  run,
  eventLog,
  events,
  initialTypes,
  initialNamespace,
  initialQuery,
  ...rest
}: StreamEventLogProps) {
  const log = useStreamEventLog({
    run,
    eventLog,
    events,
    initialTypes,
    initialNamespace,
    initialQuery,
  });
  const { rows } = log;
  const getItemKey = useCallback((index: number) => rows.entryAt(index)?.seq ?? -1 - index, [rows]);
  const indexOfKey = useCallback((key: RowKey) => indexOfSeq(rows, Number(key)), [rows]);
  const { setScrollElement, virtualizer, following, atBottom, onScroll, ...roving } = useRovingRows(
    {
      count: rows.count,
      getItemKey,
      indexOfKey,
      estimateSize: estimateRowHeight,
      follow,
    },
  );
  const idPrefix = useId();
  const [announcement, setAnnouncement] = useState("");
  useAnnounceMatches(log, setAnnouncement);

  const copy = useCallback(
    async (entry: EventLogEntry) => {
      const ok = await log.copy(entry);
      setAnnouncement(
        ok ? `Event #${entry.seq} copied as JSON.` : `Could not copy event #${entry.seq}.`,
      );
    },
    [log],
  );
  const exportRows = () => {
    const ndjson = log.toNdjson();
    if (onExport) onExport(ndjson);
    else downloadText(ndjson, "stream-events.ndjson", "application/x-ndjson");
    setAnnouncement(`Exported ${eventCount(rows.count)} as NDJSON.`);
  };
  const togglePause = () => {
    if (!log.paused) {
      log.pause();
      return;
    }
    // Un-pausing follows the newest event again; focus stays on the toggle.
    log.resume();
    roving.followTail();
  };
  const jumpToLatest = () => {
    log.resume();
    roving.jumpToLatest();
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      {...rest}
      className={withClassName("lgr-log", className)}
      data-following={following ? "true" : "false"}
      data-paused={log.paused ? "true" : "false"}
      data-filtered={log.filtered ? "true" : "false"}
      data-dropped={log.dropped > 0 ? "true" : "false"}
      data-empty={log.size === 0 ? "true" : "false"}
    >
      <EventLogToolbar log={log} onExport={exportRows} />
      {log.dropped > 0 && (
        <p className="lgr-log__dropped">
          <Icon name="alert" />
          {formatCount(log.dropped)} older {log.dropped === 1 ? "event" : "events"} dropped (the log
          keeps the latest {formatCount(log.eventLog.cap)}).
        </p>
      )}
      <div
        ref={setScrollElement}
        className="lgr-log__viewport"
        role="log"
        aria-label={label}
        // Each event would be announced otherwise: thousands per second.
        aria-live="off"
        // One tab stop: a row in view (roving tabindex). Without rows, the log itself.
        tabIndex={roving.tabStop < 0 ? 0 : -1}
        onScroll={onScroll}
        {...roving.viewportProps}
        style={height === undefined ? VIEWPORT_STYLE : { ...VIEWPORT_STYLE, height }}
      >
        {rows.count === 0 ? (
          <p className="lgr-log__empty">
            {log.size === 0 ? "No events yet." : "No events match the filters."}
          </p>
        ) : (
          <div
            className="lgr-log__sizer"
            style={{ position: "relative", width: "100%", height: virtualizer.getTotalSize() }}
          >
            {items.map((item) => {
              const entry = rows.entryAt(item.index);
              if (entry === undefined) return null;
              return (
                <EventRow
                  key={item.key}
                  index={item.index}
                  start={item.start}
                  measure={virtualizer.measureElement}
                  entry={entry}
                  log={log}
                  detailsId={`${idPrefix}-event-${entry.seq}`}
                  onCopy={copy}
                  tabStop={item.index === roving.tabStop}
                />
              );
            })}
          </div>
        )}
      </div>
      {/* Below the rows, never over them: the last row stays readable. */}
      <div className="lgr-log__footer">
        <p className="lgr-log__count">
          {countText(log)}
          {log.paused && ` · Paused, ${formatCount(log.pending)} new`}
        </p>
        <button
          type="button"
          className="lgr-button"
          data-size="small"
          aria-pressed={log.paused}
          onClick={togglePause}
        >
          <Icon name="pause" />
          Pause
        </button>
        {rows.count > 0 && ((!following && !atBottom) || log.pending > 0) && (
          <button
            type="button"
            className="lgr-button"
            data-size="small"
            data-variant="primary"
            onClick={jumpToLatest}
          >
            <Icon name="arrow-down" />
            Jump to latest
          </button>
        )}
      </div>
      <p className="lgr-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

function eventCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "event" : "events"}`;
}

/** "12 events", or "3 of 12 events match" ("1 of 12 events matches") under a filter or search. */
function countText(log: StreamEventLogState): string {
  if (!log.filtered) return eventCount(log.size);
  const verb = log.rows.count === 1 ? "matches" : "match";
  return `${formatCount(log.rows.count)} of ${eventCount(log.size)} ${verb}`;
}

/**
 * Says how many events match when the filters or the search change (not on every new event:
 * a live log would speak without pause).
 */
function useAnnounceMatches(log: StreamEventLogState, announce: (text: string) => void): void {
  const key = JSON.stringify([log.types, log.namespace, log.search]);
  const lastKey = useRef(key);
  const text = countText(log);
  useEffect(() => {
    if (lastKey.current === key) return;
    lastKey.current = key;
    announce(`${text}.`);
  }, [key, text, announce]);
}
