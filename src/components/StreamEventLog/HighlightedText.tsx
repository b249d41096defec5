"use client";
import type { ReactNode } from "react";

/**
 * `text` with every case-insensitive occurrence of `query` in a `<mark>`, so a reader sees why a
 * row matched the search. No query, or no occurrence: the text itself.
 *
 * @example <HighlightedText text='{"step":"reply"}' query="reply" />
 */
export function HighlightedText({ text, query }: { text: string; query: string }): ReactNode {
  const ranges = matchRanges(text, query);
  if (ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    if (start > from) parts.push(text.slice(from, start));
    parts.push(
      <mark key={start} className="lgr-log__mark">
        {text.slice(start, end)}
      </mark>,
    );
    from = end;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/** At most this many marks per text: a one-letter search in a long payload stays cheap. */
const MAX_MARKS = 200;

/**
 * The `[start, end)` ranges of `query` in `text`, case-insensitive, not overlapping. Like the
 * search (`createEventMatcher`), it finds the query as typed and as JSON escapes it, and since the
 * search reads compact JSON while rows show it indented, `"key":"value"` also finds
 * `"key": "value"`.
 *
 * @example matchRanges("Hi hi", "hi") // [[0, 2], [3, 5]]
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const needle = query.trim().toLowerCase();
  if (needle === "") return [];
  const haystack = text.toLowerCase();
  // toLowerCase keeps the length of almost every text; where it does not (a few Unicode
  // letters), positions would not line up, so nothing is marked.
  if (haystack.length !== text.length) return [];
  const escaped = JSON.stringify(needle).slice(1, -1);
  const needles = new Set([needle, escaped].flatMap((n) => [n, n.replaceAll('":', '": ')]));
  const found: [number, number][] = [];
  for (const candidate of needles) {
    for (
      let at = haystack.indexOf(candidate);
      at >= 0 && found.length < MAX_MARKS * needles.size;
      at = haystack.indexOf(candidate, at + candidate.length)
    ) {
      found.push([at, at + candidate.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const ranges: [number, number][] = [];
  for (const range of found) {
    if (ranges.length === MAX_MARKS) break;
    const last = ranges.at(-1);
    if (last === undefined || range[0] >= last[1]) ranges.push(range);
  }
  return ranges;
}
