import { answerIssues, answerOk, type AnswerIssue, type AnswerResult } from "./AnswerResult";
import type { HitlDecisionType, HitlRequest } from "./classifyInterrupt";
import { parseJsonAnswer } from "./parseJsonAnswer";

/** What the reviewer chose for one action, as typed so far. */
export interface HitlActionDraft {
  decision?: HitlDecisionType;
  /** Edited arguments as JSON text (starts as the requested arguments). */
  argsText: string;
  /** Optional explanation sent with a rejection. */
  message: string;
}

/**
 * One decision of LangChain's `HITLResponse`: `edited_action` is `{ name, args }` (langchainjs
 * spells it `editedAction`); `message` on a rejection is optional.
 */
export type HitlDecision =
  | { type: "approve" }
  | { type: "edit"; edited_action: { name: string; args: Record<string, unknown> } }
  | { type: "edit"; editedAction: { name: string; args: Record<string, unknown> } }
  | { type: "reject"; message?: string };

/** The resume value of an HITL request: one decision per action request, in order. */
export interface HitlResponse {
  decisions: HitlDecision[];
}

/** The first drafts: no decision yet, arguments as indented JSON. */
export function initialHitlDrafts(request: HitlRequest): HitlActionDraft[] {
  return request.actions.map((action) => ({
    decision: action.allowedDecisions.length === 1 ? action.allowedDecisions[0] : undefined,
    argsText: JSON.stringify(action.args, null, 2),
    message: "",
  }));
}

/**
 * Builds the resume value LangChain's human-in-the-loop middleware reads: `{ decisions: [...] }`
 * with exactly one decision per action request, in the same order (the middleware raises when
 * the counts differ and checks each decision against the action's `allowed_decisions`). See
 * `HITLResponse` / `_process_decision` in langchain_v1's `human_in_the_loop.py` and
 * `HITLResponse` in langchainjs' `hitl.ts`. Answers use the request's spelling (snake_case from
 * Python and the Agent Server, camelCase from langchainjs). A request that named the arguments
 * `arguments` (early langchain v1) gets them under both `args` and `arguments`.
 *
 * @example
 * buildHitlResponse(request, [{ decision: "approve", argsText: "{}", message: "" }])
 * // { ok: true, value: { decisions: [{ type: "approve" }] }, issues: [] }
 */
export function buildHitlResponse(
  request: HitlRequest,
  drafts: readonly (HitlActionDraft | undefined)[],
): AnswerResult<HitlResponse> {
  const issues: AnswerIssue[] = [];
  const decisions: HitlDecision[] = [];
  request.actions.forEach((action, index) => {
    const draft = drafts[index];
    const decision = draft?.decision;
    if (decision === undefined || !action.allowedDecisions.includes(decision)) {
      issues.push({
        field: `${index}.decision`,
        kind: "missing",
        message: `Choose ${listChoices(action.allowedDecisions)} for ${action.name}.`,
      });
      return;
    }
    if (decision === "approve") {
      decisions.push({ type: "approve" });
    } else if (decision === "reject") {
      const message = draft?.message.trim() ?? "";
      decisions.push(message === "" ? { type: "reject" } : { type: "reject", message });
    } else {
      const parsed = parseJsonAnswer(draft?.argsText ?? "", { object: true });
      if (!parsed.ok) {
        issues.push({ field: `${index}.args`, kind: "invalid", message: parsed.message });
        return;
      }
      const args = parsed.value as Record<string, unknown>;
      const edited =
        action.argsField === "arguments"
          ? { name: action.name, args, arguments: args }
          : { name: action.name, args };
      decisions.push(
        request.style === "camel"
          ? { type: "edit", editedAction: edited }
          : { type: "edit", edited_action: edited },
      );
    }
  });
  return issues.length > 0 ? answerIssues(issues) : answerOk({ decisions });
}

const DECISION_WORDS: Record<HitlDecisionType, string> = {
  approve: "approve",
  edit: "edit",
  reject: "reject",
};

function listChoices(types: readonly HitlDecisionType[]): string {
  const words = types.map((type) => DECISION_WORDS[type]);
  if (words.length <= 1) return words[0] ? `to ${words[0]}` : "a decision";
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}
