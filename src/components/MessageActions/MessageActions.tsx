"use client";
import { useId } from "react";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName, type RootProps } from "../RootProps";
import { Icon, type IconName } from "../icons/Icon";
import {
  useMessageActionBar,
  type MessageActionBar,
  type UseMessageActionBarOptions,
} from "./useMessageActionBar";

export type MessageActionsProps = RootProps<"div", UseMessageActionBarOptions>;

/**
 * One message's actions: Copy; Regenerate reply on an AI message; Edit message on a human one
 * (an inline form: Send resends the edited text, Cancel or Escape closes it); and where the
 * message has other versions, the branch picker `‹ 2/3 ›` (a group named "Branch 2 of 3"
 * with Previous/Next branch buttons). Regenerate and edit fork the thread from the message's
 * parent checkpoint (`checkpoint` on the run); versions come from the thread's history, loaded
 * again after each run. They wait while a run goes. Takes `run` (default: the `<RunScope>`'s)
 * inside a `RunsProvider`; `branch` makes the versions controlled (static rendering). Behaviour:
 * `useMessageActions`. Styled by `.lgr-message-actions` in styles/actions.css. Other props
 * (`id`, `aria-*`, `data-*`, `style`, `ref`) go to the root `<div>`.
 *
 * Under each message of a `MessageStream`, through its `renderActions` slot (keep the function
 * stable: it is what makes a message's actions render again), or inside `renderMessage`:
 *
 * @example
 * const renderActions = (message: Message) =>
 *   message.type === "human" || message.type === "ai" ? <MessageActions message={message} /> : null;
 * <RunScope run={chat}>
 *   <MessageStream renderActions={renderActions} />
 * </RunScope>
 */
export function MessageActions(props: MessageActionsProps) {
  return (
    <ComponentErrorBoundary component="MessageActions">
      <MessageActionsContent {...props} />
    </ComponentErrorBoundary>
  );
}

function MessageActionsContent({
  className,
  message,
  run,
  branch,
  labels,
  limit,
  enabled,
  toInput,
  submitOptions,
  ...rest
}: MessageActionsProps) {
  const bar = useMessageActionBar({
    message,
    run,
    branch,
    labels,
    limit,
    enabled,
    toInput,
    submitOptions,
  });
  return (
    <div
      role="group"
      aria-label={bar.labels.actions}
      {...rest}
      className={withClassName("lgr-message-actions", className)}
      data-kind={bar.kind}
      data-editing={bar.editing ? "true" : undefined}
    >
      {bar.editing ? <EditForm bar={bar} /> : <Buttons bar={bar} />}
    </div>
  );
}

function Buttons({ bar }: { bar: MessageActionBar }) {
  const { labels, branch, setEditButton, copyState } = bar;
  const count = branch?.branches.length ?? 0;
  return (
    <>
      {branch && count > 1 ? (
        <div
          role="group"
          className="lgr-message-actions__branches"
          aria-label={labels.branch(branch.index + 1, count)}
        >
          <IconButton
            icon="chevron-left"
            label={labels.previous}
            enabled={bar.canSwitch && branch.index > 0}
            onClick={() => bar.showBranch(branch.index - 1)}
          />
          <span aria-hidden="true">{labels.position(branch.index + 1, count)}</span>
          <IconButton
            icon="chevron-right"
            label={labels.next}
            enabled={bar.canSwitch && branch.index < count - 1}
            onClick={() => bar.showBranch(branch.index + 1)}
          />
        </div>
      ) : null}
      <IconButton
        icon={copyState === "copied" ? "check" : "copy"}
        label={labels.copy}
        enabled
        onClick={bar.copy}
      />
      {bar.kind === "ai" ? (
        <IconButton
          icon="refresh"
          label={labels.regenerate}
          enabled={bar.canFork}
          onClick={bar.regenerate}
        />
      ) : null}
      {bar.kind === "human" ? (
        <IconButton
          ref={setEditButton}
          icon="pencil"
          label={labels.edit}
          enabled={bar.canFork}
          onClick={bar.startEdit}
        />
      ) : null}
      {/* Always there, so the copy is announced when it happens. */}
      <span className="lgr-message-actions__status" role="status">
        {copyState === "copied" ? labels.copied : copyState === "failed" ? labels.copyFailed : ""}
      </span>
    </>
  );
}

/**
 * An icon button named by `label` (also its tooltip). Unavailable is `aria-disabled`, not
 * `disabled`: a button that a run start makes unavailable keeps the keyboard focus.
 */
function IconButton({
  icon,
  label,
  enabled,
  onClick,
  ref,
}: {
  icon: IconName;
  label: string;
  enabled: boolean;
  onClick: () => void;
  ref?: MessageActionBar["setEditButton"];
}) {
  return (
    <button
      ref={ref}
      type="button"
      className="lgr-message-actions__button"
      aria-label={label}
      title={label}
      aria-disabled={enabled ? undefined : "true"}
      onClick={enabled ? onClick : undefined}
    >
      <Icon name={icon} />
    </button>
  );
}

function EditForm({ bar }: { bar: MessageActionBar }) {
  const inputId = useId();
  const { labels } = bar;
  return (
    <form className="lgr-message-actions__edit" {...bar.formProps}>
      <label className="lgr-visually-hidden" htmlFor={inputId}>
        {labels.editInput}
      </label>
      <textarea
        id={inputId}
        className="lgr-message-actions__input"
        rows={3}
        {...bar.textareaProps}
      />
      <div className="lgr-message-actions__edit-buttons">
        <button type="button" className="lgr-button" data-size="small" onClick={bar.cancelEdit}>
          {labels.cancel}
        </button>
        <button
          type="submit"
          className="lgr-button"
          data-size="small"
          data-variant="primary"
          aria-disabled={bar.canSend ? undefined : "true"}
        >
          {labels.send}
        </button>
      </div>
    </form>
  );
}
