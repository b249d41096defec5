"use client";
export { MessageStream, type MessageStreamProps } from "./MessageStream";
export {
  useMessageStream,
  type MessageStreamState,
  type UseMessageStreamOptions,
} from "./useMessageStream";
export { useFollowLatest, type FollowLatest, type UseFollowLatestOptions } from "./useFollowLatest";
export type { MessageItem, MessageRole, ToolCallItem } from "./buildMessageItems";
export type { ContentPart } from "./messageContent";
export type { RenderText } from "./RenderText";
