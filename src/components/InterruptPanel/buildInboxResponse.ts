import { answerIssues, answerOk, type AnswerResult } from "./AnswerResult";
import type { InboxRequest, InboxResponseType } from "./classifyInterrupt";
import { parseJsonAnswer } from "./parseJsonAnswer";

/** The answer to an agent-inbox interrupt, as typed so far. */
export interface InboxDraft {
  choice?: InboxResponseType;
  /** Edited arguments as JSON text (starts as the requested arguments). */
  argsText: string;
  /** The text of a `response`. */
  response: string;
}

/** An agent-inbox `HumanResponse` (langgraph.prebuilt.interrupt). */
export type InboxResponse =
  | { type: "accept"; args: null }
  | { type: "ignore"; args: null }
  | { type: "response"; args: string }
  | { type: "edit"; args: { action: string; args: Record<string, unknown> } };

export function initialInboxDraft(request: InboxRequest): InboxDraft {
  return {
    choice: request.allowed.length === 1 ? request.allowed[0] : undefined,
    argsText: JSON.stringify(request.args, null, 2),
    response: "",
  };
}

/**
 * Builds the resume value agent-inbox sends: a list with one `HumanResponse`, e.g.
 * `[{ type: "accept", args: null }]`, `[{ type: "edit", args: { action, args } }]`,
 * `[{ type: "response", args: "text" }]` or `[{ type: "ignore", args: null }]`.
 *
 * @example buildInboxResponse(request, { choice: "accept", argsText: "{}", response: "" }).value
 * // [{ type: "accept", args: null }]
 */
export function buildInboxResponse(
  request: InboxRequest,
  draft: InboxDraft | undefined,
): AnswerResult<InboxResponse[]> {
  const choice = draft?.choice;
  if (choice === undefined || !request.allowed.includes(choice)) {
    return answerIssues([
      { field: "choice", kind: "missing", message: `Choose how to answer ${request.action}.` },
    ]);
  }
  switch (choice) {
    case "accept":
    case "ignore":
      return answerOk([{ type: choice, args: null }]);
    case "response": {
      const text = draft?.response ?? "";
      if (text.trim() === "") {
        return answerIssues([{ field: "response", kind: "missing", message: "Write a response." }]);
      }
      return answerOk([{ type: "response", args: text }]);
    }
    case "edit": {
      const parsed = parseJsonAnswer(draft?.argsText ?? "", { object: true });
      if (!parsed.ok) {
        return answerIssues([{ field: "args", kind: "invalid", message: parsed.message }]);
      }
      const args = parsed.value as Record<string, unknown>;
      return answerOk([{ type: "edit", args: { action: request.action, args } }]);
    }
  }
}
