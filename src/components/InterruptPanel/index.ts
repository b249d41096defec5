"use client";
export { InterruptPanel, type InterruptPanelProps } from "./InterruptPanel";
export { ResumeControls, type ResumeControlsProps } from "./ResumeControls";
export {
  useInterruptPanel,
  type InterruptItem,
  type InterruptPanelState,
  type ResumableStream,
  type UseInterruptPanelOptions,
} from "./useInterruptPanel";
export {
  classifyInterrupt,
  readHitlRequest,
  readInboxRequest,
  HITL_DECISION_TYPES,
  type ClassifiedInterrupt,
  type HitlAction,
  type HitlDecisionType,
  type HitlRequest,
  type InboxRequest,
  type InboxResponseType,
} from "./classifyInterrupt";
export {
  buildHitlResponse,
  initialHitlDrafts,
  type HitlActionDraft,
  type HitlDecision,
  type HitlResponse,
} from "./buildHitlResponse";
export {
  buildInboxResponse,
  initialInboxDraft,
  type InboxDraft,
  type InboxResponse,
} from "./buildInboxResponse";
export {
  buildValueAnswer,
  initialValueDraft,
  type AnswerMode,
  type ValueDraft,
} from "./buildValueAnswer";
export { buildResumeValue, type InterruptAnswer } from "./buildResumeValue";
export { parseJsonAnswer, type JsonParseResult } from "./parseJsonAnswer";
export { issueFor, type AnswerIssue, type AnswerResult } from "./AnswerResult";
