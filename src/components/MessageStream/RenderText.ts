import type { ReactNode } from "react";

/**
 * Renders the text of an assistant message part, for `MessageStream`'s `renderText` (a markdown
 * renderer, say). `streaming` is true while the text still grows.
 *
 * @example const asMarkdown: RenderText = (text, { streaming }) => <Markdown streaming={streaming}>{text}</Markdown>;
 */
export type RenderText = (text: string, info: { streaming: boolean }) => ReactNode;
