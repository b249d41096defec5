"use client";

/** The event log's glyphs: toggles, row chevron, copy, export, pause, jump, search, warning. */
export type EventLogIconName =
  "check" | "chevron" | "copy" | "download" | "pause" | "down" | "search" | "alert";

// 16 × 16 strokes in currentColor: legible at text size, independent of the installed fonts.
const PATHS: Record<EventLogIconName, string> = {
  check: "M3 8.5l3.2 3L13 4.5",
  chevron: "M6 4l4 4-4 4",
  copy: "M5.5 5.5h8v8h-8zM10.5 3.5V2.5h-8v8h1",
  download: "M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13.5h10",
  pause: "M5.5 3.5v9M10.5 3.5v9",
  down: "M8 3v10M3.5 8.5L8 13l4.5-4.5",
  search: "M7 2.5a4.5 4.5 0 100 9 4.5 4.5 0 000-9zM10.3 10.3l3.2 3.2",
  alert: "M8 2.5l6 10.5H2zM8 6.5v3M8 11.3v.2",
};

/**
 * A small decorative glyph (inline SVG, `aria-hidden`): always next to a text that says the
 * same.
 *
 * @example <EventLogIcon name="check" />
 */
export function EventLogIcon({ name }: { name: EventLogIconName }) {
  return (
    <svg
      className="lgr-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
