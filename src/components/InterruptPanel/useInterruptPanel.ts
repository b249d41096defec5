"use client";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type RefObject,
  type SetStateAction,
} from "react";
import type { PendingInterrupt } from "../../store/interrupts/PendingInterrupt";
import type { AnyRunHandle } from "../../store/RunHandle";
import { useRunHandle } from "../../hooks/RunScope";
import { useLatestRef } from "../../hooks/useLatestRef";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import { buildResumeValue } from "./buildResumeValue";
import type { AnyInterruptKind } from "./InterruptKind";
import { kindOf, type InterruptItem } from "./interruptKinds";

/** How an answer reaches the run, and what it answers (the second argument of `onResume`). */
export interface ResumeInfo {
  /**
   * The run handle's method: `resume` (one interrupt), `resumeAll` (several, by interrupt id)
   * or `continue` (a static breakpoint: `submit(null)`, since the server refuses an empty resume).
   */
  method: "resume" | "resumeAll" | "continue";
  /** The interrupts answered (none at a breakpoint). */
  interrupts: readonly PendingInterrupt[];
  /**
   * The sentence each answer records, in order ("Approved send_email", "Answered: yes";
   * "Continued" at a breakpoint): for a transcript of your own.
   */
  decisions: readonly string[];
}

export interface UseInterruptPanelOptions {
  /**
   * The run to answer (default: the `<RunScope>`'s): gives the pending interrupts and the
   * breakpoint, and receives the answer (`resume`, `resumeAll`, or `submit(null)` to continue).
   */
  run?: AnyRunHandle | null;
  /** Pending interrupts to show instead of the run's (controlled: stories, tests, your own data). */
  interrupts?: readonly PendingInterrupt[];
  /** Paused at a static breakpoint, instead of the run's (controlled). */
  breakpoint?: boolean;
  /**
   * Called with every answer the panel sends, and how it is sent: the answer itself for one
   * interrupt, `{ [interruptId]: answer }` for several, `null` to continue a breakpoint. Without
   * a run nothing else happens (static rendering). A returned promise keeps the panel
   * "Sending…" until it settles; a rejection is shown as the error.
   */
  onResume?: (answer: unknown, info: ResumeInfo) => void | PromiseLike<unknown>;
}

export interface InterruptPanelState {
  /** One per pending interrupt, each with its draft answer and `update`. */
  items: InterruptItem[];
  /** Paused at a static breakpoint (with nothing to answer but "continue"). */
  breakpoint: boolean;
  /** Something waits for an answer (interrupts or a breakpoint). */
  pending: boolean;
  /** The value `submit` would send, when every answer is complete. */
  resumeValue: unknown;
  canSubmit: boolean;
  /** What is still missing or wrong, one line each (empty when `canSubmit`). */
  problems: string[];
  submitting: boolean;
  /** The last submit failed with this message. */
  error: string | null;
  /** The answer to these interrupts went through. */
  sent: boolean;
  /** Nothing is pending any more since this panel's answer. */
  resumed: boolean;
  /**
   * `sent` or `resumed`: show the decision note (`decisions`, or the error) in a focusable
   * element (`focusTargetProps`) instead of the form, so focus has somewhere to stay.
   */
  answered: boolean;
  /**
   * What the last answer sent records, one sentence per interrupt ("Approved send_email",
   * "Answered: yes", "Continued"): the decision note's text.
   */
  decisions: readonly string[];
  /** Show the Resume button: false while the only interrupt's fields send themselves (Approve). */
  showSubmit: boolean;
  /**
   * Spread on the decision note, and on the form's heading: after an answer, focus moves to
   * whichever is shown when it would otherwise fall to the page body.
   */
  focusTargetProps: { ref: RefObject<HTMLElement | null>; tabIndex: -1 };
  /** "Continue", "Resume", or "Resume with N answers". */
  submitLabel: string;
  /** Sends every answer together (nothing happens while `canSubmit` is false). */
  submit: () => Promise<void>;
}

/** A draft with the kind it was typed for: a kind change (same id, new value) starts afresh. */
interface StoredDraft {
  kind: string;
  draft: unknown;
}

type ChangeDraft = (
  id: string,
  kind: AnyInterruptKind,
  request: unknown,
  change: (draft: unknown) => unknown,
) => void;

/** What an item's `update` and `send` call, with the item's id, kind and request. */
interface ItemActions {
  update: ChangeDraft;
  send: (
    id: string,
    kind: AnyInterruptKind,
    request: unknown,
    change?: (draft: unknown) => unknown,
  ) => void;
}

/** What a submit sends: the answer and how. */
interface ResumePlan {
  answer: unknown;
  info: ResumeInfo;
}

/**
 * This panel's last answer, for the interrupts it answered (`key`: their ids, or `breakpoint`).
 * `released` once nothing was pending any more: from then on it is only the "Answer sent." note,
 * never the state of a later form, even one with the same key (a later breakpoint).
 */
interface Answer {
  key: string;
  attempt: number;
  state: "sending" | "sent" | "failed";
  error: string | null;
  released: boolean;
  decisions: readonly string[];
}

const NO_INTERRUPTS: readonly PendingInterrupt[] = [];
const NO_DECISIONS: readonly string[] = [];

/**
 * The behaviour of the interrupt panel, without markup: the run's pending interrupts, each read
 * by its kind (LangChain HITL request, agent-inbox interrupt, any other value) with a draft
 * answer and validation, and one `submit` that answers them together: `run.resume(answer)` for
 * one, `run.resumeAll({ [id]: answer })` for several, `run.submit(null)` at a static breakpoint.
 *
 * @example
 * const panel = useInterruptPanel({ run: chat });
 * const [item] = panel.items;
 * if (item?.kind === "value") item.update((draft) => ({ ...draft, text: "yes" }));
 * await panel.submit(); // chat.resume("yes"); the note then says "Answered: yes"
 */
export function useInterruptPanel(options: UseInterruptPanelOptions = {}): InterruptPanelState {
  const { onResume } = options;
  const run = useRunHandle(options.run);
  // A data prop makes its slice controlled: no subscription for it.
  const sessionInterrupts = useOptionalRunSession(
    options.interrupts ? null : run,
    (session) => session?.interrupts,
  );
  const sessionBreakpoint = useOptionalRunSession(
    options.breakpoint !== undefined ? null : run,
    (session) => session?.breakpoint,
  );
  const interrupts = options.interrupts ?? sessionInterrupts ?? NO_INTERRUPTS;
  const breakpoint = interrupts.length === 0 && (options.breakpoint ?? sessionBreakpoint ?? false);

  // A Map, not an object: interrupt ids are wire data (`constructor`, `__proto__`, …).
  const [drafts, setDrafts] = useState<ReadonlyMap<string, StoredDraft>>(() => new Map());
  const [answer, setAnswer] = useState<Answer | null>(null);
  // Counts `item.send` calls: each submits once the draft it changed is rendered.
  const [sendCalls, setSendCalls] = useState(0);
  const attempts = useRef(0);
  const inFlight = useRef<string | null>(null);
  const focusRef = useRef<HTMLElement | null>(null);

  const changeDraft = useCallback<ChangeDraft>((id, kind, request, change) => {
    // Editing an answer starts it over (the error was about the last one).
    setAnswer((now) => (now !== null && now.state !== "sending" && !now.released ? null : now));
    setDrafts((current) => {
      const stored = current.get(id);
      const draft = stored?.kind === kind.kind ? stored.draft : kind.initialDraft(request);
      return new Map(current).set(id, { kind: kind.kind, draft: change(draft) });
    });
  }, []);

  const actions = useMemo<ItemActions>(
    () => ({
      update: changeDraft,
      send: (id, kind, request, change) => {
        if (change) changeDraft(id, kind, request, change);
        setSendCalls((calls) => calls + 1);
      },
    }),
    [changeDraft],
  );

  const items = useMemo(() => itemsOf(interrupts, drafts, actions), [interrupts, drafts, actions]);

  const problems = problemsOf(items);
  const complete = problems.length === 0;
  const plan = planOf(items, breakpoint);
  const resumeValue = complete ? plan.answer : undefined;
  const pending = items.length > 0 || breakpoint;
  const key = keyOf(interrupts, breakpoint);
  // Nothing pending after an answer: the answer is done with (adjusting state during render).
  if (!pending && answer !== null && !answer.released) setAnswer({ ...answer, released: true });
  // Answer state belongs to the interrupts it answered: a new interrupt starts clean.
  // A failed answer stays with its interrupts when they come back.
  const current =
    answer !== null && answer.key === key && (!answer.released || answer.state === "failed")
      ? answer
      : null;
  const resumed = !pending && answer !== null;
  const shown = resumed ? answer : current;
  const submitting = current?.state === "sending";
  const error = shown?.state === "failed" ? shown.error : null;
  const sent = current?.state === "sent";
  const answered = resumed || sent;
  const canSubmit =
    pending && complete && !submitting && (run !== undefined || onResume !== undefined);
  const [only] = items;

  const latest = useLatestRef({ canSubmit, plan, run, onResume, key });

  const submit = useCallback(() => sendAnswer({ latest, inFlight, attempts, setAnswer }), [latest]);

  // `item.send`: by now the changed draft is rendered, and `latest` holds its plan.
  useEffect(() => {
    if (sendCalls > 0) void sendAnswer({ latest, inFlight, attempts, setAnswer });
  }, [sendCalls, latest]);

  // After an answer the form goes away (or a new interrupt replaces it): focus would fall to
  // the page body, so it moves to what is shown now: the decision note or the new heading.
  const answeredOnce = answer !== null;
  useEffect(() => {
    if (!answeredOnce) return;
    const active = document.activeElement;
    if (active === null || active === document.body) focusRef.current?.focus();
  }, [answeredOnce, answered, pending, key]);

  return {
    items,
    breakpoint,
    pending,
    resumeValue,
    canSubmit,
    problems,
    submitting,
    error,
    sent,
    resumed,
    answered,
    decisions: shown?.decisions ?? NO_DECISIONS,
    showSubmit: !(items.length === 1 && only?.sendsItself),
    focusTargetProps: { ref: focusRef, tabIndex: -1 },
    submitLabel:
      items.length === 0
        ? "Continue"
        : items.length === 1
          ? "Resume"
          : `Resume with ${items.length} answers`,
    submit,
  };
}

/** What `sendAnswer` reads and changes: the hook's latest plan, refs and answer state. */
interface Sender {
  latest: RefObject<{
    canSubmit: boolean;
    plan: ResumePlan;
    run: AnyRunHandle | undefined;
    onResume: UseInterruptPanelOptions["onResume"];
    key: string;
  }>;
  inFlight: RefObject<string | null>;
  attempts: RefObject<number>;
  setAnswer: Dispatch<SetStateAction<Answer | null>>;
}

/**
 * Sends the latest plan (once per set of interrupts at a time), and records how it went: a
 * "sending" answer with its decisions, then "sent" or "failed".
 */
async function sendAnswer({ latest, inFlight, attempts, setAnswer }: Sender): Promise<void> {
  const { canSubmit: ready, plan, run: target, onResume: report, key } = latest.current;
  if (!ready || inFlight.current === key) return;
  inFlight.current = key;
  attempts.current += 1;
  const attempt = attempts.current;
  const { decisions } = plan.info;
  setAnswer({ key, attempt, state: "sending", error: null, released: false, decisions });
  const settle = (state: Answer["state"], message: string | null) =>
    setAnswer((was) => (was?.attempt === attempt ? { ...was, state, error: message } : was));
  try {
    const sending = target === undefined ? undefined : sendTo(target, plan);
    const reported = report?.(plan.answer, plan.info);
    await Promise.all([sending, reported]);
    settle("sent", null);
  } catch (caught) {
    settle("failed", caught instanceof Error ? caught.message : String(caught));
  } finally {
    if (inFlight.current === key) inFlight.current = null;
  }
}

/** The interrupts, each read by its kind with its draft. */
function itemsOf(
  interrupts: readonly PendingInterrupt[],
  drafts: ReadonlyMap<string, StoredDraft>,
  actions: ItemActions,
): InterruptItem[] {
  return interrupts.map((interrupt, position) =>
    toItem(interrupt, position, interrupts.length === 1, drafts.get(interrupt.id), actions),
  );
}

/** What an answer is for: the interrupts' ids, or the breakpoint. */
function keyOf(interrupts: readonly PendingInterrupt[], breakpoint: boolean): string {
  return breakpoint ? "breakpoint" : interrupts.map((interrupt) => interrupt.id).join(" ");
}

/** The interrupt read by its kind, with its draft (or the kind's first one) and its answer. */
function toItem(
  interrupt: PendingInterrupt,
  position: number,
  alone: boolean,
  stored: StoredDraft | undefined,
  actions: ItemActions,
): InterruptItem {
  const { kind, request } = kindOf(interrupt.value);
  const draft = stored?.kind === kind.kind ? stored.draft : kind.initialDraft(request);
  const answer = kind.build(request, draft);
  return {
    kind: kind.kind,
    id: interrupt.id,
    interrupt,
    position,
    title: kind.title(request),
    request,
    draft,
    answer,
    issues: answer.issues,
    decision: answer.ok ? kind.describe(request, answer.value, draft) : undefined,
    sendsItself: alone && (kind.sendsItself?.(request) ?? false),
    update: (change: (draft: unknown) => unknown) =>
      actions.update(interrupt.id, kind, request, change),
    send: (change?: (draft: unknown) => unknown) =>
      actions.send(interrupt.id, kind, request, change),
  } as InterruptItem;
}

/** The answer a submit sends, and with which method of the run. */
function planOf(items: readonly InterruptItem[], breakpoint: boolean): ResumePlan {
  const interrupts = items.map((item) => item.interrupt);
  if (breakpoint) {
    return { answer: null, info: { method: "continue", interrupts, decisions: ["Continued"] } };
  }
  return {
    answer: buildResumeValue(items.map((item) => ({ id: item.id, value: item.answer.value }))),
    info: {
      method: items.length === 1 ? "resume" : "resumeAll",
      interrupts,
      decisions: items.map((item) => item.decision ?? ""),
    },
  };
}

function sendTo(run: AnyRunHandle, { answer, info }: ResumePlan): Promise<void> {
  switch (info.method) {
    case "continue":
      return run.submit(null);
    case "resume":
      return run.resume(answer);
    case "resumeAll":
      return run.resumeAll(answer as Readonly<Record<string, unknown>>);
  }
}

/** What still blocks the submit: missing answers one by one, invalid fields (shown inline) once. */
function problemsOf(items: readonly InterruptItem[]): string[] {
  const problems: string[] = [];
  let invalid = false;
  for (const item of items) {
    const prefix = items.length > 1 ? `Interrupt ${item.position + 1}: ` : "";
    for (const issue of item.issues) {
      if (issue.kind === "invalid") invalid = true;
      else problems.push(prefix + issue.message);
    }
  }
  if (invalid) problems.push("Fix the fields marked above.");
  return problems;
}
