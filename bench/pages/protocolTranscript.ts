/**
 * The `@langchain/react` contender's stream, for any number of tokens, from one recording of the
 * real Agent Server (`bench/lib/protocolRecording.mjs`, `/tokens 20`): the thread protocol's
 * events as the server sent them, with the recorded `content-block-delta` repeated once per
 * token (`"t<i> "`), sequence numbers shifted after it, and the full text in the closing events
 * (`content-block-finish`, the final `values`) rebuilt for that many tokens. Nothing else is
 * changed. `node bench/lib/protocolRecording.mjs --check 20000` compares this with a real 20,000
 * token recording.
 */

/** One recorded request and its response (see bench/lib/protocolRecording.mjs). */
export interface RecordedExchange {
  method: string;
  path: string;
  requestBody?: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  streaming: boolean;
}

export interface ProtocolRecording {
  tokens: number;
  exchanges: RecordedExchange[];
  recordedWith: Record<string, string>;
}

/** A frame of an SSE body: when it is due (ms after the request) and its text. */
export interface ProtocolFrame {
  atMs: number;
  text: string;
}

export interface ProtocolStreams {
  /** The answer to `run.start` (`POST /threads/:t/commands`). */
  commandResponse: RecordedExchange;
  /** The run subscription (messages, values, …): the stream the view is built from. */
  content: ProtocolFrame[];
  /** The lifecycle watcher's subscription. */
  lifecycle: ProtocolFrame[];
  /** The request bodies that tell the two subscriptions apart. */
  contentChannels: string;
  /** Headers of an event-stream response. */
  streamHeaders: Record<string, string>;
}

interface ProtocolEvent {
  seq: number;
  method: string;
  params: { data?: { event?: string; delta?: { text?: string } } };
  [key: string]: unknown;
}

const TOKEN = (index: number) => `t${index} `;

/**
 * The recorded streams stretched to `tokens` tokens, cut into frames of `eventsPerFrame` token
 * events (the first frame also holds the events before the first token, the last those after the
 * last), frame k due at k × eventsPerFrame × msPerToken.
 */
export function protocolStreams(
  recording: ProtocolRecording,
  {
    tokens,
    eventsPerFrame,
    msPerToken,
  }: { tokens: number; eventsPerFrame: number; msPerToken: number },
): ProtocolStreams {
  const commandResponse = recording.exchanges.find((e) => e.path.endsWith("/commands"));
  const streams = recording.exchanges.filter((e) => e.path.endsWith("/stream/events"));
  const content = streams.find((e) => (e.requestBody ?? "").includes('"messages"'));
  const lifecycle = streams.find((e) => e !== content);
  if (!commandResponse || !content || !lifecycle) {
    throw new Error("the recording lacks the run command or one of its two event streams");
  }
  const template = parseEvents(content.body);
  const firstDelta = template.findIndex(isDelta);
  const lastDelta = template.findLastIndex(isDelta);
  if (firstDelta < 0) throw new Error("the recording has no content-block-delta event");
  const recordedText = Array.from({ length: recording.tokens }, (_, i) => TOKEN(i)).join("");
  const text = Array.from({ length: tokens }, (_, i) => TOKEN(i)).join("");
  const shift = tokens - recording.tokens;
  const delta = template[firstDelta]!;
  const deltaSeq = delta.seq;
  const afterDeltas = template[lastDelta]!.seq;

  // The human message says how many tokens it asked for; the closing events hold the whole text.
  const input = (serialized: string) =>
    serialized.split(`"/tokens ${recording.tokens}"`).join(`"/tokens ${tokens}"`);
  const header = template.slice(0, firstDelta).map((event) => input(serialize(event)));
  const trailer = template.slice(lastDelta + 1).map((event) =>
    input(serialize(shifted(event, afterDeltas, shift)))
      .split(recordedText)
      .join(text),
  );
  const deltaEvent = (index: number) => {
    const seq = deltaSeq + index;
    const data = {
      ...delta.params.data,
      delta: { ...delta.params.data?.delta, text: TOKEN(index) },
    };
    return serialize({ ...delta, event_id: String(seq), seq, params: { ...delta.params, data } });
  };

  const frames: ProtocolFrame[] = [];
  let frameText = header.join("");
  let inFrame = 1;
  for (let i = 0; i < tokens; i++) {
    if (inFrame === eventsPerFrame) {
      frames.push({ atMs: i * msPerToken, text: frameText });
      frameText = "";
      inFrame = 0;
    }
    frameText += deltaEvent(i);
    inFrame++;
  }
  frames.push({ atMs: tokens * msPerToken, text: frameText + trailer.join("") });

  const lifecycleEvents = parseEvents(lifecycle.body).map((event) =>
    shifted(event, afterDeltas, shift),
  );
  const endMs = tokens * msPerToken;
  const lifecycleFrames = [
    {
      atMs: 0,
      text: lifecycleEvents
        .filter((e) => e.seq < deltaSeq)
        .map(serialize)
        .join(""),
    },
    {
      atMs: endMs,
      text: lifecycleEvents
        .filter((e) => e.seq >= deltaSeq)
        .map(serialize)
        .join(""),
    },
  ];
  return {
    commandResponse,
    content: frames,
    lifecycle: lifecycleFrames,
    contentChannels: content.requestBody ?? "",
    streamHeaders: { "content-type": "text/event-stream", "cache-control": "no-cache" },
  };
}

function isDelta(event: ProtocolEvent): boolean {
  return event.method === "messages" && event.params.data?.event === "content-block-delta";
}

/** The event with its sequence number moved past the inserted tokens (if it came after them). */
function shifted(event: ProtocolEvent, after: number, shift: number): ProtocolEvent {
  if (event.seq <= after) return event;
  const seq = event.seq + shift;
  return { ...event, event_id: String(seq), seq };
}

function parseEvents(body: string): ProtocolEvent[] {
  const events: ProtocolEvent[] = [];
  for (const block of body.split("\n\n")) {
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (data !== undefined) events.push(JSON.parse(data) as ProtocolEvent);
  }
  return events;
}

function serialize(event: ProtocolEvent): string {
  return `event: ${event.method}\ndata: ${JSON.stringify(event)}\nid: ${event.seq}\n\n`;
}
