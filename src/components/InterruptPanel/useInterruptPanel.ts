"use client";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { PendingInterrupt } from "../../store/interrupts/PendingInterrupt";
import { useLatestRef } from "../../hooks/useLatestRef";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import type { AnswerIssue, AnswerResult } from "./AnswerResult";
import {
  buildHitlResponse,
  initialHitlDrafts,
  type HitlActionDraft,
  type HitlResponse,
} from "./buildHitlResponse";
import {
  buildInboxResponse,
  initialInboxDraft,
  type InboxDraft,
  type InboxResponse,
} from "./buildInboxResponse";
import { buildResumeValue } from "./buildResumeValue";
import {
  buildValueAnswer,
  initialValueDraft,
  type AnswerMode,
  type ValueDraft,
} from "./buildValueAnswer";
import {
  classifyInterrupt,
  type HitlDecisionType,
  type HitlRequest,
  type InboxRequest,
  type InboxResponseType,
} from "./classifyInterrupt";

/** What the panel needs of `useRunStream()`'s result (pass the whole result). */
export interface ResumableStream {
  resume: (answer: unknown) => Promise<unknown> | unknown;
  /** Continues a static breakpoint with `submit(null)` (the server rejects an empty resume). */
  submit?: (input: null) => Promise<unknown> | unknown;
  interrupts?: readonly PendingInterrupt[];
  breakpoint?: boolean;
}

export interface UseInterruptPanelOptions {
  /** The session key (`useRunStream().key`): reads pending interrupts and the breakpoint. */
  runKey?: string;
  /** `useRunStream()`'s result: its interrupts, breakpoint and `resume`. */
  stream?: ResumableStream;
  /** Pending interrupts (win over `stream` and `runKey`). */
  interrupts?: readonly PendingInterrupt[];
  /** Paused at a static breakpoint (wins over `stream` and `runKey`). */
  breakpoint?: boolean;
  /** Called with the resume value (wins over `stream.resume`). Wire it to `useRunStream().resume`. */
  onResume?: (resumeValue: unknown) => Promise<unknown> | unknown;
  /**
   * Continues a static breakpoint (wins over `stream.submit(null)`, then `onResume(null)`). The
   * Agent Server answers `command: { resume: null }` with `EmptyInputError`, so wire it to
   * `() => useRunStream().submit(null)`.
   */
  onContinue?: () => Promise<unknown> | unknown;
}

interface ItemBase {
  id: string;
  interrupt: PendingInterrupt;
  /** 0-based position among the pending interrupts. */
  position: number;
  issues: AnswerIssue[];
}

export type InterruptItem =
  | (ItemBase & {
      kind: "hitl";
      request: HitlRequest;
      drafts: HitlActionDraft[];
      answer: AnswerResult<HitlResponse>;
    })
  | (ItemBase & {
      kind: "inbox";
      request: InboxRequest;
      draft: InboxDraft;
      /** The agent-inbox resume value: a one-element list of `HumanResponse`. */
      answer: AnswerResult<InboxResponse[]>;
    })
  | (ItemBase & { kind: "value"; draft: ValueDraft; answer: AnswerResult<unknown> });

export interface InterruptPanelState {
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
  /** The answer to these interrupts went through (until the answers change). */
  sent: boolean;
  /**
   * Nothing is pending any more since this panel's answer: show "Answer sent." in a focusable
   * note (`noteRef`) instead of the form, so focus has somewhere to stay after Resume.
   */
  resumed: boolean;
  /**
   * Spread on the note shown while `resumed`, and on the form's heading: after Resume, focus
   * moves to whichever is shown when it would otherwise fall to the page body.
   */
  focusTargetProps: { ref: RefObject<HTMLElement | null>; tabIndex: -1 };
  /** "Continue", "Resume", or "Resume with N answers". */
  submitLabel: string;
  /** Sends every answer together (nothing happens while `canSubmit` is false). */
  submit: () => Promise<void>;
  setHitlDecision: (id: string, action: number, decision: HitlDecisionType) => void;
  setHitlArgs: (id: string, action: number, text: string) => void;
  setHitlMessage: (id: string, action: number, text: string) => void;
  setInboxChoice: (id: string, choice: InboxResponseType) => void;
  setInboxArgs: (id: string, text: string) => void;
  setInboxResponse: (id: string, text: string) => void;
  setAnswerMode: (id: string, mode: AnswerMode) => void;
  setAnswerText: (id: string, text: string) => void;
}

type Draft = HitlActionDraft[] | InboxDraft | ValueDraft;

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
}
const NO_INTERRUPTS: readonly PendingInterrupt[] = [];

/**
 * The behaviour of the interrupt panel, without markup: pending interrupts classified (LangChain
 * HITL request, agent-inbox interrupt, any other value, static breakpoint), a draft answer per
 * interrupt with validation, and one `submit` that resumes them together (`{ [id]: answer }`
 * for several, the plain answer for one). A breakpoint is continued with `onContinue()` or
 * `stream.submit(null)`.
 *
 * @example
 * const stream = useRunStream({ assistantId: "agent" });
 * const panel = useInterruptPanel({ stream });
 * panel.setHitlDecision(panel.items[0].id, 0, "approve");
 * await panel.submit(); // stream.resume({ decisions: [{ type: "approve" }] })
 */
export function useInterruptPanel(options: UseInterruptPanelOptions = {}): InterruptPanelState {
  const { runKey, stream, onResume } = options;
  // What a prop or `stream` gives wins: no subscription for it.
  const sessionInterrupts = useOptionalRunSession(
    options.interrupts || stream ? null : runKey,
    (session) => session?.interrupts,
  );
  const sessionBreakpoint = useOptionalRunSession(
    options.breakpoint !== undefined || stream ? null : runKey,
    (session) => session?.breakpoint,
  );
  const interrupts = options.interrupts ?? stream?.interrupts ?? sessionInterrupts ?? NO_INTERRUPTS;
  const breakpoint =
    interrupts.length === 0 &&
    (options.breakpoint ?? stream?.breakpoint ?? sessionBreakpoint ?? false);

  // A Map, not an object: interrupt ids are wire data (`constructor`, `__proto__`, …).
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(() => new Map());
  const [answer, setAnswer] = useState<Answer | null>(null);
  const attempts = useRef(0);
  const inFlight = useRef<string | null>(null);
  const focusRef = useRef<HTMLElement | null>(null);

  const items = useMemo(
    () =>
      interrupts.map((interrupt, position) =>
        toItem(interrupt, position, drafts.get(interrupt.id)),
      ),
    [interrupts, drafts],
  );

  const problems = problemsOf(items);
  const complete = problems.length === 0;
  const resumeValue = complete
    ? buildResumeValue(items.map((item) => ({ id: item.id, value: item.answer.value })))
    : undefined;
  const pending = items.length > 0 || breakpoint;
  const key = breakpoint ? "breakpoint" : interrupts.map((interrupt) => interrupt.id).join(" ");
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

  const handler = breakpoint ? continueHandler(options) : (onResume ?? stream?.resume);
  const canSubmit = pending && complete && !submitting && handler !== undefined;

  const latest = useLatestRef({ canSubmit, resumeValue, handler, key });

  const submit = useCallback(async () => {
    const { canSubmit: ready, resumeValue: value, handler: send, key: answered } = latest.current;
    if (!ready || send === undefined || inFlight.current === answered) return;
    inFlight.current = answered;
    attempts.current += 1;
    const attempt = attempts.current;
    setAnswer({ key: answered, attempt, state: "sending", error: null, released: false });
    const settle = (state: Answer["state"], message: string | null) =>
      setAnswer((now) =>
        now?.attempt === attempt ? { ...now, state, error: message, released: now.released } : now,
      );
    try {
      await send(value);
      settle("sent", null);
    } catch (caught) {
      settle("failed", caught instanceof Error ? caught.message : String(caught));
    } finally {
      if (inFlight.current === answered) inFlight.current = null;
    }
  }, [latest]);

  // After Resume the form goes away (or a new interrupt replaces it): focus would fall to the
  // page body, so it moves to what is shown now: the "Answer sent." note or the new heading.
  const answeredOnce = answer !== null;
  useEffect(() => {
    if (!answeredOnce) return;
    const active = document.activeElement;
    if (active === null || active === document.body) focusRef.current?.focus();
  }, [answeredOnce, pending, key]);

  const update = useCallback(
    <D extends Draft>(id: string, initial: () => D, change: (draft: D) => D) => {
      // Editing an answer starts it over ("Answer sent." / the error were about the last one).
      setAnswer((now) => (now !== null && now.state !== "sending" && !now.released ? null : now));
      setDrafts((current) =>
        new Map(current).set(id, change((current.get(id) as D | undefined) ?? initial())),
      );
    },
    [],
  );
  const requestOf = useCallback(
    (id: string) => interrupts.find((interrupt) => interrupt.id === id)?.value,
    [interrupts],
  );
  const updateHitl = useCallback(
    (id: string, action: number, change: (draft: HitlActionDraft) => HitlActionDraft) =>
      update<HitlActionDraft[]>(
        id,
        () => {
          const classified = classifyInterrupt(requestOf(id));
          return classified.kind === "hitl" ? initialHitlDrafts(classified.request) : [];
        },
        (list) => list.map((draft, index) => (index === action ? change(draft) : draft)),
      ),
    [update, requestOf],
  );
  const updateInbox = useCallback(
    (id: string, change: (draft: InboxDraft) => InboxDraft) =>
      update<InboxDraft>(
        id,
        () => {
          const classified = classifyInterrupt(requestOf(id));
          return classified.kind === "inbox"
            ? initialInboxDraft(classified.request)
            : { argsText: "{}", response: "" };
        },
        change,
      ),
    [update, requestOf],
  );
  const updateValue = useCallback(
    (id: string, change: (draft: ValueDraft) => ValueDraft) =>
      update<ValueDraft>(id, initialValueDraft, change),
    [update],
  );

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
    focusTargetProps: { ref: focusRef, tabIndex: -1 },
    submitLabel:
      items.length === 0
        ? "Continue"
        : items.length === 1
          ? "Resume"
          : `Resume with ${items.length} answers`,
    submit,
    setHitlDecision: useCallback(
      (id, action, decision) => updateHitl(id, action, (d) => ({ ...d, decision })),
      [updateHitl],
    ),
    setHitlArgs: useCallback(
      (id, action, argsText) => updateHitl(id, action, (d) => ({ ...d, argsText })),
      [updateHitl],
    ),
    setHitlMessage: useCallback(
      (id, action, message) => updateHitl(id, action, (d) => ({ ...d, message })),
      [updateHitl],
    ),
    setInboxChoice: useCallback(
      (id, choice) => updateInbox(id, (d) => ({ ...d, choice })),
      [updateInbox],
    ),
    setInboxArgs: useCallback(
      (id, argsText) => updateInbox(id, (d) => ({ ...d, argsText })),
      [updateInbox],
    ),
    setInboxResponse: useCallback(
      (id, response) => updateInbox(id, (d) => ({ ...d, response })),
      [updateInbox],
    ),
    setAnswerMode: useCallback(
      (id, mode) => updateValue(id, (d) => ({ ...d, mode })),
      [updateValue],
    ),
    setAnswerText: useCallback(
      (id, text) => updateValue(id, (d) => ({ ...d, text })),
      [updateValue],
    ),
  };
}

function toItem(
  interrupt: PendingInterrupt,
  position: number,
  stored: Draft | undefined,
): InterruptItem {
  const base = { id: interrupt.id, interrupt, position };
  const classified = classifyInterrupt(interrupt.value);
  if (classified.kind === "hitl") {
    const drafts = Array.isArray(stored) ? stored : initialHitlDrafts(classified.request);
    const answer = buildHitlResponse(classified.request, drafts);
    return {
      ...base,
      kind: "hitl",
      request: classified.request,
      drafts,
      answer,
      issues: answer.issues,
    };
  }
  if (classified.kind === "inbox") {
    const draft = isInboxDraft(stored) ? stored : initialInboxDraft(classified.request);
    const answer = buildInboxResponse(classified.request, draft);
    return {
      ...base,
      kind: "inbox",
      request: classified.request,
      draft,
      answer,
      issues: answer.issues,
    };
  }
  const draft = isValueDraft(stored) ? stored : initialValueDraft();
  const answer = buildValueAnswer(draft);
  return { ...base, kind: "value", draft, answer, issues: answer.issues };
}

function isInboxDraft(draft: Draft | undefined): draft is InboxDraft {
  return typeof draft === "object" && !Array.isArray(draft) && "response" in draft;
}

function isValueDraft(draft: Draft | undefined): draft is ValueDraft {
  return typeof draft === "object" && !Array.isArray(draft) && "mode" in draft;
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
  if (invalid) problems.push("Fix the invalid JSON marked above.");
  return problems;
}

/** How to continue a static breakpoint: `onContinue`, else `stream.submit(null)`, else `onResume(null)`. */
function continueHandler(
  options: UseInterruptPanelOptions,
): ((value: unknown) => Promise<unknown> | unknown) | undefined {
  const { onContinue, stream, onResume } = options;
  if (onContinue) return () => onContinue();
  const submit = stream?.submit;
  if (submit) return () => submit(null);
  return onResume;
}
