"use client";
export { MessageActions, type MessageActionsProps } from "./MessageActions";
export {
  useMessageActions,
  type MessageActionsState,
  type UseMessageActionsOptions,
} from "./useMessageActions";
export type { MessageActionsLabels } from "./messageActionsLabels";
