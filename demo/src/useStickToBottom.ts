import { useCallback, useEffect, useRef } from "react";

/**
 * Keeps a scrolling container at the bottom as its content grows, unless the user scrolled up.
 * Returns the ref for the container and its onScroll handler.
 */
export function useStickToBottom<T extends HTMLElement>() {
  const ref = useRef<T | null>(null);
  const atBottom = useRef(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const stick = () => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    };
    const resize = new ResizeObserver(stick);
    const mutations = new MutationObserver(() => {
      for (const child of Array.from(el.children)) resize.observe(child);
      stick();
    });
    for (const child of Array.from(el.children)) resize.observe(child);
    mutations.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      resize.disconnect();
      mutations.disconnect();
    };
  }, []);

  return { ref, onScroll };
}
