import type { RunStatus } from "../client/types";
import type { RunSession, SessionStatus } from "./RunSession";

/**
 * The one status vocabulary the UI shows (badge, table, event log, hooks): the server's statuses
 * with `interrupted` split by meaning, plus the client's own states.
 * - `needs-input`: paused for an answer (pending interrupts or a static breakpoint in the session,
 *   or the thread's latest run while the thread is `interrupted`; the JS server reports that run
 *   as `success`);
 * - `stopped`: server status `interrupted`, a run cancelled by a user or a multitask strategy;
 * - `starting`, `reconnecting`, `cancelling`: client states layered over the run's status.
 *
 * The server's raw status stays available beside it (`data-run-status`, `serverStatus`).
 */
export type RunDisplayStatus =
  Exclude<SessionStatus, "interrupted"> | "needs-input" | "stopped" | "reconnecting" | "cancelling";

/** What is known besides the raw status. */
export interface DisplayStatusFacts {
  /** The run waits for an answer (interrupts pending, a breakpoint, or its thread is `interrupted`). */
  needsInput?: boolean;
  /** A cancel was requested and the run has not ended yet. */
  cancelling?: boolean;
  /** The stream is re-joining the run. */
  reconnecting?: boolean;
}

/**
 * The status to show for a raw (server or session) status and what else is known.
 *
 * @example
 * runDisplayStatus("interrupted")                       // "stopped"
 * runDisplayStatus("success", { needsInput: true })     // "needs-input"
 */
export function runDisplayStatus(
  status: SessionStatus,
  facts: DisplayStatusFacts = {},
): RunDisplayStatus {
  if (facts.cancelling) return "cancelling";
  if (facts.reconnecting) return "reconnecting";
  if (facts.needsInput) return "needs-input";
  return status === "interrupted" ? "stopped" : status;
}

/**
 * The status a stream session shows: cancelling and reconnecting over "needs input" (pending
 * interrupts or a breakpoint) over the run's status.
 *
 * @example sessionDisplayStatus(store.getSession(key)) // "needs-input"
 */
export function sessionDisplayStatus(
  session:
    | Pick<RunSession, "status" | "cancelling" | "connection" | "interrupts" | "breakpoint">
    | undefined,
): RunDisplayStatus {
  if (!session) return "idle";
  return runDisplayStatus(session.status, {
    cancelling: session.cancelling,
    reconnecting: session.connection.state === "reconnecting",
    needsInput: session.interrupts.length > 0 || session.breakpoint,
  });
}

/** What the kit reads of a thread to tell which run waits for input. */
export interface ThreadRunStatus {
  status: "idle" | "busy" | "interrupted" | "error";
  /** The run the thread is paused after, while it is `interrupted` (null when unknown). */
  pausedRunId: string | null;
}

/**
 * The status to show for a run record, given its thread: the thread's latest run while the
 * thread is `interrupted` needs input; a server `interrupted` is "stopped".
 *
 * @example
 * threadRunDisplayStatus(run, { status: "interrupted", pausedRunId: run.run_id }) // "needs-input"
 */
export function threadRunDisplayStatus(
  run: { run_id: string; status: RunStatus },
  thread: ThreadRunStatus | undefined,
): RunDisplayStatus {
  // A cancelled run leaves its thread idle, so an `interrupted` thread means paused, whatever
  // the run reports (`success` on the JS server).
  const paused =
    thread?.status === "interrupted" && thread.pausedRunId === run.run_id && run.status !== "error";
  return runDisplayStatus(run.status, { needsInput: paused });
}
