"use client";
import { Fragment, memo, useMemo, type ReactNode } from "react";
import type { Message } from "../../store/messages/Message";
import type { TurnError } from "../../store/RunSession";
import type { MessageItem } from "./buildMessageItems";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { Icon } from "../icons/Icon";
import { withClassName, type RootProps } from "../RootProps";
import { MessageTime } from "./MessageTime";
import { MessageView } from "./MessageView";
import type { RenderText } from "./RenderText";
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
   * wrap it). Return `null` to hide a message. A message renders again only when it changes (or
   * this function does: keep it stable, e.g. with `useCallback`, if its parent re-renders often).
   *
   * @example renderMessage={(m, render) => (m.type === "system" ? null : render())}
   */
  renderMessage?: (
    message: Message,
    defaultRender: () => ReactNode,
    item: MessageItem,
  ) => ReactNode;
  /**
   * Actions under each message (copy, regenerate, edit…), at a fixed place below it beside its
   * time. They render apart from the message's text: a finished message's actions render again
   * only when this function changes (keep it stable, e.g. with `useCallback`), not as tokens
   * arrive for another message.
   *
   * @example renderActions={(message) => <MessageActions message={message} />}
   */
  renderActions?: (message: Message, item: MessageItem) => ReactNode;
  /**
   * Renders the assistant's text (default: plain text). Give it a markdown renderer; keep it
   * stable (a module-level function or `useCallback`): a finished message renders again only
   * when it changes. `streaming` is true while this text still grows. Return an element; the
   * function itself must not call hooks.
   *
   * @example
   * import { Markdown } from "langgraph-runs-react/markdown";
   * const asMarkdown: RenderText = (text, { streaming }) => <Markdown streaming={streaming}>{text}</Markdown>;
   * <MessageStream run={chat} renderText={asMarkdown} />
   */
  renderText?: RenderText;
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

/**
 * Assembled messages as they stream: the user's as bubbles, the assistant's as prose, tool calls
 * collapsed with a status chip (arguments and result on demand), reasoning as a collapsed
 * "Thinking" section, images from safe addresses, a cursor on the reply in progress, the time on
 * hover where it is known, and "Stopped" after a cancelled turn. Content is always text (or what
 * `renderMessage` returns), never raw HTML. A polite live region announces each completed
 * message (not each token). With `followLatest` it is its own scroll area that follows the
 * newest message until the reader scrolls up.
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
  renderActions,
  renderText,
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
        <MessageList
          state={state}
          label={label}
          renderMessage={renderMessage}
          renderActions={renderActions}
          renderText={renderText}
        />
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
        <button
          type="button"
          className="lgr-button lgr-messages__jump"
          data-variant="primary"
          onClick={jumpToLatest}
        >
          <Icon name="arrow-down" /> {jumpLabel}
        </button>
      )}
    </>
  );
}

function MessageList({
  state,
  label,
  renderMessage,
  renderActions,
  renderText,
}: {
  state: MessageStreamState;
  label: string;
  renderMessage: MessageStreamProps["renderMessage"];
  renderActions: MessageStreamProps["renderActions"];
  renderText: RenderText | undefined;
}) {
  const errorsAfter = groupTurnErrors(state.turnErrors, state.items);
  return (
    <ol className="lgr-messages__list" aria-label={label}>
      <TurnErrors errors={errorsAfter.get(null)} />
      {state.items.map((item) => (
        <Fragment key={item.key}>
          <MessageRow
            item={item}
            // Only a call still waiting for its result changes when the run ends.
            running={state.isStreaming && item.toolCalls.some((call) => !call.result)}
            renderMessage={renderMessage}
            renderActions={renderActions}
            renderText={renderText}
          />
          {state.stoppedAfter.has(item.key) && (
            <li className="lgr-messages__item" data-type="stopped">
              <p className="lgr-message__stopped">
                <Icon name="stop" />
                Stopped
              </p>
            </li>
          )}
          <TurnErrors errors={errorsAfter.get(item.message.id)} />
        </Fragment>
      ))}
      {state.awaitingReply && (
        <li className="lgr-messages__item" data-type="ai" data-pending="true">
          <div className="lgr-message" data-type="ai" data-pending="true">
            <p className="lgr-message__waiting">
              <Icon name="spinner" />
              Waiting for a reply…
            </p>
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
 * One list item: the message (default markup or `renderMessage`'s), then its footer with the
 * actions and the time. Memoized, like the view inside: an unchanged message costs no render.
 */
const MessageRow = /* @__PURE__ */ memo(function MessageRow({
  item,
  running,
  renderMessage,
  renderActions,
  renderText,
}: {
  item: MessageItem;
  running: boolean;
  renderMessage: MessageStreamProps["renderMessage"];
  renderActions: MessageStreamProps["renderActions"];
  renderText: RenderText | undefined;
}) {
  // The same element while the message is unchanged: new actions do not render the text again.
  const content = useMemo(() => {
    const view = <MessageView item={item} running={running} renderText={renderText} />;
    return renderMessage ? renderMessage(item.message, () => view, item) : view;
  }, [item, running, renderMessage, renderText]);
  if (content === null || content === undefined || content === false) return null;
  const hasFooter = renderActions !== undefined || item.time !== undefined;
  return (
    <li
      className="lgr-messages__item"
      data-type={item.role}
      data-streaming={item.streaming ? "true" : "false"}
    >
      {content}
      {hasFooter && (
        <div className="lgr-message__footer">
          {renderActions && <MessageActionsSlot item={item} renderActions={renderActions} />}
          {item.time !== undefined && <MessageTime time={item.time} />}
        </div>
      )}
    </li>
  );
});

/**
 * The actions of a message, apart from its text: new actions (a new `renderActions`) render
 * without rendering the text again, and a finished message's actions do not render for tokens.
 */
const MessageActionsSlot = /* @__PURE__ */ memo(function MessageActionsSlot({
  item,
  renderActions,
}: {
  item: MessageItem;
  renderActions: NonNullable<MessageStreamProps["renderActions"]>;
}) {
  return <div className="lgr-message__actions">{renderActions(item.message, item)}</div>;
});
