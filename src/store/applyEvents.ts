import type { StreamEvent } from "../client/types";
import { appendEvents } from "./EventLog";
import { isPlainObject } from "../client/isPlainObject";
import { InterruptListDraft } from "./interrupts/InterruptListDraft";
import { toPendingInterrupts } from "./interrupts/PendingInterrupt";
import { INTERRUPT_KEY, readEventInterrupts } from "./interrupts/readEventInterrupts";
import { mergeWireMessageInto } from "./messages/applyMessageChunk";
import type { MessageMetadata } from "./messages/Message";
import { MessageListDraft } from "./messages/MessageListDraft";
import { readWireMessage } from "./messages/normalizeMessage";
import { reconcileValuesMessages } from "./messages/reconcileValuesMessages";
import { upsertMessagesInto } from "./messages/upsertMessages";
import { getOwn, setOwn } from "./ownProperty";
import type { RunSession, SessionError } from "./RunSession";
import { isFinalStatus, isNewRun } from "./sessionReducers";

export interface ApplyEventsOptions {
  /** When each event arrived (same order as the events); `now` for all when omitted. */
  receivedAt?: readonly number[];
}

/**
 * Folds a batch of normalized stream events into a session, in one pass and with one copy of
 * each changed collection. Pure: the session passed in is not changed; untouched messages,
 * interrupts and log chunks are shared with it.
 *
 * - every event: `counts[type]` + 1, appended to the event log, `lastEventId`, timings (the
 *   first message event also sets `timings.firstMessageAt`);
 * - `metadata`: `runId` from `data.run_id`, status `running` (a different run id is a new run:
 *   pending interrupts and the breakpoint are cleared);
 * - `error`: status `error`, `error = { kind: "stream", message }`;
 * - `values` (root graph): `values` (without `__interrupt__`), and `values.messages` reconciled
 *   with the streamed messages; a chunk holding only `__interrupt__` leaves `values` alone;
 * - `messages` tuples (any namespace): chunks merged by message id; `messages/partial` and
 *   `messages/complete`: whole messages replaced by id;
 * - `updates` (root graph): each node's `messages` upserted (`RemoveMessage` removes);
 * - interrupts from `values`, `updates` and `tasks` added by id; `__interrupt__: []` sets
 *   `breakpoint`. State `values` events do not clear them (LangGraph sends one last state event
 *   after the interrupt); a new run does (see `setStatus`, `setRunIdentity`).
 * - `custom`: `lastCustom`.
 *
 * @example
 * const next = applyEvents(session, [{ type: "custom", ns: [], data: { step: 1 }, interrupts: [], event: "custom" }], Date.now());
 * next.lastCustom // { step: 1 }
 */
export function applyEvents<TValues, TCustom, TInterrupt>(
  session: RunSession<TValues, TCustom, TInterrupt>,
  events: readonly StreamEvent[],
  now: number,
  options: ApplyEventsOptions = {},
): RunSession<TValues, TCustom, TInterrupt> {
  if (events.length === 0) return session;
  const fold = new EventFold(session);
  events.forEach((event, i) => fold.apply(event, options.receivedAt?.[i] ?? now));
  return fold.finish(events, options.receivedAt ?? now);
}

/** The working copy of a session while a batch is folded; `finish()` seals it. */
class EventFold<V, C, I> {
  readonly next: RunSession<V, C, I>;
  readonly messages: MessageListDraft;
  readonly interrupts: InterruptListDraft<I>;
  readonly counts: Record<string, number>;
  #metadata: Record<string, MessageMetadata> | null = null;

  constructor(session: RunSession<V, C, I>) {
    this.next = { ...session, timings: { ...session.timings } };
    this.messages = new MessageListDraft(session.messages);
    this.interrupts = new InterruptListDraft(session.interrupts);
    this.counts = { ...session.counts };
  }

  apply(event: StreamEvent, receivedAt: number): void {
    const { next } = this;
    // Event names are wire data: `__proto__` or `constructor` is a count like any other.
    setOwn(this.counts, event.type, (getOwn(this.counts, event.type) ?? 0) + 1);
    if (typeof event.id === "string") next.lastEventId = event.id;
    next.timings.startedAt ??= receivedAt;
    next.timings.firstEventAt ??= receivedAt;
    if (isMessageEvent(event)) next.timings.firstMessageAt ??= receivedAt;
    next.timings.lastEventAt = receivedAt;
    if (event.type !== "error" && event.type !== "end") promoteToRunning(next);
    try {
      const interrupts = readEventInterrupts(event);
      if (interrupts !== undefined) this.addInterrupts(interrupts);
      getOwn(HANDLERS, event.type)?.(this as Fold, event, receivedAt);
    } catch {
      // Last line of defence: an event whose data no reader expected is still logged and counted,
      // and the rest of the batch (often many good events) is applied rather than lost.
    }
  }

  addInterrupts(raws: readonly unknown[]): void {
    if (raws.length === 0) this.next.breakpoint = true;
    else this.interrupts.add(toPendingInterrupts<I>(raws));
  }

  /** Records a message's stream metadata the first time its id is seen. */
  recordMetadata(id: string, metadata: unknown, ns: readonly string[]): void {
    if (id === "" || getOwn(this.#metadata ?? this.next.messageMetadata, id) !== undefined) return;
    this.#metadata ??= { ...this.next.messageMetadata };
    setOwn(this.#metadata, id, { ...(isPlainObject(metadata) ? metadata : {}), ns: [...ns] });
  }

  finish(
    events: readonly StreamEvent[],
    receivedAt: number | readonly number[],
  ): RunSession<V, C, I> {
    return {
      ...this.next,
      messages: this.messages.finish(),
      interrupts: this.interrupts.finish(),
      messageMetadata: this.#metadata ?? this.next.messageMetadata,
      counts: this.counts,
      eventLog: appendEvents(this.next.eventLog, events, receivedAt),
    };
  }
}

type Fold = EventFold<unknown, unknown, unknown>;
type Handler = (fold: Fold, event: StreamEvent, receivedAt: number) => void;

const HANDLERS: Partial<Record<string, Handler>> = {
  metadata: applyMetadata,
  error: applyError,
  values: applyValues,
  updates: applyUpdates,
  custom: (fold, event) => {
    fold.next.lastCustom = event.data;
  },
  messages: applyMessagesEvent,
  "messages-tuple": applyMessagesEvent,
  "messages/partial": applyWholeMessages,
  "messages/complete": applyWholeMessages,
  "messages/metadata": applyMessagesMetadata,
};

/** The event modes that carry messages (chunks, or whole messages). */
const MESSAGE_EVENT_TYPES: ReadonlySet<string> = new Set([
  "messages",
  "messages-tuple",
  "messages/partial",
  "messages/complete",
]);

/**
 * Whether an event carries messages (a streamed chunk or whole messages).
 *
 * @example isMessageEvent({ type: "messages", ns: [], data: [chunk, metadata], interrupts: [], event: "messages" }) // true
 */
export function isMessageEvent(event: Pick<StreamEvent, "type">): boolean {
  return MESSAGE_EVENT_TYPES.has(event.type);
}

function promoteToRunning(session: RunSession<unknown, unknown, unknown>): void {
  if (session.status === "idle" || session.status === "starting" || session.status === "pending") {
    session.status = "running";
  }
}

function applyMetadata(fold: Fold, event: StreamEvent): void {
  const runId = isPlainObject(event.data) ? event.data.run_id : undefined;
  if (typeof runId !== "string") return;
  const { next } = fold;
  const newRun = isNewRun(next.runId, runId);
  if (newRun) {
    fold.interrupts.clear();
    next.breakpoint = false;
  }
  if (newRun || !isFinalStatus(next.status)) next.status = "running";
  next.runId = runId;
}

function applyError(fold: Fold, event: StreamEvent, receivedAt: number): void {
  const { next } = fold;
  next.status = "error";
  next.error = readStreamError(event.data);
  next.cancelling = false;
  next.timings.endedAt = receivedAt;
}

/** `{ error, message }` from an `error` event (a bare string is accepted too). */
function readStreamError(data: unknown): SessionError {
  if (typeof data === "string") return { kind: "stream", message: data };
  const fields = isPlainObject(data) ? data : {};
  const name = typeof fields.error === "string" ? fields.error : undefined;
  const message = typeof fields.message === "string" ? fields.message : (name ?? "The run failed");
  return name === undefined ? { kind: "stream", message } : { kind: "stream", message, name };
}

function applyValues(fold: Fold, event: StreamEvent): void {
  if (event.ns.length > 0) return;
  const state = readValuesState(event.data);
  if (state === undefined) return;
  const { next, messages } = fold;
  const previous = next.values;
  next.values = state;
  if (!isPlainObject(state) || !Array.isArray(state.messages)) return;
  const previousMessages =
    isPlainObject(previous) && Array.isArray(previous.messages) ? previous.messages : [];
  const reconciled = reconcileValuesMessages(messages.items, state.messages, previousMessages);
  if (reconciled !== messages.items) messages.replaceAll(reconciled);
}

/**
 * The state a `values` event carries, without `__interrupt__`; undefined for a chunk that only
 * reports interrupts (`{ __interrupt__: [...] }`, or `{}` once the client popped the key).
 */
function readValuesState(data: unknown): unknown {
  if (!isPlainObject(data)) return data;
  if (!(INTERRUPT_KEY in data)) return Object.keys(data).length === 0 ? undefined : data;
  const { [INTERRUPT_KEY]: _interrupts, ...state } = data;
  return Object.keys(state).length === 0 ? undefined : state;
}

function applyUpdates(fold: Fold, event: StreamEvent): void {
  if (event.ns.length > 0 || !isPlainObject(event.data)) return;
  for (const [node, update] of Object.entries(event.data)) {
    if (node === INTERRUPT_KEY) continue;
    for (const part of Array.isArray(update) ? update : [update]) {
      const raws = isPlainObject(part) ? part.messages : undefined;
      if (raws !== undefined && raws !== null)
        upsertMessagesInto(fold.messages, Array.isArray(raws) ? raws : [raws]);
    }
  }
}

/** `messages` events: a `[chunk, metadata]` tuple, or (defensively) a list of whole messages. */
function applyMessagesEvent(fold: Fold, event: StreamEvent): void {
  const { data } = event;
  if (!Array.isArray(data)) return;
  const wire = data.length === 2 ? readWireMessage(data[0]) : null;
  if (wire === null || readWireMessage(data[1]) !== null) {
    upsertMessagesInto(fold.messages, data);
    return;
  }
  if (wire.message.id === "") return;
  mergeWireMessageInto(fold.messages, wire);
  fold.recordMetadata(wire.message.id, data[1], event.ns);
}

function applyWholeMessages(fold: Fold, event: StreamEvent): void {
  if (Array.isArray(event.data)) upsertMessagesInto(fold.messages, event.data);
}

/** Older `messages/metadata`: `{ [messageId]: { metadata } }`. */
function applyMessagesMetadata(fold: Fold, event: StreamEvent): void {
  if (!isPlainObject(event.data)) return;
  for (const [id, entry] of Object.entries(event.data)) {
    fold.recordMetadata(id, isPlainObject(entry) ? entry.metadata : undefined, event.ns);
  }
}
