/**
 * An id short enough for a table cell: ids longer than 12 characters keep their last 8
 * (UUIDv7 ids share their leading, time-based characters).
 *
 * @example shortRunId("01a1fdcd-3359-737b-962c-39053861b98f") // "…861b98f"
 */
export function shortRunId(runId: string): string {
  return runId.length > 12 ? `…${runId.slice(-8)}` : runId;
}
