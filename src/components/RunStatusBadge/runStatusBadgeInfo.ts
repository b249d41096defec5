import type { RunDisplayStatus } from "../../store/runDisplayStatus";
import type { SessionStatus } from "../../store/RunSession";
import type { StatusIconName } from "./StatusIcon";

/**
 * What a badge can be given: a display status, or a raw session/server status (`interrupted` is
 * shown as "Stopped").
 */
export type BadgeStatus = RunDisplayStatus | SessionStatus;

/** The colour family of a state (always paired with an icon and a label). */
export type StatusTone =
  | "neutral"
  | "info"
  | "success"
  | "danger"
  | "warning"
  | "interrupted"
  | "queued"
  | "overdue"
  | "stopping";

export interface BadgeStatusInfo {
  label: string;
  icon: StatusIconName;
  tone: StatusTone;
  /** The run can still change (starting, pending, running, reconnecting, cancelling). */
  active: boolean;
}

/** Label, icon and tone of every display status (override labels with the `labels` option). */
export const RUN_STATUS_BADGE_INFO: Readonly<Record<RunDisplayStatus, BadgeStatusInfo>> = {
  idle: { label: "Idle", icon: "idle", tone: "neutral", active: false },
  starting: { label: "Starting…", icon: "spinner", tone: "queued", active: true },
  pending: { label: "Pending", icon: "pending", tone: "neutral", active: true },
  running: { label: "Running", icon: "spinner", tone: "info", active: true },
  "needs-input": { label: "Needs input", icon: "pause", tone: "interrupted", active: false },
  success: { label: "Success", icon: "check", tone: "success", active: false },
  error: { label: "Error", icon: "cross", tone: "danger", active: false },
  timeout: { label: "Timed out", icon: "hourglass", tone: "overdue", active: false },
  stopped: { label: "Stopped", icon: "stop", tone: "neutral", active: false },
  reconnecting: { label: "Reconnecting…", icon: "reconnect", tone: "warning", active: true },
  cancelling: { label: "Cancelling…", icon: "stop", tone: "stopping", active: true },
};

/**
 * The display status for what a badge was given: `interrupted` (a server status) is "stopped".
 *
 * @example toDisplayStatus("interrupted") // "stopped"
 */
export function toDisplayStatus(status: BadgeStatus): RunDisplayStatus {
  return status === "interrupted" ? "stopped" : status;
}
