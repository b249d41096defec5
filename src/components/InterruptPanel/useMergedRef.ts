"use client";
import { useCallback, type Ref, type RefCallback } from "react";

/**
 * One callback ref that sets both refs given (objects or callbacks), for an element that both
 * the component and its user need. Stable while the two refs are.
 *
 * @example const ref = useMergedRef(props.ref, focusRef); <div ref={ref} />
 */
export function useMergedRef<T>(
  first: Ref<T> | undefined,
  second: Ref<T> | undefined,
): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      assignRef(first, node);
      assignRef(second, node);
    },
    [first, second],
  );
}

function assignRef<T>(ref: Ref<T> | undefined, node: T | null): void {
  if (typeof ref === "function") ref(node);
  else if (ref) ref.current = node;
}
