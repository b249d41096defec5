/**
 * A `fetch` that answers `@langchain/react`'s thread protocol from a recording (see
 * protocolTranscript.ts), as `createReplayFetch` answers the Runs API for the other contenders:
 *
 * - `POST /threads/:t/commands` (`run.start`): the recorded answer, with the request's id;
 * - `POST /threads/:t/stream/events`: the first subscription to the run's channels opened after
 *   `run.start` gets the run's events, the first such lifecycle subscription the lifecycle events; frames go out as the Runs API
 *   replay sends them (speed 0: one per `pull`, no timers; speed 1: at their recorded time). Like
 *   the server's, these streams stay open once the run is over; any later subscription gets an
 *   open stream with nothing in it;
 * - `GET /threads/:t/state`: 404 (a new thread: the hook treats it as empty);
 * - anything else: 404.
 */
import { protocolStreams, type ProtocolFrame, type ProtocolRecording } from "./protocolTranscript";

export interface ProtocolReplay {
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** The run stream's frames (for the pump that stamps when each is due). */
  frames: readonly ProtocolFrame[];
  /** Whether a response is the run's event stream (the one whose tokens are painted). */
  isRunStream: (response: Response) => boolean;
}

export function createProtocolReplay(
  recording: ProtocolRecording | undefined,
  options: { tokens: number; eventsPerFrame: number; msPerToken: number; speed: number },
): ProtocolReplay {
  if (!recording) throw new Error("the langchain-react contender needs options.protocolRecording");
  const streams = protocolStreams(recording, options);
  const encoder = new TextEncoder();
  const runStreams = new WeakSet<Response>();
  let runStarted = false;
  let contentServed = false;
  let lifecycleServed = false;

  const eventStream = (frames: readonly ProtocolFrame[], signal: AbortSignal | undefined) => {
    const startedAt = performance.now();
    let index = 0;
    let stop: (() => void) | undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    signal?.addEventListener("abort", () => stop?.());
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const frame = frames[index];
          // Past the last frame the stream stays open, as the server's does, until cancelled.
          if (frame === undefined) return stopped;
          index++;
          const wait = startedAt + frame.atMs / (options.speed || Infinity) - performance.now();
          if (options.speed > 0 && wait > 0) {
            await new Promise((resolve) => setTimeout(resolve, wait));
          }
          controller.enqueue(encoder.encode(frame.text));
        },
        cancel() {
          stop?.();
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: 200, headers: streams.streamHeaders });
  };

  const replayFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === "POST" ? await request.text() : "";
    if (request.method === "POST" && url.pathname.endsWith("/commands")) {
      const command = JSON.parse(body) as { id?: unknown };
      runStarted = true;
      const answer = JSON.parse(streams.commandResponse.body) as Record<string, unknown>;
      const thread = decodeURIComponent(url.pathname.split("/")[2] ?? "");
      return Response.json(
        { ...answer, id: command.id, meta: { ...(answer.meta as object), thread_id: thread } },
        { status: streams.commandResponse.status },
      );
    }
    if (request.method === "POST" && url.pathname.endsWith("/stream/events")) {
      const signal = request.signal;
      if (body.includes('"messages"')) {
        // A subscription opened before the run started (on mounting on a thread) is not the
        // run's: it stays empty.
        const first = runStarted && !contentServed;
        contentServed ||= first;
        const response = eventStream(first ? streams.content : [], signal);
        if (first) runStreams.add(response);
        return response;
      }
      const first = runStarted && !lifecycleServed;
      lifecycleServed ||= first;
      return eventStream(first ? streams.lifecycle : [], signal);
    }
    return new Response(`no recorded answer for ${request.method} ${url.pathname}`, {
      status: 404,
    });
  };

  return {
    fetch: replayFetch,
    frames: streams.content,
    isRunStream: (response) => runStreams.has(response),
  };
}
