"use client";
import { useCallback, useId, useState, type CSSProperties } from "react";
import type { EventLogEntry } from "../../store/EventLog";
import type { RowKey } from "./createRowOffsets";
import { namespaceLabel } from "./formatEvent";
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
}

// Layout the virtualizer depends on: inline, so it works without the stylesheet too.
const VIEWPORT_STYLE: CSSProperties = { overflow: "auto", position: "relative" };
const ROW_STYLE: CSSProperties = { position: "absolute", top: 0, left: 0, width: "100%" };

const numbers = /* @__PURE__ */ new Intl.NumberFormat("en-US");
const formatCount = (n: number) => numbers.format(n);

/**
 * A run's stream events as a virtualized, filterable log (`role="log"`): seq, time since the
 * first event, mode, namespace and a JSON preview per row; rows expand to the whole event as
 * JSON, with a copy button. It follows the newest event until you scroll up ("Jump to latest"
 * brings it back) and says how many old events the bounded log dropped.
 *
 * @example
 * const stream = useRunStream({ assistantId: "agent" });
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
  run,
  eventLog,
  events,
  initialTypes,
  initialNamespace,
  ...rest
}: StreamEventLogProps) {
  const log = useStreamEventLog({ run, eventLog, events, initialTypes, initialNamespace });
  const { rows } = log;
  const getItemKey = useCallback((index: number) => rows.entryAt(index)?.seq ?? -1 - index, [rows]);
  const indexOfKey = useCallback((key: RowKey) => indexOfSeq(rows, Number(key)), [rows]);
  const { setScrollElement, virtualizer, following, atBottom, jumpToLatest, onScroll, ...roving } =
    useRovingRows({
      count: rows.count,
      getItemKey,
      indexOfKey,
      estimateSize: estimateRowHeight,
      follow,
    });
  const idPrefix = useId();
  const [announcement, setAnnouncement] = useState("");

  const copy = useCallback(
    async (entry: EventLogEntry) => {
      const ok = await log.copy(entry);
      setAnnouncement(
        ok ? `Event #${entry.seq} copied as JSON.` : `Could not copy event #${entry.seq}.`,
      );
    },
    [log],
  );

  const items = virtualizer.getVirtualItems();
  return (
    <div
      {...rest}
      className={withClassName("lgr-log", className)}
      data-following={following ? "true" : "false"}
      data-filtered={log.filtered ? "true" : "false"}
      data-dropped={log.dropped > 0 ? "true" : "false"}
      data-empty={log.size === 0 ? "true" : "false"}
    >
      <EventLogToolbar log={log} />
      {log.dropped > 0 && (
        <p className="lgr-log__dropped">
          <span className="lgr-log__dropped-icon" aria-hidden="true">
            ⚠
          </span>{" "}
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
      {!following && !atBottom && rows.count > 0 && (
        <button type="button" className="lgr-log__jump" onClick={jumpToLatest}>
          <span aria-hidden="true">↓</span> Jump to latest
        </button>
      )}
      <p className="lgr-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

function EventLogToolbar({ log }: { log: StreamEventLogState }) {
  const selectId = useId();
  const { facets } = log;
  return (
    <div className="lgr-log__toolbar">
      <div className="lgr-log__types" role="group" aria-label="Filter by stream mode">
        {facets.types.map(({ key, count }) => {
          const pressed = log.types.includes(key);
          return (
            <button
              key={key}
              type="button"
              className="lgr-log__chip"
              aria-pressed={pressed}
              data-type={key}
              onClick={() => log.toggleType(key)}
            >
              <span className="lgr-log__chip-mark" aria-hidden="true">
                {pressed ? "✓" : "+"}
              </span>
              {key}
              <span className="lgr-log__chip-count">{formatCount(count)}</span>
            </button>
          );
        })}
      </div>
      <div className="lgr-log__ns-filter">
        <label htmlFor={selectId}>Namespace</label>
        <select
          id={selectId}
          value={log.namespace ?? "\u0000all"}
          onChange={(event) =>
            log.setNamespace(event.target.value === "\u0000all" ? null : event.target.value)
          }
        >
          <option value={"\u0000all"}>All namespaces</option>
          {facets.namespaces.map(({ key, count }) => (
            <option key={key} value={key}>
              {namespaceLabel(key)} ({formatCount(count)})
            </option>
          ))}
        </select>
      </div>
      {log.filtered && (
        <button type="button" className="lgr-log__clear" onClick={log.clearFilters}>
          Clear filters
        </button>
      )}
      <p className="lgr-log__count">
        {log.filtered
          ? `Showing ${formatCount(log.rows.count)} of ${formatCount(log.size)} events`
          : `${formatCount(log.size)} ${log.size === 1 ? "event" : "events"}`}
      </p>
    </div>
  );
}

interface EventRowProps {
  index: number;
  start: number;
  measure: (element: Element | null) => void;
  entry: EventLogEntry;
  log: StreamEventLogState;
  detailsId: string;
  onCopy: (entry: EventLogEntry) => void;
  /** The row in the tab order (the others are reached with arrow keys). */
  tabStop: boolean;
}

function EventRow({
  index,
  start,
  measure,
  entry,
  log,
  detailsId,
  onCopy,
  tabStop,
}: EventRowProps) {
  const expanded = log.isExpanded(entry.seq);
  const namespace = log.namespaceOf(entry);
  const copyState = log.copyState(entry.seq);
  return (
    <div
      ref={measure}
      className="lgr-log__row"
      data-index={index}
      data-seq={entry.seq}
      data-type={entry.event.type}
      data-expanded={expanded ? "true" : "false"}
      style={{ ...ROW_STYLE, transform: `translateY(${start}px)` }}
    >
      <button
        type="button"
        className="lgr-log__summary"
        aria-expanded={expanded}
        aria-controls={expanded ? detailsId : undefined}
        onClick={() => log.toggleExpanded(entry.seq)}
        tabIndex={tabStop ? 0 : -1}
        // useRovingRows focuses this element of the row (ROW_FOCUS_ATTRIBUTE).
        data-row-focus=""
      >
        <span className="lgr-log__chevron" aria-hidden="true">
          {expanded ? "▾" : "▸"}
        </span>
        <span className="lgr-log__seq">#{entry.seq}</span>
        <span className="lgr-log__time">{log.relativeTime(entry)}</span>
        <span className="lgr-log__type">{entry.event.type}</span>
        <span className="lgr-log__ns" data-root={namespace === "" ? "true" : "false"}>
          {namespaceLabel(namespace)}
        </span>
        <span className="lgr-log__preview">{log.preview(entry)}</span>
      </button>
      {expanded && (
        <div className="lgr-log__details" id={detailsId}>
          <pre className="lgr-log__json">{log.json(entry)}</pre>
          <button
            type="button"
            className="lgr-log__copy"
            onClick={() => onCopy(entry)}
            data-state={copyState}
            tabIndex={tabStop ? 0 : -1}
          >
            {copyState === "copied" && <span aria-hidden="true">✓ </span>}
            {copyState === "failed" && <span aria-hidden="true">✕ </span>}
            {copyState === "copied"
              ? "Copied"
              : copyState === "failed"
                ? "Copy failed"
                : "Copy as JSON"}
          </button>
        </div>
      )}
    </div>
  );
}
