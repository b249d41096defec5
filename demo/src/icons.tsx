import type { ReactNode, SVGProps } from "react";

/**
 * The demo's own icons: small inline SVGs in `currentColor` (no icon font, no glyph that depends
 * on the fonts installed). Decorative: hidden from screen readers, the text beside names it.
 */
export type IconName =
  | "stream"
  | "approve"
  | "questions"
  | "inbox"
  | "clock"
  | "error"
  | "layers"
  | "tool"
  | "markdown"
  | "sun"
  | "moon"
  | "plus"
  | "chat"
  | "table";

const PATHS: Record<IconName, ReactNode> = {
  stream: <path d="M4 7h10M4 12h16M4 17h7" />,
  approve: (
    <>
      <path d="M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z" />
      <path d="M9 12l2 2 4-4" />
    </>
  ),
  questions: (
    <>
      <path d="M4 5h11v8H8l-4 3z" />
      <path d="M15 9h5v8l-3-2h-6v-2" />
    </>
  ),
  inbox: (
    <>
      <path d="M4 13l2.5-8h11l2.5 8v6H4z" />
      <path d="M4 13h5l1 2h4l1-2h5" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  error: (
    <>
      <path d="M12 4l9 16H3z" />
      <path d="M12 10v4M12 17v.5" />
    </>
  ),
  layers: (
    <>
      <path d="M12 4l9 5-9 5-9-5z" />
      <path d="M3 14l9 5 9-5" />
    </>
  ),
  markdown: (
    <>
      <rect x="2.5" y="5" width="19" height="14" rx="2" />
      <path d="M6 15V9l2.5 3L11 9v6M15.5 9v6M13.5 13l2 2 2-2" />
    </>
  ),
  tool: <path d="M14.5 5.5a4 4 0 005 5L13 17l-3 3-3-3 3-3 6.5-6.5zM4 20l3-3" />,
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4" />
    </>
  ),
  moon: <path d="M20 14.5A8 8 0 019.5 4 8 8 0 1020 14.5z" />,
  plus: <path d="M12 5v14M5 12h14" />,
  chat: <path d="M4 5h16v11H9l-5 4z" />,
  table: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="1.5" />
      <path d="M3.5 9.5h17M3.5 14.5h17M9 9.5v10" />
    </>
  ),
};

/**
 * One icon, 1em square by default.
 *
 * @example <Icon name="sun" /> Light theme
 */
export function Icon({ name, ...rest }: { name: IconName } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      className="demo-icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {PATHS[name]}
    </svg>
  );
}
