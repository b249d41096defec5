import { appendTextChunks } from "./TextChunks";
import { rememberTextChunks, textChunksOf } from "./textChunksOf";

/** The field of a holder that holds streamed text: a message's `content`, a block's `text`. */
type TextField = "content" | "text";

interface PendingAppend {
  /** The holder as the batch found it, and its text then. */
  origin: object;
  originText: string;
  field: TextField;
  /** What the batch appended, in order. */
  pieces: string[];
  /** The text the latest holder has: the origin's text plus every piece. */
  text: string;
}

/**
 * The text a batch of events appended to streamed messages, so that the batch ends with one
 * append per message (see `appendTextChunks`) instead of a full-text copy: merging chunk after
 * chunk (`left + right`) leaves a rope with a node per token, and flattening it costs the whole
 * text on every batch. Each holder (a message, a content block) is replaced by a new object per
 * chunk; a note moves the record from the old object to the new one.
 *
 * @example
 * const appends = new TextAppends();
 * appends.note(merged, "content", before, chunk.content); // for every merged chunk
 * appends.settle(); // at the end of the batch
 */
export class TextAppends {
  readonly #pending = new Map<object, PendingAppend>();

  /**
   * `after` is `before` with `delta` appended to its `field` (both hold strings there); `after`
   * is a new object the batch owns.
   */
  note(after: object, field: TextField, before: object, delta: string): void {
    const beforeText = (before as Record<TextField, string>)[field];
    const afterText = (after as Record<TextField, string>)[field];
    const chained = this.#pending.get(before);
    if (chained !== undefined && chained.field === field && chained.text === beforeText) {
      this.#pending.delete(before);
      chained.pieces.push(delta);
      chained.text = afterText;
      this.#pending.set(after, chained);
      return;
    }
    this.#pending.set(after, {
      origin: before,
      originText: beforeText,
      field,
      pieces: [delta],
      text: afterText,
    });
  }

  /**
   * Gives every holder that streamed text in this batch the same text built from chunks (equal
   * strings, compact in memory), and remembers the chunks for the view and the next batch.
   */
  settle(): void {
    for (const [holder, append] of this.#pending) {
      const chunks = appendTextChunks(
        textChunksOf(append.origin, append.originText),
        append.pieces.join(""),
      );
      (holder as Record<TextField, string>)[append.field] = chunks.text;
      rememberTextChunks(holder, chunks);
    }
    this.#pending.clear();
  }
}
