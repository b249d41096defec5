"use client";
import { stringifyForDisplay } from "../displayJson/stringifyForDisplay";

export interface MalformedItemProps {
  /** The item as it came (shown as JSON text, collapsed). */
  raw: unknown;
  /** Why it cannot be shown, for the curious (e.g. "tool_calls is not a list"). */
  reason?: string;
  className?: string;
}

/**
 * What an item with a shape no view expects renders as: a small "Can't display this item" with
 * the raw JSON collapsed, instead of an error that takes the page down.
 *
 * @example <MalformedItem raw={message} reason="tool_calls is not a list" />
 */
export function MalformedItem({ raw, reason, className }: MalformedItemProps) {
  return (
    <div className={["lgr-malformed", className].filter(Boolean).join(" ")} data-malformed="true">
      <p className="lgr-malformed__title">
        <span aria-hidden="true">⚠ </span>
        Can&apos;t display this item{reason ? ` (${reason})` : ""}.
      </p>
      <details className="lgr-malformed__details">
        <summary>Raw JSON</summary>
        <pre className="lgr-malformed__json">{stringifyForDisplay(raw, 2)}</pre>
      </details>
    </div>
  );
}
