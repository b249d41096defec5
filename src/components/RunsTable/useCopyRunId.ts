"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Run } from "../../client/types";
import { shortRunId } from "./shortRunId";

/** How long "Copied run id …" stays (long enough to read; a screen reader hears it at once). */
const NOTICE_MS = 2_500;

export interface CopyRunId {
  /** "Copied run id …861b98f", or why it could not be copied; "" when there is nothing to say. */
  notice: string;
  copy: (run: Run) => void;
}

/**
 * Copies a run's id to the clipboard and says so for a moment (for a polite live region).
 *
 * @example const { notice, copy } = useCopyRunId(); copy(run);
 */
export function useCopyRunId(): CopyRunId {
  const [notice, setNotice] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = useCallback((text: string) => {
    clearTimeout(timer.current);
    setNotice(text);
    timer.current = setTimeout(() => setNotice(""), NOTICE_MS);
  }, []);

  const copy = useCallback(
    (run: Run) => {
      const shown = shortRunId(run.run_id);
      const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
      if (!clipboard) {
        say(`Could not copy run id ${shown}: no clipboard here.`);
        return;
      }
      clipboard.writeText(run.run_id).then(
        () => say(`Copied run id ${shown}.`),
        () => say(`Could not copy run id ${shown}.`),
      );
    },
    [say],
  );
  return { notice, copy };
}
