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
 * The `[start, end)` ranges of `query` in `text`, case-insensitive, not overlapping.
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
  const ranges: [number, number][] = [];
  for (
    let at = haystack.indexOf(needle);
    at >= 0 && ranges.length < MAX_MARKS;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}
