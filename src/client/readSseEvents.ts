import { createParser, type EventSourceMessage } from "eventsource-parser";
import type { IdleWatchdog } from "./createIdleWatchdog";
import { RunsClientError } from "./RunsClientError";
import type { StreamPart } from "./types";

/** Frames larger than this fail the stream instead of growing the buffer without bound. */
const MAX_FRAME_CHARS = 64 * 1024 * 1024;

/**
 * Parses an SSE body into `{ event, data, id }` parts: `data` is JSON when it parses and the raw
 * text when it does not (a bad frame never ends the stream). Comments and heartbeats are
 * skipped; frames without data are not events. The watchdog is touched once per network chunk
 * (no per-line timers) and paused while the caller holds a batch.
 *
 * Yields the parts in batches, one non-empty batch per network chunk: one async-generator step
 * per chunk instead of one per event (a 16 KiB chunk holds about 16 `messages-tuple` events).
 * The next chunk is read only when the caller asks for the next batch.
 *
 * Returns whether the body ended in the middle of a frame (after its last blank line): a server
 * ends its frames, so such an end was a connection closed early, not the end of the stream.
 */
export async function* readSseEvents(
  body: ReadableStream<Uint8Array>,
  watchdog: Pick<IdleWatchdog, "touch" | "pause" | "resume">,
): AsyncGenerator<StreamPart[], boolean> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  /** The last few characters of the body, enough to see whether it ends with a blank line. */
  let tail = "";
  let parsed: StreamPart[] = [];
  let parseFailure: RunsClientError | undefined;
  const parser = createParser({
    onEvent: (message) => parsed.push(toPart(message)),
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") {
        parseFailure = new RunsClientError({
          kind: "server",
          message: `an SSE frame exceeded ${MAX_FRAME_CHARS} characters`,
          cause: error,
        });
      }
    },
    maxBufferSize: MAX_FRAME_CHARS,
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      watchdog.touch();
      const text = decoder.decode(value, { stream: true });
      tail = (tail + text.slice(-4)).slice(-4);
      parser.feed(text);
      if (parseFailure) throw parseFailure;
      if (parsed.length > 0) {
        const batch = parsed;
        parsed = [];
        // While the caller works through the batch no bytes are read: a slow consumer is not a
        // silent server, so the idle watchdog only counts time spent waiting for the network.
        watchdog.pause();
        yield batch;
        watchdog.resume();
      }
    }
    // A frame cut off by the end of the body is incomplete and discarded, as the SSE spec says:
    // it may have lost its id line, and a re-join will deliver it whole.
    const rest = decoder.decode();
    tail = (tail + rest).slice(-4);
    parser.feed(rest);
    // After a final CR the parser waits for a possible LF (CRLF); at the end of the body none
    // comes, so the CR ends its line: with CR-only line endings this dispatches the last event.
    if (tail.endsWith("\r")) parser.feed("\n");
    if (parsed.length > 0) yield parsed;
    return !endsAtFrameBoundary(tail);
  } finally {
    reader.releaseLock();
  }
}

/**
 * Whether text ending in `tail` ends with a blank line (the end of a frame), whatever mix of
 * CRLF, LF and CR ends its lines. An empty body ends at a boundary too.
 *
 * @example endsAtFrameBoundary("x\r\n\r\n") // true; endsAtFrameBoundary("x\r\n") // false
 */
function endsAtFrameBoundary(tail: string): boolean {
  if (tail === "") return true;
  // A CRLF stream cut between the CR and LF of its blank line: the frame is whole, but the body
  // was cut, so it is not taken for the server's end.
  if (tail.endsWith("\r\n\r")) return false;
  const withoutLast = tail.endsWith("\r\n")
    ? tail.slice(0, -2)
    : /[\r\n]$/.test(tail)
      ? tail.slice(0, -1)
      : undefined;
  return withoutLast !== undefined && /[\r\n]$/.test(withoutLast);
}

function toPart(message: EventSourceMessage): StreamPart {
  return { event: message.event ?? "message", data: parseData(message.data), id: message.id };
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
