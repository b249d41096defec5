"use client";
/**
 * langgraph-runs-react/markdown: the `<Markdown>` renderer, on its own entry so its parser
 * (marked) is bundled only by the apps that import it. Styles are in
 * `langgraph-runs-react/styles.css` (`.lgr-markdown`).
 */
export { Markdown, type MarkdownProps } from "./Markdown";
export { CodeBlock } from "./CodeBlock";
export { isSafeUrl, type MarkdownUrlKind } from "./isSafeUrl";
export type {
  CodeBlockProps,
  MarkdownComponents,
  MarkdownLabels,
  MarkdownTag,
  MarkdownUrlPolicy,
} from "./MarkdownComponents";
