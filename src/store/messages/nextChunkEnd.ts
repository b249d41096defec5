/** A closed chunk holds at least this many characters (fewer, larger chunks: fewer nodes to keep). */
export const MIN_CHUNK_LENGTH = 2_048;
/** …and at most this many: the open tail, re-read on every append, stays this small. */
export const MAX_CHUNK_LENGTH = 8_192;

const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;

/**
 * Where the chunk that starts at `from` ends, or -1 while that cannot be decided yet (the text
 * may still grow). The rule reads only `text[from, from + MAX_CHUNK_LENGTH)`, so it gives the
 * same cuts whether the text is cut as it streams or all at once afterwards: a view that splits
 * a finished message gets the chunks the store built while it streamed.
 *
 * - After the first blank line (`\n\n`) that ends at least `MIN_CHUNK_LENGTH` in: a paragraph
 *   boundary, where a markdown block closes.
 * - Else, once `MAX_CHUNK_LENGTH` characters are there: after the last line break in that
 *   window, else after its last space, else at its end (never between the halves of a surrogate
 *   pair).
 *
 * @example nextChunkEnd("a".repeat(3_000) + "\n\nb", 0) // 3_002
 * @example nextChunkEnd("short", 0) // -1
 */
export function nextChunkEnd(text: string, from: number): number {
  const available = text.length - from;
  if (available < MIN_CHUNK_LENGTH) return -1;
  // A slice of a flat string is O(1) and bounds every search below to the window.
  const window = text.slice(from, from + MAX_CHUNK_LENGTH);
  const blankLine = window.indexOf("\n\n", MIN_CHUNK_LENGTH - 2);
  if (blankLine >= 0) return from + blankLine + 2;
  if (available < MAX_CHUNK_LENGTH) return -1;
  let cut = window.lastIndexOf("\n") + 1;
  if (cut < MIN_CHUNK_LENGTH) cut = window.lastIndexOf(" ") + 1;
  if (cut < MIN_CHUNK_LENGTH) {
    cut = MAX_CHUNK_LENGTH;
    const last = window.charCodeAt(cut - 1);
    if (last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST) cut -= 1;
  }
  return from + cut;
}
