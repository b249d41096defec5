import { splitTextChunks, type TextChunks } from "./TextChunks";

/**
 * The chunks last built for the text each object holds (a message's string content, a content
 * block's text). Messages and blocks are never changed once published, so an entry stays valid.
 */
const known = new WeakMap<object, TextChunks>();

/**
 * The text that `holder` holds (a message for its string content, a content block for its
 * text), as closed chunks and an open tail. A message the store streamed already has them (built
 * as its text grew, at the cost of what arrived); any other text is cut once and remembered.
 *
 * @example
 * const { closed, tail } = textChunksOf(message, message.content as string);
 * // render each closed chunk once (memoized), and the tail
 */
export function textChunksOf(holder: object, text: string): TextChunks {
  const chunks = known.get(holder);
  if (chunks !== undefined && chunks.text === text) return chunks;
  const split = splitTextChunks(text);
  known.set(holder, split);
  return split;
}

/** Records the chunks of the text `holder` now holds (see {@link textChunksOf}). */
export function rememberTextChunks(holder: object, chunks: TextChunks): void {
  known.set(holder, chunks);
}
