import type { Run } from "../../client/types";
import { isRunActive } from "../../client/types";
import { formatDuration } from "./formatDuration";

export interface RunDuration {
  /** Milliseconds: `updated_at - created_at` for a finished run, `now - created_at` while active. */
  ms: number;
  /** "12.3 s", or "running for 12 s" while the run is active. */
  text: string;
  active: boolean;
}

/**
 * How long a run took (finished) or has been going (pending, running).
 *
 * @example runDuration(run, Date.now()).text // "running for 4.2 s"
 */
export function runDuration(
  run: Pick<Run, "status" | "created_at" | "updated_at">,
  now: number,
): RunDuration {
  const created = Date.parse(run.created_at);
  const active = isRunActive(run);
  const end = active ? now : Date.parse(run.updated_at);
  const ms = Math.max(0, end - created);
  const formatted = formatDuration(ms);
  return {
    ms,
    active,
    text: active
      ? `${run.status === "pending" ? "waiting for" : "running for"} ${formatted}`
      : formatted,
  };
}
