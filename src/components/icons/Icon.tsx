"use client";
import type { SVGProps } from "react";

/** The kit's glyphs. Any component may use them; each is drawn on a 16 × 16 grid. */
export type IconName =
  | "alert"
  | "arrow-down"
  | "check"
  | "chevron-down"
  | "chevron-left"
  | "chevron-right"
  | "copy"
  | "cross"
  | "download"
  | "hand"
  | "image"
  | "info"
  | "more"
  | "open"
  | "pause"
  | "pencil"
  | "play"
  | "refresh"
  | "reply"
  | "search"
  | "skip"
  | "spinner"
  | "stop"
  | "table"
  | "thinking"
  | "tool"
  | "trash";

// Strokes in currentColor, so a glyph takes the colour of the text beside it and needs no font.
const PATHS: Record<IconName, string> = {
  alert: "M8 2.5l6 10.5H2zM8 6.5v3M8 11.3v.2",
  "arrow-down": "M8 2.5v11M3.5 9 8 13.5 12.5 9",
  check: "M3 8.5l3.2 3L13 4.5",
  "chevron-down": "M3.5 6 8 10.5 12.5 6",
  "chevron-left": "M10 3.5 5.5 8l4.5 4.5",
  "chevron-right": "M6 3.5l4.5 4.5L6 12.5",
  copy: "M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3",
  cross: "M4 4l8 8M12 4l-8 8",
  download: "M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13.5h10",
  hand: "M8 2.5a5.5 5.5 0 100 11 5.5 5.5 0 000-11zM6.3 6.4a1.8 1.8 0 113.1 1.3c-.8.6-1.4 1-1.4 2M8 11.3v.2",
  image: "M2 3h12v10H2zM2 11l3.5-3.5 3 3 2-2L14 12M10.5 5.5h.01",
  info: "M8 1.75a6.25 6.25 0 100 12.5 6.25 6.25 0 000-12.5zM8 7.25v4M8 4.75v.01",
  more: "M2.1 8a.9.9 0 101.8 0 .9.9 0 10-1.8 0zM7.1 8a.9.9 0 101.8 0 .9.9 0 10-1.8 0zM12.1 8a.9.9 0 101.8 0 .9.9 0 10-1.8 0z",
  open: "M6 3.5H3.5v9h9V10M9 2.5h4.5V7M13.5 2.5l-6 6",
  pause: "M5.5 3.5v9M10.5 3.5v9",
  pencil: "M10.5 2.8l2.7 2.7L6 12.7l-3.2.5.5-3.2zM9 4.3l2.7 2.7",
  play: "M5 3.2v9.6L12.5 8z",
  refresh: "M13.5 8A5.5 5.5 0 114 4.1M13.5 2.5v3.5H10M4 4.1A5.5 5.5 0 0113.2 6",
  reply: "M6.5 4L2.5 8l4 4M3 8h6.5a4 4 0 014 4v1",
  search: "M7 2.5a4.5 4.5 0 100 9 4.5 4.5 0 000-9zM10.3 10.3l3.2 3.2",
  skip: "M8 2.5a5.5 5.5 0 100 11 5.5 5.5 0 000-11zM4.2 4.2l7.6 7.6",
  spinner: "M8 2a6 6 0 11-6 6",
  stop: "M4 4h8v8H4z",
  table:
    "M3.25 2.75h9.5a1.5 1.5 0 011.5 1.5v7.5a1.5 1.5 0 01-1.5 1.5h-9.5a1.5 1.5 0 01-1.5-1.5v-7.5a1.5 1.5 0 011.5-1.5zM1.75 6.25h12.5M1.75 9.75h12.5M6 6.25v7",
  thinking: "M6 12.5h4M6.5 14.5h3M8 1.5a4.5 4.5 0 00-2.5 8.25V11h5V9.75A4.5 4.5 0 008 1.5z",
  tool: "M10.5 1.8a3.7 3.7 0 00-3.4 5.1l-5 5a1.3 1.3 0 001.9 1.9l5-5a3.7 3.7 0 005.1-3.4l-2.2 2.2-2-.4-.4-2z",
  trash: "M2.5 4.5h11M6.5 4.5v-2h3v2M4 4.5l.75 9h6.5l.75-9M6.75 7v4M9.25 7v4",
};

/** Glyphs drawn as filled shapes rather than strokes. */
const FILLED: ReadonlySet<IconName> = new Set<IconName>(["more", "play", "stop"]);

export type IconProps = Omit<SVGProps<SVGSVGElement>, "children"> & { name: IconName };

/**
 * A small inline SVG glyph, decorative: hidden from assistive technology, so put it beside a text
 * (or inside a control with an accessible name) that says the same. It is 1em square in the
 * current text colour; the spinner turns unless the user prefers reduced motion.
 *
 * @example <button type="button"><Icon name="copy" /> Copy</button>
 */
export function Icon({ name, className, ...rest }: IconProps) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      className={className ? `lgr-icon ${className}` : "lgr-icon"}
      data-icon={name}
      data-spin={name === "spinner" ? "true" : undefined}
      fill={FILLED.has(name) ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
