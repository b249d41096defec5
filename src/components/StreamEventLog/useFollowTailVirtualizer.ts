"use client";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { RowKey } from "./createRowOffsets";
import { useVirtualRows, type VirtualRows } from "./useVirtualRows";

export interface UseFollowTailVirtualizerOptions {
  /** Rows to virtualize. */
  count: number;
  /** A stable key per row (for example the event's seq), so measured heights follow the row. */
  getItemKey?: (index: number) => RowKey;
  /** Height of a collapsed row in px (rows are measured; this is the first guess). */
  estimateSize?: number;
  /** Rows rendered beyond the visible ones, on each side (default 12). */
  overscan?: number;
  /** Follow the tail at first (default true). */
  follow?: boolean;
  /** A row rendered even out of view (the focused one); -1: none. See `useVirtualRows`. */
  keep?: number;
}

export interface FollowTailVirtualizer {
  /** Give it to the scrolling element as its `ref` (a callback ref). */
  setScrollElement: (element: HTMLDivElement | null) => void;
  /** The rows to render, their offsets and measuring (see `useVirtualRows`). */
  virtualizer: VirtualRows;
  /** True while the view sticks to the newest row. */
  following: boolean;
  /** The newest row is in view (nothing left to scroll down to). */
  atBottom: boolean;
  /** Scrolls to the newest row and follows the tail again; focus moves to the scrolling element. */
  jumpToLatest: () => void;
  /** Scrolls to the newest row and follows the tail again; focus stays where it is. */
  followTail: () => void;
  /** Give it to the scrolling element's `onScroll`: scrolling up stops following. */
  onScroll: () => void;
}

/** How close to the bottom (px) still counts as "at the bottom". */
const BOTTOM_SLACK = 4;

/**
 * A virtualizer (`useVirtualRows`) that follows the tail: as rows arrive it stays scrolled to
 * the newest one, until the user scrolls up; scrolling back to the bottom (or `jumpToLatest`)
 * follows again. Rows are measured (`measureElement`), so expanded rows can be any height.
 *
 * @example
 * const tail = useFollowTailVirtualizer({ count: rows.count });
 * <div ref={tail.setScrollElement} onScroll={tail.onScroll} style={{ overflow: "auto" }}>…</div>
 */
export function useFollowTailVirtualizer(
  options: UseFollowTailVirtualizerOptions,
): FollowTailVirtualizer {
  const { count, getItemKey, estimateSize = 28, overscan = 12, follow = true, keep } = options;
  const virtualizer = useVirtualRows({ count, getItemKey, estimateSize, overscan, keep });
  const { scrollElement: element, scrollToBottom } = virtualizer;
  const [following, setFollowing] = useState(follow);
  const lastTop = useRef(0);
  const totalSize = virtualizer.getTotalSize();

  const viewportSize = virtualizer.viewportSize;
  // Stick to the bottom after every change of the rows, their measured heights or the area's
  // height (a shrinking area leaves the newest rows below the fold, and fires no scroll event).
  useLayoutEffect(() => {
    if (!following || element === null) return;
    scrollToBottom();
    lastTop.current = element.scrollTop;
  }, [element, following, count, totalSize, viewportSize, scrollToBottom]);

  const onScroll = useCallback(() => {
    if (element === null) return;
    const top = element.scrollTop;
    const atBottom = element.scrollHeight - top - element.clientHeight <= BOTTOM_SLACK;
    // Only a move up leaves the tail: re-measured rows and new rows never do.
    if (atBottom) setFollowing(true);
    else if (top < lastTop.current - 1) setFollowing(false);
    lastTop.current = top;
  }, [element]);

  const followTail = useCallback(() => {
    scrollToBottom();
    if (element !== null) lastTop.current = element.scrollTop;
    setFollowing(true);
  }, [element, scrollToBottom]);

  const jumpToLatest = useCallback(() => {
    followTail();
    // The "Jump to latest" button goes away: keep focus in the list, not on the page.
    element?.focus({ preventScroll: true });
  }, [element, followTail]);

  const atBottom = virtualizer.scrollOffset + virtualizer.viewportSize >= totalSize - BOTTOM_SLACK;

  return {
    setScrollElement: virtualizer.setScrollElement,
    virtualizer,
    following,
    atBottom,
    jumpToLatest,
    followTail,
    onScroll,
  };
}
