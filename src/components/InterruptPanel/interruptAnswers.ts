import { buildResumeValue } from "./buildResumeValue";
import { classifyInterrupt } from "./interruptKinds";
import { buildHitlResponse } from "./kinds/hitlKind";
import { buildInboxResponse } from "./kinds/inboxKind";
import { buildValueAnswer } from "./kinds/valueKind";

/**
 * The answer builders behind `InterruptPanel`, for apps that answer interrupts in their own UI
 * or in code. Each returns `{ ok: true, value }` (the resume value) or `{ ok: false, issues }`.
 *
 * - `classify(value)`: which kind of answer an interrupt value needs, and its request.
 * - `hitl(request, drafts)`: LangChain's `HITLResponse` (`{ decisions }`, one per action).
 * - `inbox(request, draft)`: agent-inbox's `[HumanResponse]`.
 * - `value(draft)`: a text or JSON answer.
 * - `combine(answers)`: one resume value for several interrupts (`{ [id]: answer }`).
 *
 * @example
 * const classified = interruptAnswers.classify(interrupt.value);
 * if (classified.kind === "hitl") {
 *   const drafts = classified.request.actions.map(() => ({ decision: "approve" as const, argsText: "", message: "" }));
 *   const answer = interruptAnswers.hitl(classified.request, drafts);
 *   if (answer.ok) await chat.resume(answer.value); // { decisions: [{ type: "approve" }] }
 * }
 */
export const interruptAnswers = /* @__PURE__ */ Object.freeze({
  classify: classifyInterrupt,
  hitl: buildHitlResponse,
  inbox: buildInboxResponse,
  value: buildValueAnswer,
  combine: buildResumeValue,
});
