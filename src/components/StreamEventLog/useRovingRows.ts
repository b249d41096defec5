"use client";
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from "react";
import type { RowKey } from "./createRowOffsets";
import {
  useFollowTailVirtualizer,
  type FollowTailVirtualizer,
  type UseFollowTailVirtualizerOptions,
} from "./useFollowTailVirtualizer";
import type { VirtualRow } from "./useVirtualRows";

export interface UseRovingRowsOptions extends Omit<UseFollowTailVirtualizerOptions, "keep"> {
  /** The row that has `key` now (-1: gone): finds the focused row again after rows shift. */
  indexOfKey: (key: RowKey) => number;
}

export interface RovingRows extends FollowTailVirtualizer {
  /** The one row in the tab order (-1: none): the focused row, else one in view. */
  tabStop: number;
  /** Spread on the scrolling element: arrow keys, Home, End, PageUp and PageDown move focus. */
  viewportProps: {
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onFocus: (event: FocusEvent<HTMLElement>) => void;
    onBlur: (event: FocusEvent<HTMLElement>) => void;
  };
}

/** Put it on the element of a row that takes focus (the row element otherwise). */
export const ROW_FOCUS_ATTRIBUTE = "data-row-focus";

const NONE = -1;

/**
 * A virtualized list that follows its tail (`useFollowTailVirtualizer`) and is one tab stop:
 * Tab lands on a row in view (the newest one while following), arrow keys, Home, End, PageUp
 * and PageDown move between rows, scrolling only as far as needed. The focused row stays
 * rendered while it scrolls out of view, so following never drops focus to the page. Rows need
 * `data-index`; their focus target `data-row-focus` and `tabIndex={index === tabStop ? 0 : -1}`.
 *
 * @example
 * const list = useRovingRows({ count, getItemKey: (i) => seqAt(i), indexOfKey: indexOfSeq });
 * <div ref={list.setScrollElement} onScroll={list.onScroll} {...list.viewportProps}>…</div>
 */
export function useRovingRows(options: UseRovingRowsOptions): RovingRows {
  const { indexOfKey, getItemKey = (index: number) => index } = options;
  const [active, setActive] = useState<{ key: RowKey; focused: boolean } | null>(null);
  const activeIndex = active === null ? NONE : indexOfKey(active.key);
  const tail = useFollowTailVirtualizer({
    ...options,
    keep: active?.focused ? activeIndex : NONE,
  });
  const { virtualizer, following } = tail;
  const element = virtualizer.scrollElement;
  const items = virtualizer.getVirtualItems();
  const inView = rowsInView(items, virtualizer.scrollOffset, virtualizer.viewportSize);
  const tabStop = pickTabStop(active, activeIndex, inView, items, following);
  /** A row to focus once it is rendered (it may be scrolled to first). */
  const pending = useRef<RowKey | null>(null);

  const focusRow = useCallback(
    (key: RowKey) => {
      const target = element && rowFocusTarget(element, indexOfKey(key));
      if (!target) return false;
      target.focus({ preventScroll: true });
      return true;
    },
    [element, indexOfKey],
  );

  // Every render: the row may have just been rendered.
  useLayoutEffect(() => {
    if (pending.current !== null && focusRow(pending.current)) pending.current = null;
  });

  const moveTo = useCallback(
    (index: number) => {
      const count = options.count;
      if (count === 0) return;
      const i = Math.max(0, Math.min(count - 1, index));
      const key = getItemKey(i);
      setActive({ key, focused: true });
      virtualizer.scrollToIndex(i, { align: "auto" });
      if (!focusRow(key)) pending.current = key;
    },
    [options.count, getItemKey, virtualizer, focusRow],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const from = rowIndexOf(event.target);
    if (from === NONE || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, inView.length - 1);
    const to = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: options.count - 1,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    moveTo(to);
  };

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const index = rowIndexOf(event.target);
    if (index !== NONE) setActive({ key: getItemKey(index), focused: true });
  };

  const onBlur = (event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && event.currentTarget.contains(next)) return;
    setActive((current) => (current ? { ...current, focused: false } : current));
  };

  return { ...tail, tabStop, viewportProps: { onKeyDown, onFocus, onBlur } };
}

/** Rows wholly inside the visible area (1 px of slack for fractional layout). */
function rowsInView(items: VirtualRow[], top: number, height: number): VirtualRow[] {
  if (height <= 0) return [];
  return items.filter((row) => row.start >= top - 1 && row.end <= top + height + 1);
}

function pickTabStop(
  active: { key: RowKey; focused: boolean } | null,
  activeIndex: number,
  inView: VirtualRow[],
  items: VirtualRow[],
  following: boolean,
): number {
  // The focused row keeps the tab stop wherever it is: Tab must leave the list from it.
  if (activeIndex !== NONE && (active?.focused || inView.some((r) => r.index === activeIndex)))
    return activeIndex;
  const row = following ? inView.at(-1) : inView[0];
  // No row wholly in view (one taller than the view, or not laid out): the first rendered one.
  return row?.index ?? items[0]?.index ?? NONE;
}

/** The row index of the element a keyboard or focus event came from, if it is a row's target. */
function rowIndexOf(target: EventTarget): number {
  if (!(target instanceof Element)) return NONE;
  const row = target.closest("[data-index]");
  if (row === null) return NONE;
  const isTarget = target === row || target.hasAttribute(ROW_FOCUS_ATTRIBUTE);
  return isTarget ? Number(row.getAttribute("data-index")) : NONE;
}

function rowFocusTarget(element: HTMLElement, index: number): HTMLElement | null {
  if (index < 0) return null;
  const row = element.querySelector<HTMLElement>(`[data-index="${index}"]`);
  return row?.querySelector<HTMLElement>(`[${ROW_FOCUS_ATTRIBUTE}]`) ?? row;
}
