import { answerIssues, answerOk, type AnswerResult } from "./AnswerResult";
import { parseJsonAnswer } from "./parseJsonAnswer";

/** How a free answer is read: as plain text, or parsed as JSON. */
export type AnswerMode = "text" | "json";

/** A free answer to an interrupt of any other shape, as typed so far. */
export interface ValueDraft {
  mode: AnswerMode;
  text: string;
}

export function initialValueDraft(): ValueDraft {
  return { mode: "text", text: "" };
}

/**
 * A free answer: the text as it is (text mode), or the JSON it parses to (JSON mode; invalid
 * JSON is an issue to show next to the field).
 *
 * @example buildValueAnswer({ mode: "json", text: '{"ok":false}' }).value // { ok: false }
 * @example buildValueAnswer({ mode: "text", text: "yes" }).value // "yes"
 */
export function buildValueAnswer(draft: ValueDraft | undefined): AnswerResult<unknown> {
  const { mode, text } = draft ?? initialValueDraft();
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
