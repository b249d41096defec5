"use client";
export { MessageStream, type MessageStreamProps } from "./MessageStream";
export {
  useMessageStream,
  type MessageStreamState,
  type UseMessageStreamOptions,
} from "./useMessageStream";
export { useFollowLatest, type FollowLatest, type UseFollowLatestOptions } from "./useFollowLatest";
export {
  announceMessage,
  buildMessageItems,
  ROLE_LABELS,
  roleOf,
  type MessageItem,
  type MessageRole,
  type ToolCallItem,
} from "./buildMessageItems";
export { contentParts, contentText, type ContentPart } from "./messageContent";
