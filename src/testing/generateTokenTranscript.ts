import type { Transcript, TranscriptFrame } from "./Transcript";

export interface GenerateTokenTranscriptOptions {
  /** How many `messages` events (message chunks) to stream. */
  tokens: number;
  /** The id all chunks share (default `run-01a1fdcd-0000-7000-8000-000000000002`). */
  messageId?: string;
  /**
   * Give every event an SSE `id:` line (`0`, `1`, …) as thread runs on the JS server do
   * (default `true`). Without ids a dropped stream cannot be re-joined without repeats.
   */
  withIds?: boolean;
  /** Default `01a1fdcd-0000-7000-8000-000000000001`. */
  runId?: string;
  /** Default `01a1fdcd-0000-7000-8000-000000000000`. */
  threadId?: string;
  /** Default `tokens-<tokens>`. */
  name?: string;
  /** The text of chunk `index` (default `"t<index> "`, like the demo graph's `/tokens N`). */
  token?: (index: number) => string;
  /** Events per network chunk (default 16: the JS server's chunks of about 16 KB). */
  eventsPerFrame?: number;
  /** Recorded time between two events in ms (default 0: every frame at 0 ms). */
  msPerToken?: number;
}

const DEFAULT_THREAD_ID = "01a1fdcd-0000-7000-8000-000000000000";
const DEFAULT_RUN_ID = "01a1fdcd-0000-7000-8000-000000000001";
const DEFAULT_MESSAGE_ID = "run-01a1fdcd-0000-7000-8000-000000000002";
const ASSISTANT_ID = "fe096781-5601-53d2-b2f6-0d3403f7e9ca";
const TASK_NS = "tokens:2b85609f-d657-5844-a851-ad38c5714bca";

/**
 * A messages-tuple transcript of `tokens` chunks, built in memory with the exact event shapes
 * the embedded Agent Server records (`metadata`, then one `messages` event
 * `[chunk, metadata]` per token, as in the `chat-tokens` and `long-stream` fixtures), for
 * benchmarks that need far more events than a fixture should hold. Frames are built from one
 * pre-serialized metadata string, so 200,000 events take well under a second.
 *
 * @example
 * const transcript = generateTokenTranscript({ tokens: 50_000 });
 * const client = createClient({ apiUrl: "http://replay.local", fetch: createReplayFetch(transcript) });
 */
export function generateTokenTranscript(options: GenerateTokenTranscriptOptions): Transcript {
  const { tokens } = options;
  if (!Number.isInteger(tokens) || tokens < 0) {
    throw new TypeError(`generateTokenTranscript: tokens must be an integer ≥ 0, got ${tokens}`);
  }
  const eventsPerFrame = options.eventsPerFrame ?? 16;
  if (!Number.isInteger(eventsPerFrame) || eventsPerFrame < 1) {
    throw new TypeError("generateTokenTranscript: eventsPerFrame must be a positive integer");
  }
  const msPerToken = options.msPerToken ?? 0;
  const threadId = options.threadId ?? DEFAULT_THREAD_ID;
  const runId = options.runId ?? DEFAULT_RUN_ID;
  const messageId = options.messageId ?? DEFAULT_MESSAGE_ID;
  const withIds = options.withIds ?? true;
  const token = options.token ?? ((index: number) => `t${index} `);

  const metadata = JSON.stringify({
    tags: [],
    ls_integration: "langchain_chat_model",
    created_by: "system",
    graph_id: "agent",
    assistant_id: ASSISTANT_ID,
    run_attempt: 1,
    langgraph_version: "1.7.3",
    langgraph_plan: "developer",
    langgraph_host: "self-hosted",
    langgraph_api_url: "http://127.0.0.1:2024",
    thread_id: threadId,
    run_id: runId,
    langgraph_step: 1,
    langgraph_node: "tokens",
    langgraph_triggers: ["branch:to:tokens"],
    langgraph_path: ["__pregel_pull", "tokens"],
    langgraph_checkpoint_ns: TASK_NS,
    checkpoint_ns: TASK_NS,
    ls_model_type: "chat",
    ls_provider: "ScriptedChatModel",
    versions: { "@langchain/core": "1.4.0" },
  });
  const head = 'event: messages\ndata: [{"content":';
  const tail =
    ',"tool_calls":[],"invalid_tool_calls":[],"tool_call_chunks":[],"additional_kwargs":{},' +
    `"response_metadata":{},"id":${JSON.stringify(messageId)},"type":"ai"},${metadata}]\n`;
  const idLine = (id: number) => (withIds ? `id: ${id}\n\n` : "\n");

  const frames: TranscriptFrame[] = [];
  let text = `event: metadata\ndata: ${JSON.stringify({ run_id: runId, attempt: 1 })}\n${idLine(0)}`;
  let inFrame = 1;
  for (let i = 0; i < tokens; i++) {
    if (inFrame === eventsPerFrame) {
      frames.push({ atMs: i * msPerToken, text });
      text = "";
      inFrame = 0;
    }
    text += head + JSON.stringify(token(i)) + tail + idLine(i + 1);
    inFrame++;
  }
  frames.push({ atMs: tokens * msPerToken, text });

  return {
    version: 1,
    name: options.name ?? `tokens-${tokens}`,
    description: `Generated: ${tokens} messages-tuple chunks of one AI message.`,
    request: {
      method: "POST",
      path: `/threads/${encodeURIComponent(threadId)}/runs/stream`,
      body: {
        assistant_id: "agent",
        input: { messages: [{ type: "human", content: `/tokens ${tokens}` }] },
        stream_mode: ["messages-tuple"],
      },
    },
    response: {
      status: 200,
      headers: {
        "content-location": `/threads/${encodeURIComponent(threadId)}/runs/${encodeURIComponent(runId)}`,
        "content-type": "text/event-stream",
      },
    },
    frames,
  };
}
