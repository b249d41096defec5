"use client";
import { StatusIcon } from "../RunStatusBadge/StatusIcon";
import { useConnectionStatus, type UseConnectionStatusOptions } from "./useConnectionStatus";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName, type RootProps } from "../RootProps";

export type ConnectionStatusProps = RootProps<
  "span",
  UseConnectionStatusOptions & {
    /** Read before the label by screen readers only (default "Stream:"). Empty string: none. */
    srPrefix?: string;
    /**
     * `"abnormal"` (default): visible only while something is wrong (reconnecting, with the next
     * try's countdown; failed; offline), as a banner. `"always"`: a status pill in every state,
     * for dashboards. Announcements are the same either way.
     */
    show?: "abnormal" | "always";
  }
>;

/**
 * A stream's connection, shown only when something is wrong: "Reconnecting (attempt 2)… Next
 * try in 3 s", "Connection failed", "Offline". Normal states (connecting, connected, closed)
 * show nothing (`show="always"` makes it a pill in every state). Drops, re-joins and failures are
 * announced politely (`announce={false}` turns that off); normal states are not. Give a
 * `connection`, or a `run` (default: the `<RunScope>`'s; needs a `RunsProvider`). Styled by
 * `.lgr-connection` in styles/status.css.
 *
 * @example
 * <ConnectionStatus run={chat} />
 * <ConnectionStatus connection={{ state: "reconnecting", attempt: 2, retryAt: Date.now() + 3000 }} />
 */
export function ConnectionStatus(props: ConnectionStatusProps) {
  return (
    <ComponentErrorBoundary component="ConnectionStatus">
      <ConnectionStatusContent {...props} />
    </ComponentErrorBoundary>
  );
}

function ConnectionStatusContent({
  className,
  srPrefix = "Stream:",
  show = "abnormal",
  connection,
  run,
  labels,
  announce,
  ...rest
}: ConnectionStatusProps) {
  const status = useConnectionStatus({ connection, run, labels, announce });
  const visible = show === "always" || status.abnormal;
  return (
    <span
      {...rest}
      className={withClassName("lgr-connection", className)}
      data-show={show}
      {...status.rootProps}
    >
      {visible ? (
        <>
          <StatusIcon name={status.icon} />
          {srPrefix ? <span className="lgr-visually-hidden">{srPrefix} </span> : null}
          <span className="lgr-connection__label">{status.label}</span>
          {status.detail ? <span className="lgr-connection__detail">{status.detail}</span> : null}
        </>
      ) : null}
      {announce !== false && (
        <span className="lgr-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {status.announcement ? `${srPrefix} ${status.announcement}`.trim() : ""}
        </span>
      )}
    </span>
  );
}
