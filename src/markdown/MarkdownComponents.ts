import type { ComponentPropsWithoutRef, ComponentType } from "react";
import type { MarkdownUrlKind } from "./isSafeUrl";

/** The HTML elements `<Markdown>` renders (and nothing else: no raw HTML ever reaches the page). */
export type MarkdownTag =
  | "a"
  | "blockquote"
  | "br"
  | "code"
  | "del"
  | "em"
  | "h1"
  | "h2"
  | "h3"
  | "h4"
  | "h5"
  | "h6"
  | "hr"
  | "img"
  | "li"
  | "ol"
  | "p"
  | "strong"
  | "table"
  | "tbody"
  | "td"
  | "th"
  | "thead"
  | "tr"
  | "ul";

/** Texts of the code blocks' copy button. */
export interface MarkdownLabels {
  /** The copy button's name (default "Copy code"). */
  copy: string;
  /** Announced once the code is on the clipboard (default "Copied"). */
  copied: string;
  /** Announced when the browser refused (default "Could not copy"). */
  copyFailed: string;
}

/** What a code block is given; render your own with `components.codeBlock` (a highlighter, …). */
export interface CodeBlockProps {
  /** The code, as written (never parsed as markdown or HTML). */
  code: string;
  /** The fence's language (its first word: `ts` for ```` ```ts title=x ````), if any. */
  language: string | undefined;
  /** The block is the last of a text still streaming: its fence may still be open. */
  streaming: boolean;
  labels: MarkdownLabels;
}

/**
 * Components to render some elements with instead of the HTML element: each gets the element's
 * props (`href` already checked by the URL policy, `children`, …). `codeBlock` replaces the
 * whole code block (its copy button too). Keep the object stable (a module constant or
 * `useMemo`): a new object renders every block again.
 *
 * @example const components: MarkdownComponents = { a: (props) => <a {...props} target="_blank" rel="noreferrer" /> };
 */
export type MarkdownComponents = {
  [Tag in MarkdownTag]?: ComponentType<ComponentPropsWithoutRef<Tag>>;
} & {
  codeBlock?: ComponentType<CodeBlockProps>;
};

/** Whether a URL may be used as a link's `href` or an image's `src`. */
export type MarkdownUrlPolicy = (url: string, kind: MarkdownUrlKind) => boolean;
