/**
 * Makes the block a reply is still writing read as it will once finished: an open `**bold`,
 * `_emphasis`, `~~strike` or `` `code `` is closed, a marker with nothing after it yet (`**`) is
 * held back, a half-written link shows its text and a half-written image nothing (no request
 * for half a URL). Text that needs nothing comes back as it is. Not for code blocks: marked
 * already shows an unclosed fence as code.
 *
 * @example
 * closeOpenMarkers("Some **bold te") // "Some **bold te**"
 * closeOpenMarkers("Run `npm i") // "Run `npm i`"
 * closeOpenMarkers("See [the docs](https://exa") // "See the docs"
 * closeOpenMarkers("Hello **") // "Hello "
 */
export function closeOpenMarkers(text: string): string {
  const withoutPartialLink = dropPartialLink(text);
  const withoutBareMarker = withoutPartialLink.replace(BARE_MARKER_AT_END, "$1");
  const closers = openMarkers(withoutBareMarker);
  if (closers === "") return withoutBareMarker;
  // A closer must touch the text (`**bold **` closes nothing): it goes before trailing spaces.
  const body = withoutBareMarker.trimEnd();
  return body + closers + withoutBareMarker.slice(body.length);
}

/** `[label` or `[label](partial-url` (or the same with `!`) at the very end. */
const PARTIAL_LINK_AT_END = /(?<![\w\]\\])(!?)\[([^[\]\n]*)(?:\]\([^()\s]*)?$/;
/** A run of markers that opens nothing yet: at the start of the text or after a space. */
const BARE_MARKER_AT_END = /(^|\s)[*_~`]+$/;
/** A line that starts a new inline context: a list item, heading, quote or table row. */
const BLOCK_START = /^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|>|\|)/;

function dropPartialLink(text: string): string {
  const match = PARTIAL_LINK_AT_END.exec(text);
  if (!match) return text;
  const [whole, bang, label] = match;
  return text.slice(0, text.length - whole.length) + (bang ? "" : (label ?? ""));
}

/** The closers of the markers still open at the end, innermost first. */
function openMarkers(text: string): string {
  const open: string[] = [];
  let codeRun = 0;
  let position = 0;
  while (position < text.length) {
    const char = text[position] as string;
    if (char === "\\" && codeRun === 0) {
      position += 2;
      continue;
    }
    if (char === "\n") {
      // A list item or a heading starts afresh: markers do not carry across it.
      const lineEnd = text.indexOf("\n", position + 1);
      if (BLOCK_START.test(text.slice(position + 1, lineEnd === -1 ? undefined : lineEnd))) {
        open.length = 0;
        codeRun = 0;
      }
      position += 1;
      continue;
    }
    const run = runLength(text, position);
    if (char === "`") {
      if (codeRun === 0) codeRun = run;
      else if (run === codeRun) codeRun = 0;
    } else if (codeRun === 0 && (char === "*" || char === "_" || char === "~")) {
      applyDelimiterRun(open, char, run, text[position - 1] ?? "", text[position + run] ?? "");
    }
    position += run;
  }
  const code = codeRun > 0 ? "`".repeat(codeRun) : "";
  return code + open.reverse().join("");
}

function runLength(text: string, start: number): number {
  let end = start;
  while (text[end] === text[start]) end += 1;
  return end - start;
}

const isSpace = (char: string) => char === "" || /\s/.test(char);
const isWordChar = (char: string) => /[\p{L}\p{N}]/u.test(char);

/**
 * Updates the open markers with one run of `*`, `_` or `~` (CommonMark's flanking rules, simply):
 * a run after text closes what it matches, a run before text opens. `_` inside a word
 * (`snake_case`) is neither; `~` counts as `~~` only.
 */
function applyDelimiterRun(
  open: string[],
  char: "*" | "_" | "~",
  run: number,
  before: string,
  after: string,
): void {
  if (char === "_" && isWordChar(before) && isWordChar(after)) return;
  if (char === "~") {
    if (run < 2) return;
    const index = open.lastIndexOf("~~");
    if (index !== -1 && !isSpace(before)) open.splice(index);
    else if (!isSpace(after)) open.push("~~");
    return;
  }
  let left = run;
  if (!isSpace(before)) {
    // Closes the innermost markers of the same character it can.
    while (left > 0) {
      const top = open.at(-1);
      if (top === undefined || top[0] !== char || top.length > left) break;
      open.pop();
      left -= top.length;
    }
  }
  if (left === 0 || isSpace(after) || (char === "_" && isWordChar(before))) return;
  if (left % 2 === 1) open.push(char);
  for (let pairs = Math.floor(left / 2); pairs > 0; pairs -= 1) open.push(char + char);
}
