"use client";
import { StatusIcon } from "./StatusIcon";
import { useRunStatusBadge, type UseRunStatusBadgeOptions } from "./useRunStatusBadge";
import { ComponentErrorBoundary } from "../ComponentErrorBoundary/ComponentErrorBoundary";
import { withClassName, type RootProps } from "../RootProps";

export type RunStatusBadgeProps = RootProps<
  "span",
  UseRunStatusBadgeOptions & {
    /** Read before the label by screen readers only, e.g. "Run status:" (default none). */
    srPrefix?: string;
  }
>;

/**
 * A run's status as text plus an icon (never colour alone): the six server statuses and the
 * client states `starting`, `reconnecting` and `cancelling`. Give a `status`, or a `run` to
 * follow a run in the stream buffer (needs a `RunsProvider`). Styled by `.lgr-badge` and
 * `[data-status]` / `[data-tone]` in styles/status.css.
 *
 * @example
 * <RunStatusBadge status="running" />
 * <RunStatusBadge run={chat} announce srPrefix="Run status:" />
 */
export function RunStatusBadge(props: RunStatusBadgeProps) {
  return (
    <ComponentErrorBoundary component="RunStatusBadge">
      <RunStatusBadgeContent {...props} />
    </ComponentErrorBoundary>
  );
}

function RunStatusBadgeContent({
  className,
  srPrefix,
  status,
  serverStatus,
  run,
  labels,
  announce,
  ...rest
}: RunStatusBadgeProps) {
  const badge = useRunStatusBadge({ status, serverStatus, run, labels, announce });
  return (
    <span {...rest} className={withClassName("lgr-badge", className)} {...badge.rootProps}>
      <StatusIcon name={badge.icon} />
      {srPrefix ? <span className="lgr-visually-hidden">{srPrefix} </span> : null}
      <span className="lgr-badge__label">{badge.label}</span>
    </span>
  );
}
