import type { ReactNode } from "react";
import type { PendingInterrupt } from "../../store/interrupts/PendingInterrupt";
import type { AnswerIssue, AnswerResult } from "./AnswerResult";

/**
 * One pending interrupt as the panel sees it: its kind's request, the answer typed so far
 * (`draft`) and the answer that draft makes. `useInterruptPanel().items` holds one per interrupt.
 *
 * @example
 * if (item.kind === "value") item.update((draft) => ({ ...draft, text: "yes" }));
 */
export interface InterruptItemOf<K extends string, TRequest, TDraft, TAnswer> {
  /** The kind module that reads it (`hitl`, `inbox`, `value`): also `data-kind` on its section. */
  readonly kind: K;
  /** The interrupt id (the answer's key when several are answered together). */
  readonly id: string;
  readonly interrupt: PendingInterrupt;
  /** 0-based position among the pending interrupts. */
  readonly position: number;
  /** The heading of its section, e.g. "Review send_email". */
  readonly title: string;
  /** The interrupt value, read by its kind. */
  readonly request: TRequest;
  /** The answer as typed so far (the kind's initial draft until the first change). */
  readonly draft: TDraft;
  /** The answer the draft makes, or why there is none yet. */
  readonly answer: AnswerResult<TAnswer>;
  /** `answer.issues`: what is still missing or invalid. */
  readonly issues: AnswerIssue[];
  /**
   * The sentence the answer records once sent ("Approved send_email", "Answered: yes"), for a
   * transcript; undefined while the answer is incomplete.
   */
  readonly decision: string | undefined;
  /**
   * Its fields draw their own send buttons (Approve sends at once): it is the only interrupt
   * pending and its kind can. The panel then shows no Resume button.
   */
  readonly sendsItself: boolean;
  /**
   * Changes the draft: `change` gets the current draft and returns the next one. Editing an
   * answer clears the last answer's error.
   */
  update(change: (draft: TDraft) => TDraft): void;
  /**
   * `update` (when given a change), then the panel's `submit` once that change is rendered:
   * what a one-click decision calls. Sends nothing while an answer is incomplete.
   */
  send(change?: (draft: TDraft) => TDraft): void;
}

/**
 * A kind of interrupt the panel knows: how to recognize its value, the form it needs and the
 * answer that form makes. One module per kind (`kinds/`), tried in the order of the registry
 * (`interruptKinds`); the last one takes any value.
 *
 * @example
 * const yesNoKind: InterruptKind<"yesno", { question: string }, boolean | undefined, boolean> = {
 *   kind: "yesno",
 *   classify: (value) => (isYesNo(value) ? { question: value.question } : undefined),
 *   initialDraft: () => undefined,
 *   build: (_request, draft) =>
 *     draft === undefined
 *       ? { ok: false, issues: [{ field: "choice", kind: "missing", message: "Choose yes or no." }] }
 *       : { ok: true, value: draft, issues: [] },
 *   title: (request) => request.question,
 *   describe: (_request, yes) => (yes ? "Said yes" : "Said no"),
 *   Fields: ({ item }) => <YesNo value={item.draft} onChange={(yes) => item.update(() => yes)} />,
 * };
 */
export interface InterruptKind<
  K extends string = string,
  TRequest = unknown,
  TDraft = unknown,
  TAnswer = unknown,
> {
  readonly kind: K;
  /** The interrupt value read as this kind's request, or undefined when it is another kind. */
  classify(value: unknown): TRequest | undefined;
  /** The draft a new form starts with. */
  initialDraft(request: TRequest): TDraft;
  /** The resume value the draft makes, or the issues that keep it from being sent. */
  build(request: TRequest, draft: TDraft): AnswerResult<TAnswer>;
  /** The heading of an interrupt of this kind. */
  title(request: TRequest): string;
  /** The sentence an answer records once sent ("Approved send_email"). */
  describe(request: TRequest, answer: TAnswer, draft: TDraft): string;
  /**
   * Whether its fields draw their own send buttons when it is the only interrupt pending
   * (calling `item.send`); the panel then shows no Resume button. Default: no.
   */
  sendsItself?(request: TRequest): boolean;
  /** The form fields of one interrupt of this kind (a component). */
  Fields(props: { item: InterruptItemOf<K, TRequest, TDraft, TAnswer> }): ReactNode;
}

/**
 * Any kind module, whatever its types: what the registry and the hook work with.
 * (Members are methods, so their parameters are bivariant and every kind is assignable here.)
 */
export type AnyInterruptKind = InterruptKind<string, unknown, unknown, unknown>;

/** The item of a kind module. */
export type ItemOfKind<T> =
  T extends InterruptKind<infer K, infer TRequest, infer TDraft, infer TAnswer>
    ? InterruptItemOf<K, TRequest, TDraft, TAnswer>
    : never;
