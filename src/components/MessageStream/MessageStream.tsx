"use client";
import { memo, type ReactNode } from "react";
import type { Message } from "../../store/messages/Message";
import type { MessageItem, MessageRole, ToolCallItem } from "./buildMessageItems";
import type { ContentPart } from "./messageContent";
import { useMessageStream, type UseMessageStreamOptions } from "./useMessageStream";

export interface MessageStreamProps extends UseMessageStreamOptions {
  className?: string;
  /** Accessible name of the list (default "Messages"). */
  label?: string;
  /** Shown when there are no messages (default "No messages yet."). */
  emptyText?: ReactNode;
  /**
   * Renders a message yourself; call `defaultRender()` for the built-in markup (for example to
   * wrap it). Return `null` to hide a message.
   *
   * @example renderMessage={(m, render) => (m.type === "system" ? null : render())}
   */
  renderMessage?: (
    message: Message,
    defaultRender: () => ReactNode,
    item: MessageItem,
  ) => ReactNode;
}

const ROLE_ICONS: Record<MessageRole, string> = {
  human: "➤",
  ai: "✦",
  tool: "⚙",
  system: "◆",
  other: "•",
};

/**
 * Assembled messages as they stream: user, assistant, tool and system messages with role
 * labels, text and content blocks, tool calls with their arguments and results, and a streaming
 * indicator on the reply in progress. Content is always shown as text. A polite live region
 * announces each completed message (not each token).
 *
 * @example
 * const stream = useRunStream({ assistantId: "agent" });
 * <MessageStream runKey={stream.key} />
 * // or: <MessageStream messages={messages} isStreaming />
 */
export function MessageStream({
  className,
  label = "Messages",
  emptyText = "No messages yet.",
  renderMessage,
  ...options
}: MessageStreamProps) {
  const state = useMessageStream(options);
  return (
    <div
      className={["lgr-messages", className].filter(Boolean).join(" ")}
      data-streaming={state.isStreaming ? "true" : "false"}
      data-empty={state.count === 0 ? "true" : "false"}
    >
      {state.count === 0 && !state.awaitingReply ? (
        <p className="lgr-messages__empty">{emptyText}</p>
      ) : (
        <ol className="lgr-messages__list" aria-label={label}>
          {state.items.map((item) => {
            if (!renderMessage) {
              return <MessageRow key={item.key} item={item} running={state.isStreaming} />;
            }
            const render = () => <MessageView item={item} running={state.isStreaming} />;
            const content = renderMessage(item.message, render, item);
            if (content === null || content === undefined || content === false) return null;
            return (
              <li
                key={item.key}
                className="lgr-messages__item"
                data-type={item.role}
                data-streaming={item.streaming ? "true" : "false"}
              >
                {content}
              </li>
            );
          })}
          {state.awaitingReply && (
            <li className="lgr-messages__item" data-type="ai" data-pending="true">
              <div className="lgr-message" data-type="ai" data-pending="true">
                <MessageHeader role="ai" label="Assistant" streaming />
                <p className="lgr-message__waiting">Waiting for a reply…</p>
              </div>
            </li>
          )}
        </ol>
      )}
      <p className="lgr-visually-hidden" aria-live="polite" aria-atomic="true">
        {state.announcement}
      </p>
    </div>
  );
}

/**
 * A list item with the default markup (no `renderMessage`): the same `<li>` as the custom path.
 * Memoized like MessageView, so an unchanged message costs no render at all.
 */
const MessageRow = /* @__PURE__ */ memo(function MessageRow({
  item,
  running,
}: {
  item: MessageItem;
  running: boolean;
}) {
  return (
    <li
      className="lgr-messages__item"
      data-type={item.role}
      data-streaming={item.streaming ? "true" : "false"}
    >
      <MessageView item={item} running={running} />
    </li>
  );
});

/**
 * One message. Memoized: `buildMessageItems` returns the same item object for a message that did
 * not change, so while a reply streams only that reply renders, not the whole chat.
 */
const MessageView = /* @__PURE__ */ memo(function MessageView({
  item,
  running,
}: {
  item: MessageItem;
  running: boolean;
}) {
  const { message } = item;
  return (
    <article
      className="lgr-message"
      data-type={item.role}
      data-streaming={item.streaming ? "true" : "false"}
      data-status={typeof message.status === "string" ? message.status : undefined}
      aria-label={`${item.label} message`}
    >
      <MessageHeader
        role={item.role}
        label={item.label}
        name={typeof message.name === "string" ? message.name : undefined}
        streaming={item.streaming}
      />
      <Parts parts={item.parts} streaming={item.streaming} />
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

function MessageHeader({
  role,
  label,
  name,
  streaming,
}: {
  role: MessageRole;
  label: string;
  name?: string;
  streaming: boolean;
}) {
  return (
    <header className="lgr-message__header">
      <span className="lgr-message__icon" aria-hidden="true">
        {ROLE_ICONS[role]}
      </span>
      <span className="lgr-message__role">{label}</span>
      {name && <span className="lgr-message__name">{name}</span>}
      {streaming && (
        <span className="lgr-message__streaming">
          <span className="lgr-message__pulse" aria-hidden="true" />
          streaming
        </span>
      )}
    </header>
  );
}

function Parts({ parts, streaming }: { parts: ContentPart[]; streaming: boolean }) {
  if (parts.length === 0) {
    return streaming ? (
      <p className="lgr-message__text">
        <span className="lgr-message__cursor" aria-hidden="true" />
      </p>
    ) : null;
  }
  return (
    <>
      {parts.map((part, position) => {
        const lastPart = position === parts.length - 1;
        return part.kind === "text" ? (
          <p className="lgr-message__text" key={position}>
            {part.text}
            {streaming && lastPart && <span className="lgr-message__cursor" aria-hidden="true" />}
          </p>
        ) : (
          <figure className="lgr-message__block" key={position} data-block-type={part.type}>
            <figcaption className="lgr-message__block-type">{part.type} block</figcaption>
            <pre className="lgr-message__json">{part.json}</pre>
          </figure>
        );
      })}
    </>
  );
}

function ToolCallView({ call, running }: { call: ToolCallItem; running: boolean }) {
  const result = call.result;
  const failed = result?.status === "error";
  return (
    <li
      className="lgr-tool-call"
      data-partial={call.partial ? "true" : "false"}
      data-invalid={call.invalid ? "true" : "false"}
      data-result={result ? (failed ? "error" : "success") : "pending"}
    >
      <div className="lgr-tool-call__header">
        <span className="lgr-tool-call__icon" aria-hidden="true">
          ⚙
        </span>
        <span className="lgr-tool-call__label">Tool call</span>
        <code className="lgr-tool-call__name">{call.name || "(unnamed)"}</code>
        {call.partial && <span className="lgr-tool-call__note">arguments streaming…</span>}
        {call.invalid && <span className="lgr-tool-call__note">invalid arguments</span>}
      </div>
      <pre className="lgr-tool-call__args">{call.argsText}</pre>
      {result ? (
        <div className="lgr-tool-call__result" data-status={failed ? "error" : "success"}>
          <div className="lgr-tool-call__result-label">
            <span aria-hidden="true">{failed ? "✕" : "↳"}</span> {failed ? "Tool error" : "Result"}
          </div>
          <Parts parts={call.resultParts} streaming={false} />
        </div>
      ) : (
        <p className="lgr-tool-call__pending">
          <span aria-hidden="true">…</span> {running ? "Waiting for the result" : "No result"}
        </p>
      )}
    </li>
  );
}
