import { decodeSegment, parseRunLocation } from "../client/paths";
import type { RunStatus } from "../client/types";
import type { Transcript } from "./Transcript";

/** What a transcript tells about the run it recorded. */
export interface TranscriptRun {
  /** From `Content-Location` / `Location`, else from the `metadata` event. */
  runId: string | undefined;
  /** The thread of the recorded request (`undefined` for a stateless run). */
  threadId: string | undefined;
  /** `assistant_id` of the recorded request body. */
  assistantId: string | undefined;
  /** `error` when the stream has an `error` event, else `success` (as the JS server reports). */
  status: Extract<RunStatus, "error" | "success">;
}

const ORIGIN = "http://transcript.local";
/** How much of the body is searched for the `metadata` event. */
const METADATA_SEARCH_CHARS = 64 * 1024;
const METADATA_EVENT = /(?:^|\n)event: ?metadata\r?\n(?:id:[^\n]*\n)?data: ?([^\r\n]*)/;
const ERROR_EVENT = /\nevent: ?error\r?\n/;
/** Longer than `\nevent: error\r\n`. */
const SEAM = 16;

/**
 * The run behind a transcript: its id, thread, assistant and final status, read without parsing
 * the whole stream.
 *
 * @example
 * readTranscriptRun(transcripts["error-run"]).status // "error"
 */
export function readTranscriptRun(transcript: Transcript): TranscriptRun {
  const { headers } = transcript.response;
  const location =
    parseRunLocation(headers["content-location"] ?? null, ORIGIN) ??
    parseRunLocation(headers["location"] ?? null, ORIGIN);
  const threadMatch = /^\/threads\/([^/?#]+)\//.exec(transcript.request.path);
  const body = transcript.request.body;
  const assistantId =
    typeof body === "object" && body !== null && "assistant_id" in body
      ? String((body as { assistant_id: unknown }).assistant_id)
      : undefined;
  return {
    runId: location?.run_id ?? runIdOfMetadata(transcript),
    threadId: threadMatch ? decodeSegment(threadMatch[1]!) : location?.thread_id,
    assistantId,
    status: hasErrorEvent(transcript) ? "error" : "success",
  };
}

function runIdOfMetadata(transcript: Transcript): string | undefined {
  let head = "";
  for (const frame of transcript.frames) {
    head += frame.text;
    if (head.length >= METADATA_SEARCH_CHARS) break;
  }
  const match = METADATA_EVENT.exec(head);
  if (!match) return undefined;
  try {
    const data: unknown = JSON.parse(match[1]!);
    const runId = (data as { run_id?: unknown } | null)?.run_id;
    return typeof runId === "string" ? runId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Scans frame by frame without joining them (a generated transcript can hold 200 MB); the
 * seam between two frames is checked separately, so a split event line is still found.
 */
function hasErrorEvent(transcript: Transcript): boolean {
  let tail = "\n";
  for (const { text } of transcript.frames) {
    if (ERROR_EVENT.test(tail + text.slice(0, SEAM)) || ERROR_EVENT.test(text)) return true;
    tail = text.length >= SEAM ? text.slice(-SEAM) : (tail + text).slice(-SEAM);
  }
  return false;
}
