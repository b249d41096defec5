"use client";
import { useCallback, useMemo, useState } from "react";
import type { Run } from "../../client/types";

const NONE: ReadonlySet<string> = new Set();

export interface RunSelection {
  /** The ticked runs among `runs` (a run that left the page leaves the selection). */
  selectedIds: ReadonlySet<string>;
  setSelectedIds: (ids: ReadonlySet<string>) => void;
  clear: () => void;
}

/**
 * Which of the shown runs are ticked for a bulk action. Ids of runs no longer shown (deleted,
 * another page) drop out, so the selection never acts on a run the user cannot see.
 *
 * @example const { selectedIds, setSelectedIds } = useRunSelection(pageRuns);
 */
export function useRunSelection(runs: readonly Run[]): RunSelection {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(NONE);
  const selectedIds = useMemo(() => {
    if (chosen.size === 0) return NONE;
    const shown = new Set(runs.filter((run) => chosen.has(run.run_id)).map((run) => run.run_id));
    return shown.size === chosen.size ? chosen : shown;
  }, [runs, chosen]);
  const clear = useCallback(() => setChosen(NONE), []);
  return { selectedIds, setSelectedIds: setChosen, clear };
}
