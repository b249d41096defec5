"use client";
import { badgeStatusOf } from "./badgeStatusOf";
import { RUN_STATUS_BADGE_INFO, type BadgeStatus, type StatusTone } from "./runStatusBadgeInfo";
import type { StatusIconName } from "./StatusIcon";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";

export interface UseRunStatusBadgeOptions {
  /** The status to show. Wins over `runKey`. */
  status?: BadgeStatus;
  /**
   * A stream-buffer session key (`useRunStream().key`): the badge follows that run, showing
   * `cancelling` while a cancel is pending and `reconnecting` while the stream re-joins.
   */
  runKey?: string | null;
  /** Replace some labels, e.g. `{ success: "Done" }`. */
  labels?: Partial<Record<BadgeStatus, string>>;
  /** Make the badge a polite live region, so status changes are announced. */
  announce?: boolean;
}

export interface RunStatusBadgeState {
  status: BadgeStatus;
  label: string;
  icon: StatusIconName;
  tone: StatusTone;
  active: boolean;
  /** Spread on the root element: state attributes and, with `announce`, the live region. */
  rootProps: {
    "data-status": BadgeStatus;
    "data-tone": StatusTone;
    "data-active": "true" | "false";
    role?: "status";
    "aria-live"?: "polite";
    "aria-atomic"?: "true";
  };
}

/**
 * The behaviour of a run status badge, for your own markup: which label, icon and tone to show,
 * and the attributes of the root element.
 *
 * @example
 * const badge = useRunStatusBadge({ runKey: stream.key, announce: true });
 * <span {...badge.rootProps}>{badge.label}</span>
 */
export function useRunStatusBadge({
  status,
  runKey,
  labels,
  announce = false,
}: UseRunStatusBadgeOptions = {}): RunStatusBadgeState {
  const fromSession = useOptionalRunSession(status === undefined ? runKey : null, badgeStatusOf);
  const shown = status ?? fromSession;
  const info = RUN_STATUS_BADGE_INFO[shown] ?? RUN_STATUS_BADGE_INFO.idle;
  return {
    status: shown,
    label: labels?.[shown] ?? info.label,
    icon: info.icon,
    tone: info.tone,
    active: info.active,
    rootProps: {
      "data-status": shown,
      "data-tone": info.tone,
      "data-active": info.active ? "true" : "false",
      ...(announce ? { role: "status", "aria-live": "polite", "aria-atomic": "true" } : {}),
    },
  };
}
