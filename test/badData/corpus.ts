/**
 * The bad-data corpus: hostile shapes a server, a proxy or a stored thread can hand the kit.
 * Every entry is plain JSON as `JSON.parse` makes it (so a `__proto__` key is an own field),
 * run through the store (store.test.ts) and through the real components in Chromium
 * (components.browser.test.tsx). None of it may throw, pollute a prototype or grow the heap
 * without bound.
 */
import type { StreamEvent } from "../../src/client/types";

/** Nesting that overflows a naive recursive walk in the components (issue 12, item 8). */
export const DEEP_LEVELS = 4_000;
/** Nesting of the message that overflowed the store's equality check. */
export const DEEP_MESSAGE_LEVELS = 2_200;

/** `{ a: { a: … { a: "bottom" } } }`, `levels` deep, built without recursion. */
export function deepObject(levels: number, key = "a"): Record<string, unknown> {
  let value: Record<string, unknown> = { [key]: "bottom" };
  for (let i = 1; i < levels; i++) value = { [key]: value };
  return value;
}

/** `[[[ … ["bottom"] … ]]]`, `levels` deep. */
export function deepArray(levels: number): unknown[] {
  let value: unknown[] = ["bottom"];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

/** A payload with an own `__proto__` key, exactly as JSON.parse hands it over. */
export const PROTO_PAYLOAD = (): Record<string, unknown> =>
  JSON.parse('{"__proto__": {"polluted": "yes", "toString": 1}, "constructor": {"prototype": 2}}');

export interface BadMessageCase {
  name: string;
  /** A wire message (the plain, snake_case form). */
  message: Record<string, unknown>;
  /** The stream cannot show it as a message: it renders "can't display this item". */
  malformed: boolean;
}

const ai = (id: string, extra: Record<string, unknown>) => ({
  type: "ai",
  id,
  content: `reply ${id}`,
  additional_kwargs: {},
  response_metadata: {},
  ...extra,
});

/** Messages with hostile shapes (items 6, 7, 8). */
export const BAD_MESSAGES: readonly BadMessageCase[] = [
  {
    name: "tool_calls is an object, not a list",
    message: ai("m-tool-calls-object", { tool_calls: { id: "c1", name: "search", args: {} } }),
    malformed: true,
  },
  {
    name: "invalid_tool_calls with an object name and args",
    message: ai("m-invalid-object-fields", {
      tool_calls: [],
      invalid_tool_calls: [{ id: "c2", name: { evil: true }, args: { a: 1 }, error: null }],
    }),
    malformed: true,
  },
  {
    name: "invalid_tool_calls is not a list",
    message: ai("m-invalid-not-list", { invalid_tool_calls: { id: "c3", name: "x", args: "{" } }),
    malformed: true,
  },
  {
    name: "tool_call_chunks is an object, not a list",
    message: ai("m-chunks-object", { tool_call_chunks: { index: 0, args: "{" } }),
    malformed: true,
  },
  {
    name: "message type `constructor`",
    message: { type: "constructor", id: "m-type-constructor", content: "hello" },
    malformed: false,
  },
  {
    name: "message type `__proto__`",
    message: { type: "__proto__", id: "m-type-proto", content: "hello" },
    malformed: false,
  },
  {
    name: "own __proto__ keys in additional_kwargs, response_metadata and usage_metadata",
    message: ai("m-proto-keys", {
      additional_kwargs: PROTO_PAYLOAD(),
      response_metadata: PROTO_PAYLOAD(),
      usage_metadata: { input_tokens: 1, ...PROTO_PAYLOAD() },
    }),
    malformed: false,
  },
  {
    name: `content nested ${DEEP_LEVELS} levels deep`,
    message: ai("m-deep-content", {
      content: [{ type: "data", payload: deepObject(DEEP_LEVELS) }],
    }),
    malformed: false,
  },
  {
    name: `additional_kwargs nested ${DEEP_LEVELS} levels deep`,
    message: ai("m-deep-kwargs", { additional_kwargs: deepObject(DEEP_LEVELS) }),
    malformed: false,
  },
];

/** A stream event as the client normalizes it. */
export function streamEvent(type: string, data: unknown, ns: string[] = []): StreamEvent {
  // Any mode name, as the client passes an unknown one through.
  return { type, ns, data, interrupts: [], event: [type, ...ns].join("|") } as StreamEvent;
}

/** Events with hostile names and payloads (items 7, 8). */
export const BAD_EVENTS: readonly { name: string; event: StreamEvent }[] = [
  { name: "an event named __proto__", event: streamEvent("__proto__", { x: 1 }) },
  { name: "an event named constructor", event: streamEvent("constructor", { x: 1 }) },
  { name: "an event named toString", event: streamEvent("toString", { x: 1 }) },
  { name: "a namespace named __proto__", event: streamEvent("custom", { x: 1 }, ["__proto__"]) },
  {
    name: "messages/metadata for a message id __proto__",
    event: streamEvent("messages/metadata", JSON.parse('{"__proto__": {"metadata": {"x": 1}}}')),
  },
  {
    name: `custom data nested ${DEEP_LEVELS} levels deep`,
    event: streamEvent("custom", deepObject(DEEP_LEVELS)),
  },
  {
    name: `values nested ${DEEP_LEVELS} levels deep (arrays)`,
    event: streamEvent("values", { deep: deepArray(DEEP_LEVELS) }),
  },
];

/** Interrupts with hostile ids and values (items 7, 8). */
export const BAD_INTERRUPTS: readonly {
  name: string;
  interrupt: { id: string; value: unknown };
}[] = [
  {
    name: "interrupt id constructor (HITL request)",
    interrupt: {
      id: "constructor",
      value: {
        action_requests: [{ name: "send_email", args: { to: "ada@example.com" } }],
        review_configs: [{ action_name: "send_email", allowed_decisions: ["approve", "reject"] }],
      },
    },
  },
  { name: "interrupt id __proto__", interrupt: { id: "__proto__", value: { question: "Proto?" } } },
  { name: "interrupt id toString", interrupt: { id: "toString", value: "Plain question?" } },
  {
    name: `interrupt value nested ${DEEP_LEVELS} levels deep`,
    interrupt: { id: "deep", value: deepObject(DEEP_LEVELS) },
  },
];

/** Runs as `runs.list` might return them from a broken or foreign server (item 6). */
export function badRuns(threadId: string): unknown[] {
  const base = {
    thread_id: threadId,
    assistant_id: "agent",
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    status: "success",
    metadata: {},
    multitask_strategy: null,
  };
  return [
    { ...base, run_id: undefined },
    { ...base, run_id: 42 },
    { ...base, run_id: { id: "r" } },
    null,
    "not a run",
  ];
}
