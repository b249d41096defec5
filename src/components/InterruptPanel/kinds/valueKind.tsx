"use client";
import { useId, useState } from "react";
import { isPlainObject } from "../../../client/isPlainObject";
import { stringifyForDisplay } from "../../displayJson/stringifyForDisplay";
import { answerIssues, answerOk, issueFor, type AnswerResult } from "../AnswerResult";
import { ChoiceGroup, type ChoiceOption } from "../fields/ChoiceGroup";
import { TextField } from "../fields/TextField";
import { Icon } from "../../icons/Icon";
import type { InterruptItemOf, InterruptKind } from "../InterruptKind";
import { parseJsonAnswer } from "../parseJsonAnswer";

/** How a free answer is read: one of the interrupt's options, plain text, or parsed as JSON. */
export type AnswerMode = "choice" | "text" | "json";

/** One of the answers an interrupt offers (`options`): what it shows, and the value it sends. */
export interface ValueOption {
  label: string;
  value: unknown;
}

/** An interrupt of any other shape: its value, and the question and options in it, if any. */
export interface ValueRequest {
  value: unknown;
  /** The value itself when it is a string, or its `question` field. */
  question?: string;
  /**
   * Its `options`: strings, numbers, `{ label, value }` objects (a label alone sends the label)
   * or any other JSON (shown as JSON).
   */
  options?: ValueOption[];
}

/** A free answer to an interrupt of any other shape, as typed so far. */
export interface ValueDraft {
  mode: AnswerMode;
  text: string;
  /** The chosen option's position (`choice` mode). */
  choice?: number;
}

/** A pending interrupt of any other shape in the panel. */
type ValueItem = InterruptItemOf<"value", ValueRequest, ValueDraft, unknown>;

/** Past this length, or with a line break, a question stays out of the heading. */
const TITLE_LENGTH = 120;
/** Past this length, an answer is cut short in its decision note. */
const NOTE_LENGTH = 80;

function readValueRequest(value: unknown): ValueRequest {
  if (typeof value === "string") return { value, question: value };
  if (!isPlainObject(value)) return { value };
  const request: ValueRequest = { value };
  if (typeof value.question === "string") request.question = value.question;
  if (Array.isArray(value.options) && value.options.length > 0) {
    request.options = value.options.map(readOption);
  }
  return request;
}

function readOption(option: unknown): ValueOption {
  if (typeof option === "string") return { label: option, value: option };
  if (typeof option === "number" || typeof option === "boolean") {
    return { label: String(option), value: option };
  }
  if (isPlainObject(option) && typeof option.label === "string") {
    return { label: option.label, value: "value" in option ? option.value : option.label };
  }
  return { label: stringifyForDisplay(option), value: option };
}

function initialValueDraft(request?: ValueRequest): ValueDraft {
  return { mode: request?.options ? "choice" : "text", text: "" };
}

/**
 * A free answer: the chosen option's value (choice mode), the text as it is (text mode), or the
 * JSON it parses to (JSON mode; invalid JSON is an issue to show next to the field).
 *
 * @example buildValueAnswer({ mode: "json", text: '{"ok":false}' }).value // { ok: false }
 * @example buildValueAnswer({ mode: "text", text: "yes" }).value // "yes"
 * @example buildValueAnswer({ mode: "choice", text: "", choice: 1 }, { value: null, options: [a, b] }).value // b.value
 */
export function buildValueAnswer(
  draft: ValueDraft | undefined,
  request?: ValueRequest,
): AnswerResult<unknown> {
  const { mode, text, choice } = draft ?? initialValueDraft(request);
  if (mode === "choice") {
    const option = choice === undefined ? undefined : request?.options?.[choice];
    if (option === undefined) {
      return answerIssues([{ field: "choice", kind: "missing", message: "Choose an answer." }]);
    }
    return answerOk(option.value);
  }
  if (mode === "text") {
    if (text.trim() === "") {
      return answerIssues([{ field: "text", kind: "missing", message: "Write an answer." }]);
    }
    return answerOk(text);
  }
  const parsed = parseJsonAnswer(text);
  if (!parsed.ok) {
    return answerIssues([
      { field: "text", kind: parsed.empty ? "missing" : "invalid", message: parsed.message },
    ]);
  }
  return answerOk(parsed.value);
}

/** A question short enough to be the heading. */
function headlineOf({ question }: ValueRequest): string | undefined {
  return question !== undefined && question.length <= TITLE_LENGTH && !question.includes("\n")
    ? question
    : undefined;
}

/** The value as JSON, unless it is only a question and its options (shown already). */
function showsJson({ value }: ValueRequest): boolean {
  if (typeof value === "string") return false;
  if (!isPlainObject(value) || typeof value.question !== "string") return true;
  return Object.keys(value).some((key) => key !== "question" && key !== "options");
}

/** "Answered: Rome" (an option by its label), cut short past {@link NOTE_LENGTH}. */
function describeValue(request: ValueRequest, answer: unknown, draft: ValueDraft): string {
  const option = draft.mode === "choice" ? request.options?.[draft.choice ?? -1] : undefined;
  const text = option?.label ?? (typeof answer === "string" ? answer : stringifyForDisplay(answer));
  const short = text.length > NOTE_LENGTH ? `${text.slice(0, NOTE_LENGTH - 1)}…` : text;
  return `Answered: ${short}`;
}

/** The question (or the value as JSON), its options as choices or a text answer, and Advanced. */
function ValueFields({ item }: { item: ValueItem }) {
  const idPrefix = useId();
  const { request, draft } = item;
  const issue = issueFor(item.answer, "text");
  const options = request.options ?? [];
  return (
    <div className="lgr-answer">
      {request.question !== undefined && request.question !== item.title && (
        <p className="lgr-interrupt__question">{request.question}</p>
      )}
      {showsJson(request) && (
        <pre className="lgr-interrupt__json">{stringifyForDisplay(request.value, 2)}</pre>
      )}
      {draft.mode === "choice" ? (
        <ChoiceGroup
          legend="Your answer"
          hideLegend
          name={`${idPrefix}-choice`}
          value={draft.choice === undefined ? undefined : String(draft.choice)}
          options={options.map((option, index) => ({ value: String(index), label: option.label }))}
          onChange={(index) => item.update((d) => ({ ...d, choice: Number(index) }))}
        />
      ) : (
        <TextField
          id={`${idPrefix}-text`}
          label={draft.mode === "json" ? "Your answer (JSON)" : "Your answer"}
          value={draft.text}
          onChange={(text) => item.update((d) => ({ ...d, text }))}
          issue={issue?.kind === "invalid" ? issue : undefined}
          code={draft.mode === "json"}
          rows={draft.mode === "json" ? undefined : 2}
        />
      )}
      <AnswerModes item={item} idPrefix={idPrefix} />
    </div>
  );
}

/**
 * "Advanced": how the answer is read (an option, text or JSON), closed until asked for: most
 * answers are a choice or a sentence.
 */
function AnswerModes({ item, idPrefix }: { item: ValueItem; idPrefix: string }) {
  const { draft, request } = item;
  const regionId = `${idPrefix}-advanced`;
  const [open, setOpen] = useState(draft.mode !== initialValueDraft(request).mode);
  const modes: ChoiceOption<AnswerMode>[] = [
    { value: "text", label: "Text" },
    { value: "json", label: "JSON" },
  ];
  if (request.options) modes.unshift({ value: "choice", label: "Options" });
  return (
    <div className="lgr-advanced">
      <button
        type="button"
        className="lgr-advanced__toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
      >
        <Icon name="chevron-right" />
        Advanced
      </button>
      <div id={regionId} hidden={!open}>
        <ChoiceGroup<AnswerMode>
          legend="Answer as"
          name={`${idPrefix}-mode`}
          value={draft.mode}
          options={modes}
          onChange={(mode) => item.update((d) => ({ ...d, mode }))}
          compact
        />
      </div>
    </div>
  );
}

/**
 * Any other interrupt value (the last kind: it takes every value): its question as the heading
 * (or the value as JSON), its `options` as choices, else a text answer; "Advanced" answers
 * with JSON instead.
 */
export const valueKind: InterruptKind<"value", ValueRequest, ValueDraft, unknown> = {
  kind: "value",
  classify: readValueRequest,
  initialDraft: initialValueDraft,
  build: (request, draft) => buildValueAnswer(draft, request),
  title: (request) =>
    headlineOf(request) ?? (request.question === undefined ? "Input needed" : "Question"),
  describe: describeValue,
  Fields: ValueFields,
};
