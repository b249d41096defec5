import { nextChunkEnd } from "./nextChunkEnd";

/**
 * A text as closed chunks and an open tail. Closed chunks never change (a later version of the
 * text only adds chunks after them), so a view can render each one once; only the tail grows.
 * Chunks end at paragraph or line boundaries where there are some (see `nextChunkEnd`).
 */
export interface TextChunks {
  /** The complete chunks, in order. */
  readonly closed: readonly string[];
  /** The text after the closed chunks (at most a few kB): the part that may still grow. */
  readonly tail: string;
  /** The whole text: the closed chunks and the tail joined without copying them. */
  readonly text: string;
}

/** The closed chunks joined (a rope: each join is O(1) and copies nothing). */
const prefixes = new WeakMap<TextChunks, string>();

const EMPTY: TextChunks = { closed: [], tail: "", text: "" };

/**
 * A whole text cut into chunks (one pass; the chunks are slices of the text, so they add no
 * copy of it).
 *
 * @example splitTextChunks("short").closed // []
 */
export function splitTextChunks(text: string): TextChunks {
  if (text === "") return EMPTY;
  flatten(text);
  const closed: string[] = [];
  let prefix = "";
  let from = 0;
  for (let end = nextChunkEnd(text, from); end >= 0; end = nextChunkEnd(text, from)) {
    const chunk = text.slice(from, end);
    closed.push(chunk);
    prefix += chunk;
    from = end;
  }
  return build(closed, prefix, from === 0 ? text : text.slice(from), text);
}

/**
 * The chunks of `chunks.text + delta`. Costs the tail plus the delta, whatever the length of the
 * text: the closed chunks are shared, the tail is copied once, and the new text is a rope of the
 * chunks (no full-text copy). Chunks that close are copied out, so they do not keep the tail's
 * buffer alive.
 *
 * @example appendTextChunks(splitTextChunks("Hel"), "lo").text // "Hello"
 */
export function appendTextChunks(chunks: TextChunks, delta: string): TextChunks {
  if (delta === "") return chunks;
  const joined = flatten(chunks.tail + delta);
  let prefix = prefixes.get(chunks) ?? "";
  let closed: string[] | null = null;
  let from = 0;
  for (let end = nextChunkEnd(joined, from); end >= 0; end = nextChunkEnd(joined, from)) {
    const chunk = copyOf(joined.slice(from, end));
    (closed ??= chunks.closed.slice()).push(chunk);
    prefix += chunk;
    from = end;
  }
  const tail = from === 0 ? joined : copyOf(joined.slice(from));
  return build(closed ?? chunks.closed, prefix, tail, prefix === "" ? tail : prefix + tail);
}

function build(closed: readonly string[], prefix: string, tail: string, text: string): TextChunks {
  const chunks: TextChunks = { closed, tail, text };
  prefixes.set(chunks, prefix);
  return chunks;
}

/**
 * Makes a string flat in place. Engines keep `a + b` as a rope (a node per join); reading one
 * character flattens it, once, in O(length).
 */
function flatten(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}

/**
 * A copy of a string in a buffer of its own. A slice of a flat string points into the whole
 * buffer (and keeps it alive); slicing a fresh rope flattens the rope into a new buffer first.
 */
function copyOf(text: string): string {
  return `${text} `.slice(0, -1);
}
