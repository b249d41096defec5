"use client";
import { useCallback, useEffect, useState } from "react";

/** What the last copy did: nothing yet, on the clipboard, or refused by the browser. */
export type CopyState = "idle" | "copied" | "failed";

/** How long "Copied" stays before the button reads as before. */
const SHOWN_FOR_MS = 2000;

/**
 * Copies text to the clipboard and tells how it went, for a moment (then `idle` again). A
 * browser without the Clipboard API (an insecure page) or one that refuses gives `failed`.
 *
 * @example
 * const { state, copy } = useCopyText();
 * <button onClick={() => copy(code)}>{state === "copied" ? "Copied" : "Copy"}</button>
 */
export function useCopyText(): { state: CopyState; copy: (text: string) => Promise<void> } {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }, []);
  return { state, copy };
}
