"use client";
import { StatusIcon } from "../RunStatusBadge/StatusIcon";
import { useConnectionStatus, type UseConnectionStatusOptions } from "./useConnectionStatus";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";

export interface ConnectionStatusProps extends UseConnectionStatusOptions {
  className?: string;
  /** Read before the label by screen readers only (default "Stream:"). Empty string: none. */
  srPrefix?: string;
}

/**
 * A stream's connection state as text plus an icon: connecting, open, reconnecting (with the
 * attempt), closed, failed (idle before any stream). Give a `connection`, or a `runKey` to follow
 * a run's stream (needs a `RunsProvider`). Drops, re-joins and failures are announced politely
 * (`announce={false}` turns that off); normal states are not. Styled by `.lgr-connection` in
 * styles/status.css.
 *
 * @example
 * <ConnectionStatus runKey={stream.key} />
 * <ConnectionStatus connection={{ state: "reconnecting", attempt: 2 }} />
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
  ...options
}: ConnectionStatusProps) {
  const status = useConnectionStatus(options);
  return (
    <span
      className={className ? `lgr-connection ${className}` : "lgr-connection"}
      {...status.rootProps}
    >
      <StatusIcon name={status.icon} />
      {srPrefix ? <span className="lgr-visually-hidden">{srPrefix} </span> : null}
      <span className="lgr-connection__label">{status.label}</span>
      {options.announce !== false && (
        <span className="lgr-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {status.announcement ? `${srPrefix} ${status.announcement}`.trim() : ""}
        </span>
      )}
    </span>
  );
}
