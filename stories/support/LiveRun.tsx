import { useEffect, useRef, type ReactNode } from "react";
import { useRunStream, type UseRunStreamResult } from "../../src/hooks";
import { createReplayFetch, type Transcript } from "../../src/testing";
import { StoryRunsProvider } from "./withRunsProvider";

/** What a `LiveRun` hands to its children: the real `useRunStream` result, plus a restart. */
export type LiveStream = UseRunStreamResult;

export interface LiveRunProps {
  /** The recorded run(s) to replay; several are served in order (e.g. an interrupt, then its resume). */
  transcript: Transcript | readonly Transcript[];
  /** Playback speed: 1 as recorded, 0.1 ten times slower (default 0.05: short runs stay visible). */
  speed?: number;
  /** Submit the first transcript's input on mount (default true). */
  autoStart?: boolean;
  /** Show a "Replay" button that submits again (default true). */
  controls?: boolean;
  children: (stream: LiveStream) => ReactNode;
}

/**
 * A "Live" story body: replays recorded transcripts (src/testing `createReplayFetch`) through the
 * REAL hooks (`RunsProvider` + `useRunStream`), so components see the stream exactly as from a
 * server. Renders its own provider; do not combine with `withRunsProvider`.
 *
 * @example
 * render: () => (
 *   <LiveRun transcript={transcripts["chat-tokens"]}>
 *     {(stream) => <RunStatusBadge run={stream} />}
 *   </LiveRun>
 * )
 */
export function LiveRun({ transcript, speed = 0.05, ...rest }: LiveRunProps) {
  const list = Array.isArray(transcript) ? transcript : [transcript as Transcript];
  return (
    <StoryRunsProvider options={{ makeFetch: () => createReplayFetch([...list], { speed }) }}>
      <LiveRunBody first={list[0]} {...rest} />
    </StoryRunsProvider>
  );
}

function LiveRunBody({
  first,
  autoStart = true,
  controls = true,
  children,
}: Omit<LiveRunProps, "transcript" | "speed"> & { first: Transcript | undefined }) {
  const stream = useRunStream({ assistantId: assistantOf(first) });
  const started = useRef(false);
  const input = inputOf(first);
  const { submit } = stream;
  useEffect(() => {
    if (!autoStart || started.current) return;
    started.current = true;
    void submit(input).catch(() => undefined);
  }, [autoStart, submit, input]);
  return (
    <div className="lgr-live-run">
      {controls ? (
        <p>
          <button
            type="button"
            className="lgr-button"
            disabled={stream.isRunning}
            onClick={() => void submit(input).catch(() => undefined)}
          >
            Replay the recorded run
          </button>
        </p>
      ) : null}
      {children(stream)}
    </div>
  );
}

function bodyOf(transcript: Transcript | undefined): Record<string, unknown> {
  const body = transcript?.request.body;
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
}

function assistantOf(transcript: Transcript | undefined): string {
  const id = bodyOf(transcript)["assistant_id"];
  return typeof id === "string" ? id : "agent";
}

function inputOf(transcript: Transcript | undefined): Partial<Record<string, unknown>> | null {
  const input = bodyOf(transcript)["input"];
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>) : null;
}
