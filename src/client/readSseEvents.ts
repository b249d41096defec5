import { createParser, type EventSourceMessage } from "eventsource-parser";
import { RunsClientError } from "./RunsClientError";
import type { StreamPart } from "./types";

/** Frames larger than this fail the stream instead of growing the buffer without bound. */
const MAX_FRAME_CHARS = 64 * 1024 * 1024;

/**
 * Parses an SSE body into `{ event, data, id }` parts: `data` is JSON when it parses and the raw
 * text when it does not (a bad frame never ends the stream). Comments and heartbeats are
 * skipped; frames without data are not events. `onBytes` is called once per network chunk,
 * which is all the idle watchdog needs (no per-line timers).
 *
 * Yields the parts in batches, one non-empty batch per network chunk: one async-generator step
 * per chunk instead of one per event (a 16 KiB chunk holds about 16 `messages-tuple` events).
 * The next chunk is read only when the caller asks for the next batch.
 */
export async function* readSseEvents(
  body: ReadableStream<Uint8Array>,
  onBytes: () => void,
): AsyncGenerator<StreamPart[], void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
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
      onBytes();
      parser.feed(decoder.decode(value, { stream: true }));
      if (parseFailure) throw parseFailure;
      if (parsed.length > 0) {
        const batch = parsed;
        parsed = [];
        yield batch;
      }
    }
    // A frame cut off by the end of the body is incomplete and discarded, as the SSE spec says:
    // it may have lost its id line, and a re-join will deliver it whole.
    parser.feed(decoder.decode());
    if (parsed.length > 0) yield parsed;
  } finally {
    reader.releaseLock();
  }
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
