"use client";
export { InterruptPanel, type InterruptPanelProps } from "./InterruptPanel";
export {
  useInterruptPanel,
  type InterruptPanelState,
  type ResumeInfo,
  type UseInterruptPanelOptions,
} from "./useInterruptPanel";
export type { InterruptItem, ClassifiedInterrupt } from "./interruptKinds";
export type { InterruptItemOf, InterruptKind } from "./InterruptKind";
export type { AnswerIssue, AnswerResult } from "./AnswerResult";
export type { HitlAction, HitlActionDraft, HitlRequest, HitlResponse } from "./kinds/hitlKind";
export type { InboxDraft, InboxRequest, InboxResponse } from "./kinds/inboxKind";
export type { AnswerMode, ValueDraft, ValueOption, ValueRequest } from "./kinds/valueKind";
export type { ArgsField, ArgsFieldValue, ArgsOption } from "./fields/readArgsForm";
// The parts, for composing a panel of your own.
export { InterruptItemSection, type InterruptItemSectionProps } from "./InterruptItemSection";
export { InterruptFields, type InterruptFieldsProps } from "./InterruptFields";
export { ResumeControls, type ResumeControlsProps } from "./ResumeControls";
export { interruptAnswers } from "./interruptAnswers";
