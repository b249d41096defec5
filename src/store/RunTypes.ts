import type { Message, MessageType, MessageContent } from "./messages/Message";

/**
 * The types bag of a run handle: what `submit` takes (`update`), what `custom` events carry
 * (`custom`), what an interrupt asks (`interrupt`) and what answers it (`resume`). Every key is
 * optional; leave out what you do not type.
 *
 * @example
 * type Types = { interrupt: { question: string }; resume: "yes" | "no"; custom: { step: number } };
 * const chat = useRunStream<State, Types>({ assistantId: "agent" });
 */
export interface RunTypes {
  update?: unknown;
  custom?: unknown;
  interrupt?: unknown;
  resume?: unknown;
}

/**
 * A message as an input to a run: `id` is optional (the kit assigns one before sending, so the
 * message shows at once and is matched with the server's copy).
 *
 * @example const input: MessageInput = { type: "human", content: "hi" };
 */
export interface MessageInput extends Partial<Omit<Message, "type" | "content">> {
  type: MessageType;
  content: MessageContent;
}

/**
 * The default input of a run on state `TValues`: a partial update in which every message list
 * may hold input messages (no `id` needed).
 */
export type RunInput<TValues> = {
  [K in keyof TValues]?: TValues[K] extends readonly Message[]
    ? readonly (Message | MessageInput)[]
    : TValues[K];
};

/**
 * `T[K]` when the bag names it (optional keys too), else `Fallback`. An `unknown` entry, as in
 * the base `RunTypes` itself, counts as not named.
 */
type BagOf<T, K extends keyof RunTypes, Fallback> = K extends keyof T
  ? unknown extends T[K]
    ? Fallback
    : Exclude<T[K], undefined>
  : Fallback;

/** What `submit` takes: the bag's `update`, else {@link RunInput} of the state. */
export type UpdateOf<TValues, TTypes extends RunTypes> = BagOf<TTypes, "update", RunInput<TValues>>;
/** What `custom` events carry. */
export type CustomOf<TTypes extends RunTypes> = BagOf<TTypes, "custom", unknown>;
/** What an interrupt's `value` is. */
export type InterruptOf<TTypes extends RunTypes> = BagOf<TTypes, "interrupt", unknown>;
/** What answers an interrupt. */
export type ResumeOf<TTypes extends RunTypes> = BagOf<TTypes, "resume", unknown>;
