import type { SessionStatus } from "../../store/RunSession";
import type { StatusIconName } from "./StatusIcon";

/** What a badge can show: a session status, or a client state layered over it. */
export type BadgeStatus = SessionStatus | "reconnecting" | "cancelling";

/** The colour family of a state (always paired with an icon and a label). */
export type StatusTone = "neutral" | "info" | "success" | "danger" | "warning" | "interrupted";

export interface BadgeStatusInfo {
  label: string;
  icon: StatusIconName;
  tone: StatusTone;
  /** The run can still change (starting, pending, running, reconnecting, cancelling). */
  active: boolean;
}

/** Label, icon and tone of every badge status (override labels with the `labels` option). */
export const RUN_STATUS_BADGE_INFO: Readonly<Record<BadgeStatus, BadgeStatusInfo>> = {
  idle: { label: "Idle", icon: "idle", tone: "neutral", active: false },
  starting: { label: "Starting…", icon: "spinner", tone: "info", active: true },
  pending: { label: "Pending", icon: "pending", tone: "neutral", active: true },
  running: { label: "Running", icon: "spinner", tone: "info", active: true },
  success: { label: "Success", icon: "check", tone: "success", active: false },
  error: { label: "Error", icon: "cross", tone: "danger", active: false },
  timeout: { label: "Timed out", icon: "hourglass", tone: "warning", active: false },
  interrupted: { label: "Interrupted", icon: "pause", tone: "interrupted", active: false },
  reconnecting: { label: "Reconnecting…", icon: "reconnect", tone: "warning", active: true },
  cancelling: { label: "Cancelling…", icon: "stop", tone: "warning", active: true },
};
