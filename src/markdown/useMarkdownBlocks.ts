"use client";
import { useMemo } from "react";
import { isSafeUrl } from "./isSafeUrl";
import { lexBlocks, type MarkdownBlock } from "./lexBlocks";
import type { MarkdownComponents, MarkdownLabels, MarkdownUrlPolicy } from "./MarkdownComponents";
import type { RenderContext } from "./renderTokens";

export interface UseMarkdownBlocksOptions {
  /** The text is still streaming: its last block is read with open markers closed. */
  streaming?: boolean;
  components?: MarkdownComponents;
  allowUrl?: MarkdownUrlPolicy;
  labels?: Partial<MarkdownLabels>;
}

export interface MarkdownBlocks {
  blocks: MarkdownBlock[];
  /**
   * What rendering a block needs: the same object while the options and the link definitions
   * stay the same, so finished blocks are not rendered again.
   */
  context: RenderContext;
}

const DEFAULT_LABELS: MarkdownLabels = {
  copy: "Copy code",
  copied: "Copied",
  copyFailed: "Could not copy",
};
const NO_COMPONENTS: MarkdownComponents = {};

/**
 * The behaviour of `<Markdown>`: the text's blocks (re-read on every change, the last one with
 * its open markers closed while streaming) and a render context that only changes with the
 * options, for memoized blocks.
 *
 * @example
 * const { blocks, context } = useMarkdownBlocks(text, { streaming: true });
 * blocks.map((block) => <Block key={block.key} block={block} context={context} />);
 */
export function useMarkdownBlocks(
  text: string,
  { streaming = false, components, allowUrl, labels }: UseMarkdownBlocksOptions = {},
): MarkdownBlocks {
  const { blocks, definitions } = useMemo(() => lexBlocks(text, { streaming }), [text, streaming]);
  const copy = labels?.copy ?? DEFAULT_LABELS.copy;
  const copied = labels?.copied ?? DEFAULT_LABELS.copied;
  const copyFailed = labels?.copyFailed ?? DEFAULT_LABELS.copyFailed;
  const context = useMemo<RenderContext>(
    () => ({
      components: components ?? NO_COMPONENTS,
      allowUrl: allowUrl ?? isSafeUrl,
      labels: { copy, copied, copyFailed },
      definitions,
    }),
    [components, allowUrl, copy, copied, copyFailed, definitions],
  );
  return { blocks, context };
}
