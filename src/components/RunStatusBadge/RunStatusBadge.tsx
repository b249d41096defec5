"use client";
import { StatusIcon } from "./StatusIcon";
import { useRunStatusBadge, type UseRunStatusBadgeOptions } from "./useRunStatusBadge";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";

export interface RunStatusBadgeProps extends UseRunStatusBadgeOptions {
  className?: string;
  /** Read before the label by screen readers only, e.g. "Run status:" (default none). */
  srPrefix?: string;
}

/**
 * A run's status as text plus an icon (never colour alone): the six server statuses and the
 * client states `starting`, `reconnecting` and `cancelling`. Give a `status`, or a `runKey` to
 * follow a run in the stream buffer (needs a `RunsProvider`). Styled by `.lgr-badge` and
 * `[data-status]` / `[data-tone]` in styles/status.css.
 *
 * @example
 * <RunStatusBadge status="running" />
 * <RunStatusBadge runKey={stream.key} announce srPrefix="Run status:" />
 */
export function RunStatusBadge(props: RunStatusBadgeProps) {
  return (
    <ComponentErrorBoundary component="RunStatusBadge">
      <RunStatusBadgeContent {...props} />
    </ComponentErrorBoundary>
  );
}

function RunStatusBadgeContent({ className, srPrefix, ...options }: RunStatusBadgeProps) {
  const badge = useRunStatusBadge(options);
  return (
    <span className={className ? `lgr-badge ${className}` : "lgr-badge"} {...badge.rootProps}>
      <StatusIcon name={badge.icon} />
      {srPrefix ? <span className="lgr-visually-hidden">{srPrefix} </span> : null}
      <span className="lgr-badge__label">{badge.label}</span>
    </span>
  );
}
