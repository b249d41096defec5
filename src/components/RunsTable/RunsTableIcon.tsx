"use client";
import type { ReactNode } from "react";

/** The runs table's glyphs beside the status icons: menu, open, copy, delete, empty table. */
export type RunsTableIconName = "more" | "open" | "copy" | "trash" | "table";

const SHAPES: Record<RunsTableIconName, ReactNode> = {
  more: (
    <g fill="currentColor" stroke="none">
      <circle cx="3" cy="8" r="1.5" />
      <circle cx="8" cy="8" r="1.5" />
      <circle cx="13" cy="8" r="1.5" />
    </g>
  ),
  open: <path d="M6 3.5h-2.5v9h9v-2.5M9 2.5h4.5v4.5M13.5 2.5l-6 6" />,
  copy: (
    <>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
    </>
  ),
  trash: <path d="M2.5 4.5h11M6.5 4.5v-2h3v2M4 4.5l.75 9h6.5l.75-9M6.75 7v4M9.25 7v4" />,
  table: (
    <>
      <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
      <path d="M1.75 6.25h12.5M1.75 9.75h12.5M6 6.25v7" />
    </>
  ),
};

/**
 * A small inline SVG of the runs table, decorative (hidden from assistive technology: the
 * control beside it carries the name).
 *
 * @example <RunsTableIcon name="more" />
 */
export function RunsTableIcon({ name }: { name: RunsTableIconName }) {
  return (
    <svg
      className="lgr-icon"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {SHAPES[name]}
    </svg>
  );
}
