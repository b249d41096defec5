"use client";
import type { RunRef } from "../../store/RunHandle";
import { useRunHandle } from "../../hooks/RunScope";
import type { RunDisplayStatus } from "../../store/runDisplayStatus";
import type { SessionStatus } from "../../store/RunSession";
import { badgeStatusOf } from "./badgeStatusOf";
import {
  RUN_STATUS_BADGE_INFO,
  toDisplayStatus,
  type BadgeStatus,
  type StatusTone,
} from "./runStatusBadgeInfo";
import type { StatusIconName } from "./StatusIcon";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";

export interface UseRunStatusBadgeOptions {
  /**
   * The status to show: a display status (`needs-input`, `stopped`, …) or a raw server status
   * (`interrupted` shows "Stopped"), controlled: the run's is not read.
   */
  status?: BadgeStatus;
  /** The server's raw status, for `data-run-status` when `status` is a display status. */
  serverStatus?: SessionStatus;
  /**
   * The run handle (default: the `<RunScope>`'s): the badge follows that run, showing
   * `cancelling` while a cancel is pending and `reconnecting` while the stream re-joins.
   */
  run?: RunRef | null;
  /** Replace some labels, e.g. `{ success: "Done", "needs-input": "Waiting for you" }`. */
  labels?: Partial<Record<BadgeStatus, string>>;
  /** Make the badge a polite live region, so status changes are announced. */
  announce?: boolean;
}

export interface RunStatusBadgeState {
  /** The display status (one vocabulary: `needs-input`, `stopped`, …). */
  status: RunDisplayStatus;
  /** The raw session/server status behind it, when known (`interrupted`, `success`, …). */
  serverStatus: SessionStatus | undefined;
  label: string;
  icon: StatusIconName;
  tone: StatusTone;
  active: boolean;
  /** Spread on the root element: state attributes and, with `announce`, the live region. */
  rootProps: {
    "data-status": RunDisplayStatus;
    "data-run-status"?: SessionStatus;
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
 * const badge = useRunStatusBadge({ run: chat, announce: true });
 * <span {...badge.rootProps}>{badge.label}</span>
 */
export function useRunStatusBadge({
  status,
  serverStatus,
  run: runProp,
  labels,
  announce = false,
}: UseRunStatusBadgeOptions = {}): RunStatusBadgeState {
  const run = useRunHandle(runProp);
  const sessionKey = status === undefined ? run : null;
  const fromSession = useOptionalRunSession(sessionKey, badgeStatusOf);
  const sessionStatus = useOptionalRunSession(sessionKey, (session) => session?.status);
  const given = status ?? fromSession;
  const shown = toDisplayStatus(given);
  const raw = serverStatus ?? (status === undefined ? sessionStatus : rawOf(status));
  const info = RUN_STATUS_BADGE_INFO[shown] ?? RUN_STATUS_BADGE_INFO.idle;
  return {
    status: shown,
    serverStatus: raw,
    label: labels?.[shown] ?? labels?.[given] ?? info.label,
    icon: info.icon,
    tone: info.tone,
    active: info.active,
    rootProps: {
      "data-status": shown,
      ...(raw === undefined ? {} : { "data-run-status": raw }),
      "data-tone": info.tone,
      "data-active": info.active ? "true" : "false",
      ...(announce ? { role: "status", "aria-live": "polite", "aria-atomic": "true" } : {}),
    },
  };
}

const RAW_STATUSES: ReadonlySet<string> = new Set<SessionStatus>([
  "idle",
  "starting",
  "pending",
  "running",
  "success",
  "error",
  "timeout",
  "interrupted",
]);

/** The raw status a `status` prop names, if it is one (a display-only status is not). */
function rawOf(status: BadgeStatus): SessionStatus | undefined {
  return RAW_STATUSES.has(status) ? (status as SessionStatus) : undefined;
}
