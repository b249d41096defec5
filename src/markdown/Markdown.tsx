"use client";
import { memo, type ComponentPropsWithRef } from "react";
import type { MarkdownBlock } from "./lexBlocks";
import { renderBlock, type RenderContext } from "./renderTokens";
import { useMarkdownBlocks, type UseMarkdownBlocksOptions } from "./useMarkdownBlocks";

interface MarkdownOwnProps extends UseMarkdownBlocksOptions {
  /** The markdown text. */
  children?: string | null;
}

/** The own props, plus those of the root `<div>` (`id`, `aria-*`, `data-*`, `style`, `ref`). */
export type MarkdownProps = MarkdownOwnProps &
  Omit<ComponentPropsWithRef<"div">, keyof MarkdownOwnProps>;

/**
 * Markdown as React elements, safe by construction: raw HTML is shown as text, links and images
 * pass a URL policy (`isSafeUrl` by default: no `javascript:`, `vbscript:` or `data:`; a refused
 * link shows its text, a refused image its alt text). GitHub-flavoured (tables, task lists,
 * strikethrough, bare links); code blocks have a "Copy code" button.
 *
 * Made for streaming: with `streaming`, an open `**`, `_`, `~~` or backtick in the last block is
 * closed as it will be (no stray markers), an unclosed code fence is already a code block, and
 * only the last (growing) block renders again on each update: finished blocks are memoized.
 * Styled by `.lgr-markdown` in styles/markdown.css. Its own entry, `langgraph-runs-react/markdown`,
 * so its parser (marked) is only in the apps that use it.
 *
 * @example
 * import { Markdown } from "langgraph-runs-react/markdown";
 * <Markdown>{"# Hello\n\nSome **bold** text."}</Markdown>
 *
 * // As MessageStream's renderer: assistant text as markdown, everything else as before.
 * const asMarkdown: RenderText = (text, { streaming }) => <Markdown streaming={streaming}>{text}</Markdown>;
 * <MessageStream run={chat} renderText={asMarkdown} />
 */
export function Markdown({
  children,
  streaming = false,
  components,
  allowUrl,
  labels,
  className,
  ...rest
}: MarkdownProps) {
  const { blocks, context } = useMarkdownBlocks(children ?? "", {
    streaming,
    components,
    allowUrl,
    labels,
  });
  return (
    <div
      {...rest}
      className={className ? `lgr-markdown ${className}` : "lgr-markdown"}
      data-streaming={streaming ? "true" : "false"}
    >
      {blocks.map((block) => (
        <MarkdownBlockView key={block.key} block={block} context={context} />
      ))}
    </div>
  );
}

/** One block; rendered again only when its source, its openness or the context changes. */
const MarkdownBlockView = /* @__PURE__ */ memo(
  function MarkdownBlockView({ block, context }: { block: MarkdownBlock; context: RenderContext }) {
    return renderBlock(block.token, context, block.open);
  },
  (before, after) =>
    before.context === after.context &&
    before.block.source === after.block.source &&
    before.block.open === after.block.open,
);
