import { Lexer, type Token, type TokensList } from "marked";
import { closeOpenMarkers } from "./closeOpenMarkers";

/** One top-level block of the text (a paragraph, a list, a code block, …), rendered on its own. */
export interface MarkdownBlock {
  /** A React key: the block's position (a streaming text only grows at its end). */
  key: string;
  /** The source the block was read from: a block whose source did not change is not rendered again. */
  source: string;
  token: Token;
  /**
   * A code block whose fence has not closed yet, at the end of a text still streaming (its code
   * is still coming). False for every other block, so a block that stops being the last is not
   * rendered again for that.
   */
  open: boolean;
}

export interface LexedBlocks {
  blocks: MarkdownBlock[];
  /**
   * The link reference definitions (`[id]: https://…`), as one string: a definition arriving
   * later changes how earlier blocks read, so every block renders again when this changes.
   */
  definitions: string;
}

/** Blocks whose inline markers are closed while they stream (never code: a fence stays literal). */
const CLOSED_WHILE_STREAMING: ReadonlySet<string> = new Set([
  "paragraph",
  "heading",
  "list",
  "blockquote",
  "table",
  "text",
]);

/**
 * Splits markdown into its top-level blocks with marked's lexer (GitHub-flavoured: tables, task
 * lists, strikethrough, bare links). While `streaming`, the last block is read with its open
 * markers closed (see `closeOpenMarkers`), so `**bold te` shows as bold and not as stars.
 *
 * @example
 * lexBlocks("# Title\n\nSome **bold te", { streaming: true }).blocks.map((b) => b.token.type)
 * // ["heading", "paragraph"], the paragraph read as "Some **bold te**"
 */
export function lexBlocks(text: string, { streaming }: { streaming: boolean }): LexedBlocks {
  const tokens = newLexer().lex(text);
  const blocks = shownBlocks(tokens, 0);
  const last = blocks.at(-1);
  if (streaming && last) {
    last.open = last.token.type === "code" && isOpenFence(last.source);
    if (CLOSED_WHILE_STREAMING.has(last.token.type)) {
      const closed = closeOpenMarkers(last.source);
      if (closed !== last.source) {
        const lexer = newLexer();
        Object.assign(lexer.tokens.links, tokens.links);
        blocks.splice(-1, 1, ...shownBlocks(lexer.lex(closed), blocks.length - 1));
      }
    }
  }
  return { blocks, definitions: definitionsOf(tokens.links) };
}

/** A fenced code block without its closing fence yet (indented code is never open). */
function isOpenFence(source: string): boolean {
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(source)?.[1];
  if (fence === undefined) return false;
  const lines = source.trimEnd().split("\n");
  const closing = lines.length > 1 ? (lines.at(-1) ?? "").trim() : "";
  const closes =
    closing.length >= fence.length && closing === (fence[0] as string).repeat(closing.length);
  return !closes;
}

/** A lexer of its own each time: marked's lexer keeps state, and its options object too. */
function newLexer(): Lexer {
  return new Lexer({ gfm: true, breaks: false, pedantic: false, silent: true });
}

function shownBlocks(tokens: readonly Token[], firstIndex: number): MarkdownBlock[] {
  return tokens
    .filter((token) => token.type !== "space" && token.type !== "def")
    .map((token, index) => ({
      key: `b${firstIndex + index}`,
      source: token.raw,
      token,
      open: false,
    }));
}

function definitionsOf(links: TokensList["links"]): string {
  const ids = Object.keys(links);
  return ids.length === 0 ? "" : JSON.stringify(ids.map((id) => [id, links[id]]));
}
