"use client";
import type { SVGProps } from "react";

/** The glyphs of status indicators (badge, connection, table). */
export type StatusIconName =
  | "idle"
  | "pending"
  | "spinner"
  | "check"
  | "cross"
  | "hourglass"
  | "pause"
  | "reconnect"
  | "stop"
  | "plug"
  | "unplugged"
  | "alert";

const PATHS: Record<StatusIconName, React.ReactNode> = {
  idle: <circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" strokeWidth="1.75" />,
  pending: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M8 4.5V8l2.5 1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </>
  ),
  spinner: (
    <>
      <circle
        cx="8"
        cy="8"
        r="6"
        fill="none"
        stroke="currentColor"
        strokeOpacity="0.3"
        strokeWidth="2"
      />
      <path
        d="M8 2a6 6 0 0 1 6 6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </>
  ),
  check: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path
        d="M4.8 8.2l2.1 2.1 4.3-4.6"
        fill="none"
        stroke="var(--lgr-icon-contrast, #fff)"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>
  ),
  cross: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path
        d="M5.5 5.5l5 5m0-5l-5 5"
        stroke="var(--lgr-icon-contrast, #fff)"
        strokeWidth="1.75"
        strokeLinecap="round"
      />
    </>
  ),
  hourglass: (
    <path
      d="M4 1.75h8M4 14.25h8M5 1.75c0 3 3 4.25 3 6.25S5 11.25 5 14.25m6-12.5c0 3-3 4.25-3 6.25s3 3.25 3 6.25"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
    />
  ),
  pause: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path
        d="M6.3 5v6M9.7 5v6"
        stroke="var(--lgr-icon-contrast, #fff)"
        strokeWidth="1.75"
        strokeLinecap="round"
      />
    </>
  ),
  reconnect: (
    <>
      <path
        d="M13 8a5 5 0 1 1-1.6-3.7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
      />
      <path
        d="M13.2 1.8v3.4H9.8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>
  ),
  stop: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect x="5.5" y="5.5" width="5" height="5" rx="0.75" fill="currentColor" />
    </>
  ),
  plug: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8" cy="8" r="3" fill="currentColor" />
    </>
  ),
  unplugged: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5 8h6" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
    </>
  ),
  alert: (
    <>
      <path d="M8 1.5l7 12.5H1z" fill="currentColor" strokeLinejoin="round" />
      <path
        d="M8 6v3.5"
        stroke="var(--lgr-icon-contrast, #fff)"
        strokeWidth="1.75"
        strokeLinecap="round"
      />
      <circle cx="8" cy="11.75" r="1" fill="var(--lgr-icon-contrast, #fff)" />
    </>
  ),
};

export interface StatusIconProps extends Omit<SVGProps<SVGSVGElement>, "children"> {
  name: StatusIconName;
}

/**
 * A small decorative status glyph (inline SVG, `aria-hidden`): always paired with a text label.
 * The spinner turns unless the user prefers reduced motion.
 *
 * @example <StatusIcon name="check" />
 */
export function StatusIcon({ name, className, ...rest }: StatusIconProps) {
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
      {...rest}
    >
      {PATHS[name]}
    </svg>
  );
}
