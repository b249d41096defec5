import type { ConnectionState } from "../../store/RunSession";
import type { StatusTone } from "../RunStatusBadge/runStatusBadgeInfo";
import type { StatusIconName } from "../RunStatusBadge/StatusIcon";

export interface ConnectionStateInfo {
  /** The label; `{attempt}` is replaced by the reconnect attempt. */
  label: string;
  icon: StatusIconName;
  tone: StatusTone;
}

/** Label, icon and tone of every connection state (override labels with the `labels` option). */
export const CONNECTION_STATUS_INFO: Readonly<Record<ConnectionState, ConnectionStateInfo>> = {
  idle: { label: "Not connected", icon: "unplugged", tone: "neutral" },
  connecting: { label: "Connecting…", icon: "spinner", tone: "info" },
  open: { label: "Connected", icon: "plug", tone: "success" },
  reconnecting: { label: "Reconnecting (attempt {attempt})…", icon: "reconnect", tone: "warning" },
  closed: { label: "Closed", icon: "unplugged", tone: "neutral" },
  failed: { label: "Connection failed", icon: "alert", tone: "danger" },
};
