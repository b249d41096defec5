"use client";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { createRowOffsets, type RowKey } from "./createRowOffsets";

export type { RowKey } from "./createRowOffsets";

export interface UseVirtualRowsOptions {
  /** Rows to virtualize. */
  count: number;
  /** A stable key per row (for example the event's seq), so measured heights follow the row. */
  getItemKey?: (index: number) => RowKey;
  /** Height of a row in px before it is measured (default 28). */
  estimateSize?: number;
  /** Rows rendered beyond the visible ones, on each side (default 12). */
  overscan?: number;
  /**
   * A row rendered even when it is out of view (for example the focused one, so following the
   * tail or scrolling away never unmounts it and drops focus to the page). -1: none.
   */
  keep?: number;
}

/** A row to render: absolutely placed at `start` (for example `translateY(start px)`). */
export interface VirtualRow {
  index: number;
  key: RowKey;
  start: number;
  size: number;
  end: number;
}

/** Where `scrollToIndex` puts the row; `auto` scrolls only as far as needed to show it. */
export type ScrollAlign = "start" | "center" | "end" | "auto";

export interface VirtualRows {
  /** Give it to the scrolling element as its `ref` (a callback ref). */
  setScrollElement: (element: HTMLElement | null) => void;
  scrollElement: HTMLElement | null;
  /** The rows to render: the visible ones and `overscan` more on each side. */
  getVirtualItems: () => VirtualRow[];
  /** The height of all rows: give it to the element that holds the rows. */
  getTotalSize: () => number;
  /** Give it to each row element as its `ref`; the element needs `data-index={index}`. */
  measureElement: (element: Element | null) => void;
  scrollToIndex: (index: number, options?: { align?: ScrollAlign }) => void;
  scrollToBottom: () => void;
  /** The scrolling element's `scrollTop` and height, as last rendered. */
  scrollOffset: number;
  viewportSize: number;
}

interface View {
  top: number;
  height: number;
}

const NO_VIEW: View = { top: 0, height: 0 };
const indexKey = (index: number) => index;
const indexOf = (element: Element) => Number(element.getAttribute("data-index"));
const heightOf = (element: Element) => element.getBoundingClientRect().height;
const setScrollTop = (element: HTMLElement, top: number) => {
  element.scrollTop = top;
};

/**
 * A small list virtualizer for rows of variable height in a scrolling element: it renders only
 * the rows in view (plus `overscan`), places them from an estimated height corrected by the
 * measured height of every row it rendered (measured after each render, and on resize with a
 * `ResizeObserver` where there is one), and keeps the offsets in a Fenwick tree, so 100,000
 * rows cost O(log n) per render. Rows measured above the view keep the view still.
 *
 * @example
 * const rows = useVirtualRows({ count: items.length, estimateSize: 28 });
 * <div ref={rows.setScrollElement} style={{ height: 400, overflow: "auto" }}>
 *   <div style={{ position: "relative", height: rows.getTotalSize() }}>
 *     {rows.getVirtualItems().map((row) => (
 *       <div key={row.key} ref={rows.measureElement} data-index={row.index}
 *         style={{ position: "absolute", width: "100%", transform: `translateY(${row.start}px)` }}>
 *         {items[row.index]}
 *       </div>
 *     ))}
 *   </div>
 * </div>
 */
export function useVirtualRows(options: UseVirtualRowsOptions): VirtualRows {
  const { count, getItemKey = indexKey, estimateSize = 28, overscan = 12, keep = -1 } = options;
  const [element, setScrollElement] = useState<HTMLElement | null>(null);
  const [offsets] = useState(() => createRowOffsets(estimateSize));
  const [view, setView] = useState(NO_VIEW);
  const [, setVersion] = useState(0);
  /** Row elements given to `measureElement` (disconnected ones are let go after a render). */
  const rowElements = useRef(new Set<Element>());
  const rowObserver = useRef<ResizeObserver | null>(null);
  /** A `scrollToIndex` target, aimed at again while the rows around it get measured. */
  const target = useRef<{ index: number; align: ScrollAlign } | null>(null);

  // Incremental: more rows cost O(1) each, shifted rows O(measured); nothing is O(count).
  offsets.setEstimate(estimateSize);
  offsets.sync(count, getItemKey);

  // The window (none while the element has no height: not laid out yet, or jsdom); rows
  // measured before (by key) get their height back, then it is placed again.
  let first = 0;
  let last = -1;
  for (let pass = 0; pass < 2 && view.height > 0; pass++) {
    first = Math.max(0, offsets.indexAt(view.top) - overscan);
    last = Math.min(count - 1, offsets.indexAt(view.top + view.height) + overscan);
    let restored = false;
    for (let i = first; i <= last; i++) restored = offsets.restore(i, getItemKey(i)) || restored;
    if (!restored) break;
  }
  const items: VirtualRow[] = [];
  const rowAt = (i: number, start = offsets.startOf(i)): VirtualRow => {
    const size = offsets.sizeOf(i);
    return { index: i, key: getItemKey(i), start, size, end: start + size };
  };
  for (let i = first, start = offsets.startOf(first); i <= last; i++) {
    const row = rowAt(i, start);
    items.push(row);
    start = row.end;
  }
  // The kept row, in document order (before or after the window).
  if (keep >= 0 && keep < count && (keep < first || keep > last)) {
    if (keep < first) items.unshift(rowAt(keep));
    else items.push(rowAt(keep));
  }
  const total = offsets.total;

  const read = useCallback(() => {
    if (element === null) return;
    const top = element.scrollTop;
    const height = element.clientHeight;
    setView((v) => (v.top === top && v.height === height ? v : { top, height }));
  }, [element]);

  const scrollTo = useCallback(
    (top: number) => {
      if (element === null) return;
      setScrollTop(element, top);
      read();
    },
    [element, read],
  );

  const offsetFor = useCallback(
    (index: number, align: ScrollAlign) => {
      const start = offsets.startOf(index);
      const size = offsets.sizeOf(index);
      const height = element?.clientHeight ?? 0;
      if (align === "center") return start + size / 2 - height / 2;
      return align === "end" ? start + size - height : start;
    },
    [element, offsets],
  );

  // Follow the scrolling element: its scroll position (rendered before the next paint, so
  // fast scrolling shows no blank rows) and its height.
  useLayoutEffect(() => {
    if (element === null) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the element's size, before paint
    read();
    const onScroll = () => flushSync(read);
    element.addEventListener("scroll", onScroll, { passive: true });
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(read) : null;
    observer?.observe(element);
    return () => {
      element.removeEventListener("scroll", onScroll);
      observer?.disconnect();
    };
  }, [element, read]);

  // Rows that change height between renders (fonts, a narrower viewport) render again.
  useLayoutEffect(() => {
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver((entries) => {
      const resized = entries.some(({ target: row }) => {
        const size = heightOf(row);
        return size > 0 && size !== offsets.sizeOf(indexOf(row));
      });
      if (resized) setVersion((v) => v + 1);
    });
    rowObserver.current = observer;
    for (const row of rowElements.current) observer.observe(row);
    return () => {
      observer.disconnect();
      rowObserver.current = null;
    };
  }, [offsets]);

  // After every render, before paint: measure the rendered rows; render again if they moved.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- every render: any can resize a row
  useLayoutEffect(() => {
    const top = element?.scrollTop ?? 0;
    let changed = false;
    let above = 0;
    for (const row of rowElements.current) {
      if (!row.isConnected) {
        rowElements.current.delete(row);
        rowObserver.current?.unobserve(row);
        continue;
      }
      const index = indexOf(row);
      const before = offsets.sizeOf(index);
      if (!offsets.setSize(index, heightOf(row), getItemKey(index))) continue;
      changed = true;
      // A row wholly above the view changed height: keep what is in view where it is.
      if (offsets.startOf(index) + before <= top) above += offsets.sizeOf(index) - before;
    }
    const aim = target.current;
    if (aim !== null && changed) scrollTo(offsetFor(aim.index, aim.align));
    else if (above !== 0) scrollTo(top + above);
    if (!changed) target.current = null;
    if (changed) setVersion((v) => v + 1);
  });

  const measureElement = useCallback((row: Element | null) => {
    if (row === null) return;
    rowElements.current.add(row);
    rowObserver.current?.observe(row);
  }, []);

  const scrollToIndex = useCallback(
    (index: number, { align = "auto" }: { align?: ScrollAlign } = {}) => {
      if (element === null || count === 0) return;
      const i = Math.max(0, Math.min(count - 1, Math.floor(index)));
      let resolved = align;
      if (resolved === "auto") {
        const top = element.scrollTop;
        if (offsets.startOf(i) < top) resolved = "start";
        else if (offsets.startOf(i + 1) > top + element.clientHeight) resolved = "end";
        else return;
      }
      target.current = { index: i, align: resolved };
      scrollTo(offsetFor(i, resolved));
    },
    [element, count, offsets, scrollTo, offsetFor],
  );

  const scrollToBottom = useCallback(() => {
    target.current = null;
    // The browser clamps it to the bottom.
    if (element !== null) scrollTo(element.scrollHeight);
  }, [element, scrollTo]);

  return {
    setScrollElement,
    scrollElement: element,
    getVirtualItems: () => items,
    getTotalSize: () => total,
    measureElement,
    scrollToIndex,
    scrollToBottom,
    scrollOffset: view.top,
    viewportSize: view.height,
  };
}
