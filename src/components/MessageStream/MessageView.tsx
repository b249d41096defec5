"use client";
import { memo } from "react";
import { MalformedItem } from "../ComponentErrorBoundary/MalformedItem";
import { Icon } from "../icons/Icon";
import type { MessageItem } from "./buildMessageItems";
import { ContentParts } from "./ContentParts";
import type { RenderText } from "./RenderText";
import { ToolCallView } from "./ToolCallView";

/**
 * One message: the user's as a bubble, the assistant's as prose, others (system, an unanswered
 * tool, other types) as a compact note with their role. The role is the article's name for
 * screen readers ("User message"). Memoized: `buildMessageItems` returns the same item object
 * for a message that did not change, so while a reply streams only that reply renders.
 *
 * @example <MessageView item={item} running={isStreaming} />
 */
export const MessageView = /* @__PURE__ */ memo(function MessageView({
  item,
  running,
  renderText,
}: {
  item: MessageItem;
  running: boolean;
  /** Renders the assistant's text parts (the user's stay plain text). */
  renderText?: RenderText;
}) {
  const { message } = item;
  if (item.malformed !== undefined) {
    return <MalformedItem raw={message} reason={item.malformed} />;
  }
  const name = typeof message.name === "string" && message.name !== "" ? message.name : undefined;
  const conversational = item.role === "human" || item.role === "ai";
  return (
    <article
      className="lgr-message"
      data-type={item.role}
      data-streaming={item.streaming ? "true" : "false"}
      data-status={typeof message.status === "string" ? message.status : undefined}
      aria-label={`${item.label} message`}
    >
      {!conversational ? (
        <p className="lgr-message__role">
          <Icon name={item.role === "tool" ? "tool" : "info"} />
          {item.label}
          {name && <span className="lgr-message__name">{name}</span>}
        </p>
      ) : (
        name && <p className="lgr-message__role">{name}</p>
      )}
      {item.streaming && <span className="lgr-visually-hidden">streaming</span>}
      <ContentParts
        parts={item.parts}
        // No lone cursor above tool calls whose arguments stream.
        streaming={item.streaming && (item.parts.length > 0 || item.toolCalls.length === 0)}
        renderText={item.role === "ai" ? renderText : undefined}
      />
      {item.toolCalls.length > 0 && (
        <ul className="lgr-message__tool-calls" aria-label="Tool calls">
          {item.toolCalls.map((call, position) => (
            <ToolCallView key={call.id || position} call={call} running={running} />
          ))}
        </ul>
      )}
    </article>
  );
});
