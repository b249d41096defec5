"use client";
import { useCallback, useLayoutEffect, useRef, useState, type UIEvent } from "react";

export interface UseFollowLatestOptions {
  /** Follow the latest content at first (default true). */
  follow?: boolean;
  /** How close to the bottom (px) still counts as "at the bottom" (default 24). */
  threshold?: number;
}

export interface FollowLatest<T extends HTMLElement> {
  /** Give it to the scrolling element as its `ref` (a callback ref). */
  setScrollElement: (element: T | null) => void;
  /** Give it to the scrolling element's `onScroll`: scrolling up stops following. */
  onScroll: (event?: UIEvent<T>) => void;
  /** True while the view sticks to the bottom as content grows. */
  following: boolean;
  /**
   * Scrolls to the bottom and follows again. Focus moves to the scrolling element, because the
   * "Jump to latest" button that called it usually disappears.
   */
  jumpToLatest: () => void;
}

/**
 * Keeps a scrolling element at its bottom while its content grows (a streaming chat), as long as
 * the reader is at the bottom: scrolling up (wheel, keys, touch, scrollbar) stops following,
 * scrolling back down or `jumpToLatest` follows again. Content growth never stops following;
 * only a move up does.
 *
 * @example
 * const latest = useFollowLatest<HTMLDivElement>();
 * <div ref={latest.setScrollElement} onScroll={latest.onScroll} tabIndex={0} style={{ overflowY: "auto" }}>…</div>
 * {!latest.following && <button onClick={latest.jumpToLatest}>Jump to latest</button>}
 */
export function useFollowLatest<T extends HTMLElement = HTMLElement>(
  options: UseFollowLatestOptions = {},
): FollowLatest<T> {
  const { follow = true, threshold = 24 } = options;
  const [element, setElement] = useState<T | null>(null);
  const [following, setFollowingState] = useState(follow);
  // The observers read this, so they are set up once per element, not once per change.
  const followingRef = useRef(follow);
  const setFollowing = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowingState(value);
  }, []);
  /** The scroll position we left the element at (or last saw): a smaller one is a move up. */
  const lastTop = useRef(0);

  const stick = useCallback(() => {
    if (element === null || !followingRef.current) return;
    // The browser clamps it to the bottom.
    lastTop.current = scrollToBottom(element);
  }, [element]);

  // Stick after every change of the content's size: new messages, tokens, images loading, a
  // narrower window. Layout effect: the first paint is already at the bottom.
  useLayoutEffect(() => {
    if (element === null) return;
    stick();
    if (typeof ResizeObserver !== "function") return;
    const resized = new ResizeObserver(stick);
    const observeChildren = () => {
      for (const child of Array.from(element.children)) resized.observe(child);
    };
    resized.observe(element);
    observeChildren();
    const added = new MutationObserver(() => {
      observeChildren();
      stick();
    });
    added.observe(element, { childList: true });
    return () => {
      resized.disconnect();
      added.disconnect();
    };
  }, [element, stick]);

  // Following again (a jump, or scrolling back down) sticks at once.
  useLayoutEffect(() => {
    if (following) stick();
  }, [following, stick]);

  const onScroll = useCallback(() => {
    if (element === null) return;
    const top = element.scrollTop;
    const atBottom = element.scrollHeight - top - element.clientHeight <= threshold;
    if (atBottom) setFollowing(true);
    else if (top < lastTop.current - 1) setFollowing(false);
    lastTop.current = top;
  }, [element, threshold, setFollowing]);

  const jumpToLatest = useCallback(() => {
    setFollowing(true);
    stick();
    element?.focus({ preventScroll: true });
  }, [element, stick, setFollowing]);

  return { setScrollElement: setElement, onScroll, following, jumpToLatest };
}

/** Scrolls an element to its bottom; returns where it got (a helper: state is not mutated). */
function scrollToBottom(element: HTMLElement): number {
  element.scrollTop = element.scrollHeight;
  return element.scrollTop;
}
