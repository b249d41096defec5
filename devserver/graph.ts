/**
 * The deterministic demo graph served by the embedded Agent Server as assistant `agent`.
 * No model, no network, no randomness: what a run does is chosen by the text of the last human
 * message. devserver/README.md documents the protocol; keep the two in sync.
 */
import { tool } from "@langchain/core/tools";
import type { BaseMessage } from "@langchain/core/messages";
import {
  Annotation,
  END,
  type LangGraphRunnableConfig,
  MessagesAnnotation,
  START,
  StateGraph,
  interrupt,
} from "@langchain/langgraph";
import { EphemeralValue } from "@langchain/langgraph/channels";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { z } from "zod";
import { ScriptedChatModel, type ScriptChunk, textScript } from "./scriptedModel.js";
import { subgraph } from "./subgraph.js";

// ---------------------------------------------------------------------------------------------
// State

/**
 * `messages` is the only lasting key (and the input/output schema). `approval_a`/`approval_b`
 * carry the two `/two-interrupts` answers from the parallel nodes to `summarize`: they are
 * ephemeral channels, empty (so absent from `values`) except in the one checkpoint between the
 * approve step and `summarize`.
 */
const State = Annotation.Root({
  ...MessagesAnnotation.spec,
  approval_a: () => new EphemeralValue<unknown>(),
  approval_b: () => new EphemeralValue<unknown>(),
});
type State = typeof State.State;

// ---------------------------------------------------------------------------------------------
// Payloads other code drives against (exported so tests can compare with them)

export const HITL_REQUEST = {
  action_requests: [
    {
      name: "send_email",
      arguments: { to: "ada@example.com", subject: "Hello" },
      description: "Send an email",
    },
  ],
  review_configs: [{ action_name: "send_email", allowed_decisions: ["approve", "edit", "reject"] }],
};

export const INBOX_REQUEST = {
  action_request: { action: "send_email", args: { to: "ada@example.com" } },
  config: { allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true },
  description: "Send an email?",
};

export const ERROR_MESSAGE = "Deliberate failure from the demo graph";

/** The `/markdown` reply: the constructs a chat's markdown renderer meets. */
export const MARKDOWN_REPLY = [
  "## Markdown, streamed",
  "",
  "A reply with **bold**, _emphasis_, `inline code` and a [link](https://langchain-ai.github.io/langgraph/).",
  "",
  "1. Lists",
  "2. Code blocks with a copy button:",
  "",
  "```ts",
  'const chat = useRunStream({ assistantId: "agent" });',
  "```",
  "",
  "> Raw HTML such as <b>this</b> stays text.",
].join("\n");

export const DEFAULTS = { tokens: 100, custom: 10, slowMs: 5000 } as const;
export const LIMITS = { tokens: 200_000, custom: 100_000, slowMs: 600_000 } as const;
export const TICK_MS = 100;

// ---------------------------------------------------------------------------------------------
// Helpers

function messageText(message: BaseMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  return content
    .map((block) => {
      if (typeof block === "string") return block;
      if (block.type === "text" && typeof block.text === "string") return block.text;
      return "";
    })
    .join("");
}

/** Text of the last human message ("" when there is none). */
export function lastHumanText(messages: BaseMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message !== undefined && message.getType() === "human") return messageText(message);
  }
  return "";
}

export type Command =
  | { kind: "chat"; text: string }
  | { kind: "tokens"; n: number }
  | { kind: "custom"; n: number }
  | { kind: "interrupt" }
  | { kind: "inbox" }
  | { kind: "two-interrupts" }
  | { kind: "slow"; ms: number }
  | { kind: "gate"; name: string }
  | { kind: "error" }
  | { kind: "subgraph" }
  | { kind: "tools" }
  | { kind: "markdown" };

function intArg(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) return fallback;
  return Math.min(n, max);
}

/** Parses the last human message into the behaviour of the run. Unknown `/words` are chat. */
export function parseCommand(text: string): Command {
  const match = /^\/([a-z-]+)(?:\s+(\S+))?\s*$/.exec(text.trim());
  const name = match?.[1];
  const arg = match?.[2];
  switch (name) {
    case "tokens":
      return { kind: "tokens", n: intArg(arg, DEFAULTS.tokens, LIMITS.tokens) };
    case "custom":
      return { kind: "custom", n: intArg(arg, DEFAULTS.custom, LIMITS.custom) };
    case "interrupt":
      return { kind: "interrupt" };
    case "inbox":
      return { kind: "inbox" };
    case "two-interrupts":
      return { kind: "two-interrupts" };
    case "slow":
      return { kind: "slow", ms: intArg(arg, DEFAULTS.slowMs, LIMITS.slowMs) };
    case "gate":
      return arg === undefined ? { kind: "chat", text } : { kind: "gate", name: arg };
    case "error":
      return { kind: "error" };
    case "subgraph":
      return { kind: "subgraph" };
    case "tools":
      return { kind: "tools" };
    case "markdown":
      return { kind: "markdown" };
    default:
      return { kind: "chat", text };
  }
}

/** Streams a scripted AI message through the chat-model callbacks and returns it. */
async function speak(state: State, config: LangGraphRunnableConfig, script: ScriptChunk[]) {
  return await new ScriptedChatModel(script).invoke(state.messages, config);
}

const say = (state: State, config: LangGraphRunnableConfig, text: string) =>
  speak(state, config, textScript(text));

/** Resolves after `ms`, or rejects as soon as `signal` aborts (run cancelled). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error("Aborted"));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error("Aborted"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

const commandOf = (state: State) => parseCommand(lastHumanText(state.messages));

// ---------------------------------------------------------------------------------------------
// Nodes

type Node = (state: State, config: LangGraphRunnableConfig) => Promise<Partial<State>>;

/** Plain chat turn: custom `{type:"progress",step:"reply"}`, then "You said: <text>". */
const chat: Node = async (state, config) => {
  config.writer?.({ type: "progress", step: "reply" });
  const reply = await say(state, config, `You said: ${lastHumanText(state.messages)}`);
  return { messages: [reply] };
};

/** `/tokens N`: one AI message of N chunks "t0 ", "t1 ", ... */
const tokens: Node = async (state, config) => {
  const command = commandOf(state);
  const n = command.kind === "tokens" ? command.n : DEFAULTS.tokens;
  const script: ScriptChunk[] = new Array(n);
  for (let i = 0; i < n; i++) script[i] = { content: `t${i} ` };
  const reply = await speak(state, config, script);
  return { messages: [reply] };
};

/** `/custom N`: N custom events `{type:"progress", i}`, then "done". */
const custom: Node = async (state, config) => {
  const command = commandOf(state);
  const n = command.kind === "custom" ? command.n : DEFAULTS.custom;
  for (let i = 0; i < n; i++) config.writer?.({ type: "progress", i });
  const reply = await say(state, config, "done");
  return { messages: [reply] };
};

/** `/interrupt`: LangChain HITL request, then "Resumed with: <json>". */
const review: Node = async (state, config) => {
  const value = interrupt(HITL_REQUEST);
  const reply = await say(state, config, `Resumed with: ${JSON.stringify(value)}`);
  return { messages: [reply] };
};

/** `/inbox`: agent-inbox HumanInterrupt, then "Resumed with: <json>". */
const inbox: Node = async (state, config) => {
  const value = interrupt(INBOX_REQUEST);
  const reply = await say(state, config, `Resumed with: ${JSON.stringify(value)}`);
  return { messages: [reply] };
};

/** `/two-interrupts`: two parallel nodes, each asking one question. */
const approveA: Node = async () => {
  const answer = interrupt({ question: "Approve A?" });
  return { approval_a: answer };
};
const approveB: Node = async () => {
  const answer = interrupt({ question: "Approve B?" });
  return { approval_b: answer };
};
const summarize: Node = async (state, config) => {
  const { approval_a: a, approval_b: b } = state;
  const reply = await say(state, config, `A: ${JSON.stringify(a)}, B: ${JSON.stringify(b)}`);
  return { messages: [reply] };
};

/** `/slow MS`: custom `{type:"tick", i}` every 100 ms, ceil(MS/100) times; cancellable. */
const slow: Node = async (state, config) => {
  const command = commandOf(state);
  const ms = command.kind === "slow" ? command.ms : DEFAULTS.slowMs;
  for (let i = 0; i * TICK_MS < ms; i++) {
    config.writer?.({ type: "tick", i });
    await sleep(Math.min(TICK_MS, ms - i * TICK_MS), config.signal);
  }
  const reply = await say(state, config, "slow done");
  return { messages: [reply] };
};

/** The store namespace `/gate NAME` waits on: a test opens a gate by putting item NAME in it. */
export const GATE_NAMESPACE = ["gates"];
const GATE_POLL_MS = 20;

/**
 * `/gate NAME`: streams "Holding at NAME.", emits custom `{type:"gate", name}`, then waits until
 * item NAME exists in the store namespace `["gates"]` (a test opens it with `PUT /store/items`)
 * and says "Gate NAME opened." Cancellable. Lets a test act on a run that is certainly still
 * going, without guessing at timings.
 */
const gate: Node = async (state, config) => {
  const command = commandOf(state);
  const name = command.kind === "gate" ? command.name : "";
  const held = await say(state, config, `Holding at ${name}.`);
  config.writer?.({ type: "gate", name });
  const store = config.store;
  if (!store) throw new Error("/gate needs the server's store");
  while ((await store.get(GATE_NAMESPACE, name)) === null) {
    await sleep(GATE_POLL_MS, config.signal);
  }
  const reply = await say(
    { ...state, messages: [...state.messages, held] },
    config,
    `Gate ${name} opened.`,
  );
  return { messages: [held, reply] };
};

/** `/error`: the run fails. */
const fail: Node = async () => {
  throw new Error(ERROR_MESSAGE);
};

/** `/tools`: an AI message whose tool call streams as three `tool_call_chunks`. */
const callTool: Node = async (state, config) => {
  const reply = await speak(state, config, [
    {
      content: "",
      tool_call_chunks: [
        { type: "tool_call_chunk", name: "get_weather", args: "", id: "call_1", index: 0 },
      ],
    },
    { content: "", tool_call_chunks: [{ type: "tool_call_chunk", args: '{"city":', index: 0 }] },
    { content: "", tool_call_chunks: [{ type: "tool_call_chunk", args: ' "Paris"}', index: 0 }] },
  ]);
  return { messages: [reply] };
};

const getWeather = tool(async () => "Sunny, 21°C", {
  name: "get_weather",
  description: "Get the current weather for a city.",
  schema: z.object({ city: z.string() }),
});

/** `/markdown`: `MARKDOWN_REPLY`, word by word. */
const markdown: Node = async (state, config) => {
  const reply = await say(state, config, MARKDOWN_REPLY);
  return { messages: [reply] };
};

const answer: Node = async (state, config) => {
  const reply = await say(state, config, "It is sunny in Paris.");
  return { messages: [reply] };
};

// ---------------------------------------------------------------------------------------------
// Graph

const ROUTES = {
  chat: "chat",
  tokens: "tokens",
  custom: "custom",
  interrupt: "review",
  inbox: "inbox",
  slow: "slow",
  gate: "gate",
  error: "fail",
  subgraph: "subgraph",
  tools: "call_tool",
  markdown: "markdown",
} as const;

function route(state: State): string | string[] {
  const command = commandOf(state);
  if (command.kind === "two-interrupts") return ["approve_a", "approve_b"];
  return ROUTES[command.kind];
}

export const graph = new StateGraph({
  state: State,
  input: MessagesAnnotation,
  output: MessagesAnnotation,
})
  .addNode("chat", chat)
  .addNode("tokens", tokens)
  .addNode("custom", custom)
  .addNode("review", review)
  .addNode("inbox", inbox)
  .addNode("approve_a", approveA)
  .addNode("approve_b", approveB)
  .addNode("summarize", summarize)
  .addNode("slow", slow)
  .addNode("gate", gate)
  .addNode("fail", fail)
  .addNode("subgraph", subgraph)
  .addNode("call_tool", callTool)
  .addNode("tools", new ToolNode([getWeather]))
  .addNode("answer", answer)
  .addNode("markdown", markdown)
  .addConditionalEdges(START, route, [
    "chat",
    "tokens",
    "custom",
    "review",
    "inbox",
    "approve_a",
    "approve_b",
    "slow",
    "gate",
    "fail",
    "subgraph",
    "call_tool",
    "markdown",
  ])
  .addEdge(["approve_a", "approve_b"], "summarize")
  .addEdge("call_tool", "tools")
  .addEdge("tools", "answer")
  .addEdge("chat", END)
  .addEdge("tokens", END)
  .addEdge("custom", END)
  .addEdge("review", END)
  .addEdge("inbox", END)
  .addEdge("summarize", END)
  .addEdge("slow", END)
  .addEdge("gate", END)
  .addEdge("fail", END)
  .addEdge("subgraph", END)
  .addEdge("answer", END)
  .addEdge("markdown", END)
  .compile();
