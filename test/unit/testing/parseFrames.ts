import { createParser } from "eventsource-parser";
import { toStreamEvent, type StreamEvent, type StreamPart } from "../../../src/client";
import type { Transcript } from "../../../src/testing";

/**
 * The events of a transcript, parsed straight from its frames' text with eventsource-parser
 * (independently of the replay and of the client's transport): what a replay must yield.
 */
export function parseFrames(transcript: Transcript): StreamPart[] {
  const parts: StreamPart[] = [];
  const parser = createParser({
    onEvent: (message) => {
      let data: unknown = message.data;
      try {
        data = JSON.parse(message.data);
      } catch {
        // not JSON: kept as text, as the client does
      }
      parts.push({ event: message.event ?? "message", data, id: message.id });
    },
  });
  for (const frame of transcript.frames) parser.feed(frame.text);
  return parts;
}

/** The same, as normalized v2 events. */
export function parseFramesV2(transcript: Transcript): StreamEvent[] {
  return parseFrames(transcript).map(toStreamEvent);
}
