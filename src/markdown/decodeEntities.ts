/**
 * The named character references a model writes (marked turns numeric ones into characters
 * already and leaves named ones for an HTML renderer). Others are shown as written.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  colon: ":",
  copy: "©",
  reg: "®",
  trade: "™",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  middot: "·",
  bull: "•",
  times: "×",
  divide: "÷",
  deg: "°",
  plusmn: "±",
  euro: "€",
  larr: "←",
  rarr: "→",
};

const REFERENCE = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;

/**
 * Text with its character references (`&amp;`, `&#65;`, `&#x41;`) turned into characters, for a
 * React text node (React escapes text itself: decoding here never makes markup).
 *
 * @example decodeEntities("Fish &amp; chips &#8212; &copy;") // "Fish & chips — ©"
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (whole, name: string) => {
    if (name[0] !== "#") return Object.hasOwn(NAMED, name) ? (NAMED[name] as string) : whole;
    const code =
      name[1] === "x" || name[1] === "X"
        ? Number.parseInt(name.slice(2), 16)
        : Number.parseInt(name.slice(1), 10);
    return isCharacter(code) ? String.fromCodePoint(code) : "\ufffd";
  });
}

/** A code point a reference may stand for (not NUL, a surrogate, or past Unicode). */
function isCharacter(code: number): boolean {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
}
