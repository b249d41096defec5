"use client";
import type { CSSProperties } from "react";
import type { EventLogEntry } from "../../store/EventLog";
import { Icon } from "../icons/Icon";
import { namespaceLabel } from "./formatEvent";
import { HighlightedText } from "./HighlightedText";
import type { StreamEventLogState } from "./useStreamEventLog";

// Layout the virtualizer depends on: inline, so it works without the stylesheet too.
const ROW_STYLE: CSSProperties = { position: "absolute", top: 0, left: 0, width: "100%" };

// A colour per common mode, from the theme's tones (inline: no stylesheet rule per mode).
const TYPE_TONES: Readonly<Record<string, string>> = {
  messages: "info",
  values: "success",
  updates: "interrupted",
  custom: "queued",
  error: "danger",
};

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

/**
 * One event: a summary button (seq, time in its run, mode, namespace, preview) that expands to
 * the event's JSON and a copy button. A run's first event draws a line above it.
 */
export function EventRow({
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
  const type = log.typeOf(entry);
  const namespace = log.namespaceOf(entry);
  const copyState = log.copyState(entry.seq);
  const tone = Object.hasOwn(TYPE_TONES, type) ? TYPE_TONES[type] : undefined;
  return (
    <div
      ref={measure}
      className="lgr-log__row"
      data-index={index}
      data-seq={entry.seq}
      data-type={type}
      data-expanded={expanded ? "true" : "false"}
      data-run-start={log.isRunStart(entry) ? "true" : undefined}
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
        <Icon name="chevron-right" />
        <span className="lgr-log__seq">#{entry.seq}</span>
        <span className="lgr-log__time">{log.relativeTime(entry)}</span>
        <span
          className="lgr-log__type"
          style={tone ? { color: `var(--lgr-tone-${tone}-fg)` } : undefined}
        >
          {type}
        </span>
        <span className="lgr-log__ns" data-root={namespace === "" ? "true" : "false"}>
          {namespaceLabel(namespace)}
        </span>
        <span className="lgr-log__preview">
          <HighlightedText text={log.preview(entry)} query={log.search} />
        </span>
      </button>
      {expanded && (
        <div className="lgr-log__details" id={detailsId}>
          <pre className="lgr-log__json">
            <HighlightedText text={log.json(entry)} query={log.search} />
          </pre>
          <button
            type="button"
            className="lgr-button lgr-log__copy"
            data-size="small"
            onClick={() => onCopy(entry)}
            data-state={copyState}
            tabIndex={tabStop ? 0 : -1}
          >
            {copyState === "copied" ? (
              <>
                Copied
                <Icon name="check" />
              </>
            ) : copyState === "failed" ? (
              "Copy failed"
            ) : (
              <>
                <Icon name="copy" />
                Copy as JSON
              </>
            )}
          </button>
        </div>
      )}
    </div>
  );
}
