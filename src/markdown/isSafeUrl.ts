import { decodeEntities } from "./decodeEntities";

/** What a URL in markdown is for: a link's `href` or an image's `src`. */
export type MarkdownUrlKind = "link" | "image";

const SAFE_LINK_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "mailto"]);
const SAFE_IMAGE_SCHEMES: ReadonlySet<string> = new Set(["http", "https"]);

/** Controls and spaces, which browsers drop from a URL's scheme (`java\tscript:` is `javascript:`). */
// eslint-disable-next-line no-control-regex -- the control characters are what is matched
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The default URL policy of `<Markdown>`: `http:`, `https:` and `mailto:` links, `http:` and
 * `https:` images, and relative URLs (`/docs`, `#part`, `page.html`). Everything else is refused
 * (`javascript:`, `vbscript:`, `data:`, `file:`, …), so a refused link renders as its text and a
 * refused image as its alt text. Write your own policy on top of it for `allowUrl`.
 *
 * @example
 * isSafeUrl("https://example.com", "link") // true
 * isSafeUrl("javascript:alert(1)", "link") // false
 * isSafeUrl("data:image/png;base64,AAAA", "image") // false
 */
export function isSafeUrl(url: string, kind: MarkdownUrlKind): boolean {
  // Checked as written and with character references read (`&#106;avascript:`), whichever the
  // URL ends up being used as.
  return isSafeAsWritten(url, kind) && isSafeAsWritten(decodeEntities(url), kind);
}

function isSafeAsWritten(url: string, kind: MarkdownUrlKind): boolean {
  const scheme = SCHEME.exec(url.replace(IGNORED_IN_SCHEME, ""))?.[1];
  // A colon after the first slash, `?` or `#` is no scheme: `/a:b` and `?q=a:b` are relative.
  if (scheme === undefined) return !hasSchemeLikePrefix(url);
  const allowed = kind === "image" ? SAFE_IMAGE_SCHEMES : SAFE_LINK_SCHEMES;
  return allowed.has(scheme.toLowerCase());
}

/**
 * A colon before any `/`, `?` or `#` that the scheme pattern did not take (`&#58;`-style tricks
 * reach here undecoded, `1x:` starts with a digit): a browser may still read it as a scheme, so
 * it is refused rather than guessed at.
 */
function hasSchemeLikePrefix(url: string): boolean {
  const cut = url.search(/[/?#]/);
  const head = cut === -1 ? url : url.slice(0, cut);
  return head.includes(":");
}
