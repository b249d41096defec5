import type { ReactNode } from "react";

/**
 * Renders the text of an assistant message part, for `MessageStream`'s `renderText` (a markdown
 * renderer, say). `streaming` is true while the text still grows. It is called as a function,
 * not rendered as a component: return an element (`<Markdown>…</Markdown>`), call no hooks.
 *
 * @example const asMarkdown: RenderText = (text, { streaming }) => <Markdown streaming={streaming}>{text}</Markdown>;
 */
export type RenderText = (text: string, info: { streaming: boolean }) => ReactNode;
