"use client";

/** The glyphs of the interrupt panel: decisions, the breakpoint, the advanced toggle. */
export type InterruptIconName =
  "check" | "pencil" | "cross" | "reply" | "skip" | "pause" | "play" | "chevron" | "hand" | "alert";

// 16 × 16 strokes in currentColor: legible at text size, independent of the installed fonts.
const PATHS: Record<InterruptIconName, string> = {
  check: "M3 8.5l3.2 3L13 4.5",
  pencil: "M10.5 2.8l2.7 2.7L6 12.7 2.8 13.2l.5-3.2zM9 4.3l2.7 2.7",
  cross: "M4 4l8 8M12 4l-8 8",
  reply: "M6.5 4L2.5 8l4 4M3 8h6.5a4 4 0 014 4v1",
  skip: "M8 2.5a5.5 5.5 0 100 11 5.5 5.5 0 000-11zM4.2 4.2l7.6 7.6",
  pause: "M5.5 3.5v9M10.5 3.5v9",
  play: "M5 3.2v9.6L12.5 8z",
  chevron: "M6 4l4 4-4 4",
  hand: "M8 2.5a5.5 5.5 0 100 11 5.5 5.5 0 000-11zM6.3 6.4a1.8 1.8 0 113.1 1.3c-.8.6-1.4 1-1.4 2M8 11.3v.2",
  alert: "M8 2.5l6 10.5H2zM8 6.5v3M8 11.3v.2",
};

/**
 * A small decorative glyph (inline SVG, `aria-hidden`): always next to a text that says the
 * same.
 *
 * @example <InterruptIcon name="check" />
 */
export function InterruptIcon({ name }: { name: InterruptIconName }) {
  return (
    <svg
      className="lgr-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
      fill={name === "play" ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
