"use client";
import { Fragment, memo, type ReactNode } from "react";
import type { Message } from "../../store/messages/Message";
import type { TurnError } from "../../store/RunSession";
import type { MessageItem, MessageRole, ToolCallItem } from "./buildMessageItems";
import type { ContentPart } from "./messageContent";
import { MalformedItem } from "../ComponentErrorBoundary/MalformedItem";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName, type RootProps } from "../RootProps";
import { MessageText } from "./MessageText";
import { useFollowLatest } from "./useFollowLatest";
import {
  useMessageStream,
  type MessageStreamState,
  type UseMessageStreamOptions,
} from "./useMessageStream";

export type MessageStreamProps = RootProps<"div", MessageStreamOwnProps>;

interface MessageStreamOwnProps extends UseMessageStreamOptions {
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
  /**
   * Makes the stream its own scroll area (give `.lgr-messages` a height, or a flex parent): it
   * follows the newest message while the reader is at the bottom, stops when they scroll up, and
   * offers "Jump to latest". The area is a labelled region in the tab order, so a keyboard can
   * scroll it. Default false: the stream grows, and its container scrolls (see `useFollowLatest`).
   *
   * @example <MessageStream run={chat} followLatest className="chat" />
   */
  followLatest?: boolean;
  /** The "Jump to latest" button's text (with `followLatest`; default "Jump to latest"). */
  jumpLabel?: string;
  /** Shown after the messages, inside the scroll area with `followLatest` (errors, interrupts). */
  children?: ReactNode;
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
 * announces each completed message (not each token). With `followLatest` it is its own scroll
 * area that follows the newest message until the reader scrolls up.
 *
 * @example
 * const stream = useRunStream({ assistantId: "agent" });
 * <MessageStream run={chat} />
 * // or: <MessageStream messages={messages} isStreaming />
 * // a scrolling chat: <MessageStream run={chat} followLatest>{errors}</MessageStream>
 */
export function MessageStream(props: MessageStreamProps) {
  return (
    <ComponentErrorBoundary component="MessageStream">
      <MessageStreamContent {...props} />
    </ComponentErrorBoundary>
  );
}

function MessageStreamContent({
  className,
  label = "Messages",
  emptyText = "No messages yet.",
  renderMessage,
  followLatest = false,
  jumpLabel = "Jump to latest",
  children,
  run,
  messages,
  isStreaming,
  status,
  turnErrors,
  ...rest
}: MessageStreamProps) {
  const state = useMessageStream({ run, messages, isStreaming, status, turnErrors });
  const body = (
    <>
      {state.count === 0 && !state.awaitingReply ? (
        <p className="lgr-messages__empty">{emptyText}</p>
      ) : (
        <MessageList state={state} label={label} renderMessage={renderMessage} />
      )}
      {children}
    </>
  );
  return (
    <div
      {...rest}
      className={withClassName("lgr-messages", className)}
      data-streaming={state.isStreaming ? "true" : "false"}
      data-empty={state.count === 0 ? "true" : "false"}
      data-follow-latest={followLatest ? "true" : undefined}
    >
      {followLatest ? (
        <FollowLatestViewport label={label} jumpLabel={jumpLabel}>
          {body}
        </FollowLatestViewport>
      ) : (
        body
      )}
      {/* Inside the positioned root: a hidden region never stretches a scroll container. */}
      <p className="lgr-visually-hidden" aria-live="polite" aria-atomic="true">
        {state.announcement}
      </p>
    </div>
  );
}

/**
 * The scroll area of `followLatest`: a focusable, labelled region that follows the tail, and the
 * "Jump to latest" button while it does not.
 */
function FollowLatestViewport({
  label,
  jumpLabel,
  children,
}: {
  label: string;
  jumpLabel: string;
  children: ReactNode;
}) {
  const { setScrollElement, onScroll, following, jumpToLatest } = useFollowLatest<HTMLDivElement>();
  return (
    <>
      <div
        ref={setScrollElement}
        onScroll={onScroll}
        className="lgr-messages__viewport"
        role="region"
        aria-label={label}
        // A keyboard must be able to scroll it (axe scrollable-region-focusable).
        tabIndex={0}
        data-following={following ? "true" : "false"}
      >
        {children}
      </div>
      {!following && (
        <button type="button" className="lgr-messages__jump" onClick={jumpToLatest}>
          <span aria-hidden="true">↓</span> {jumpLabel}
        </button>
      )}
    </>
  );
}

function MessageList({
  state,
  label,
  renderMessage,
}: {
  state: MessageStreamState;
  label: string;
  renderMessage: MessageStreamProps["renderMessage"];
}) {
  const errorsAfter = groupTurnErrors(state.turnErrors, state.items);
  const renderItem = (item: MessageItem) => {
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
  };
  return (
    <ol className="lgr-messages__list" aria-label={label}>
      <TurnErrors errors={errorsAfter.get(null)} />
      {state.items.map((item) => (
        <Fragment key={item.key}>
          {renderItem(item)}
          <TurnErrors errors={errorsAfter.get(item.message.id)} />
        </Fragment>
      ))}
      {state.awaitingReply && (
        <li className="lgr-messages__item" data-type="ai" data-pending="true">
          <div className="lgr-message" data-type="ai" data-pending="true">
            <MessageHeader role="ai" label="Assistant" streaming />
            <p className="lgr-message__waiting">Waiting for a reply…</p>
          </div>
        </li>
      )}
    </ol>
  );
}

/**
 * Errors by the message they follow (`null`: before every message). An error whose message is
 * gone (removed by the graph) goes after the last one.
 */
function groupTurnErrors(
  errors: readonly TurnError[],
  items: readonly MessageItem[],
): Map<string | null, TurnError[]> {
  const groups = new Map<string | null, TurnError[]>();
  if (errors.length === 0) return groups;
  const shown = new Set(items.map((item) => item.message.id));
  const lastId = items.at(-1)?.message.id ?? null;
  for (const turnError of errors) {
    const anchor =
      turnError.afterMessageId === null || shown.has(turnError.afterMessageId)
        ? turnError.afterMessageId
        : lastId;
    groups.set(anchor, [...(groups.get(anchor) ?? []), turnError]);
  }
  return groups;
}

/** A failed run's error, in the transcript beside its turn (text only). */
function TurnErrors({ errors }: { errors: TurnError[] | undefined }) {
  if (!errors) return null;
  return errors.map((turnError, position) => (
    <li
      key={`${turnError.runId ?? "refused"}:${position}`}
      className="lgr-messages__item"
      data-type="error"
    >
      <div className="lgr-turn-error" role="alert" data-kind={turnError.error.kind}>
        <strong>{turnError.error.kind === "stream" ? "The run failed" : "Error"}:</strong>{" "}
        {turnError.error.message}
      </div>
    </li>
  ));
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
  if (item.malformed !== undefined) {
    return <MalformedItem raw={message} reason={item.malformed} />;
  }
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
            <MessageText part={part} />
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
