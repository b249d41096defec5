import type { LangGraphRunsClient } from "../client/createClient";
import { RunsClientError } from "../client/RunsClientError";
import { isRunActive, type RunStatus } from "../client/types";
import type { RunSession, SessionStatus } from "./RunSession";

/** The run a stream followed, and the status the session had when the stream ended. */
export interface EndedStream {
  streamed: SessionStatus | undefined;
  threadId: string | null;
  runId: string | null;
}

/**
 * What a run that stopped streaming ended as: from its events when they tell (an error, a
 * pending interrupt or breakpoint), else from the server.
 *
 * @example
 * const status = await resolveFinalStatus(client, store.getSession(key), { streamed, threadId, runId });
 */
export async function resolveFinalStatus(
  client: LangGraphRunsClient,
  session: Pick<RunSession, "status" | "interrupts" | "breakpoint"> | undefined,
  ended: EndedStream,
): Promise<RunStatus> {
  if (session?.status === "error" || ended.streamed === "error") return "error";
  const paused = (session?.interrupts.length ?? 0) > 0 || session?.breakpoint === true;
  if (paused) return "interrupted";
  if (ended.threadId === null || ended.runId === null) return "success";
  try {
    const run = await client.runs.get(ended.threadId, ended.runId);
    // A run paused by interrupt() ends "success" on the JS server; the session knows better.
    return isRunActive(run) ? "success" : run.status;
  } catch (error) {
    // A rolled-back run is gone: it was cancelled.
    if (error instanceof RunsClientError && error.kind === "not_found") return "interrupted";
    return "success";
  }
}
