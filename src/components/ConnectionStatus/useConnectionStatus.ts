"use client";
import type { ConnectionState } from "../../store/RunSession";
import type { StatusTone } from "../RunStatusBadge/runStatusBadgeInfo";
import type { StatusIconName } from "../RunStatusBadge/StatusIcon";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import { CONNECTION_STATUS_INFO } from "./connectionStatusInfo";

/** A stream connection as the stream buffer holds it. */
export interface ConnectionInfo {
  state: ConnectionState;
  /** The reconnect attempt (1 for the first re-join), 0 otherwise. */
  attempt: number;
}

export interface UseConnectionStatusOptions {
  /** The connection to show. Wins over `runKey`. */
  connection?: ConnectionInfo;
  /** A stream-buffer session key (`useRunStream().key`) whose connection to follow. */
  runKey?: string | null;
  /** Replace some labels; `{attempt}` is replaced by the attempt number. */
  labels?: Partial<Record<ConnectionState, string>>;
  /** Make the indicator a polite live region, so changes are announced. */
  announce?: boolean;
}

export interface ConnectionStatusState {
  state: ConnectionState;
  attempt: number;
  label: string;
  icon: StatusIconName;
  tone: StatusTone;
  rootProps: {
    "data-state": ConnectionState;
    "data-tone": StatusTone;
    "data-attempt"?: string;
    role?: "status";
    "aria-live"?: "polite";
    "aria-atomic"?: "true";
  };
}

const stateOf = (s: { connection: ConnectionInfo } | undefined) => s?.connection.state ?? "idle";
const attemptOf = (s: { connection: ConnectionInfo } | undefined) => s?.connection.attempt ?? 0;

/**
 * The behaviour of a connection indicator, for your own markup.
 *
 * @example
 * const connection = useConnectionStatus({ runKey: stream.key });
 * <span {...connection.rootProps}>{connection.label}</span>
 */
export function useConnectionStatus({
  connection,
  runKey,
  labels,
  announce = false,
}: UseConnectionStatusOptions = {}): ConnectionStatusState {
  const key = connection ? null : runKey;
  const sessionState = useOptionalRunSession(key, stateOf);
  const sessionAttempt = useOptionalRunSession(key, attemptOf);
  const state = connection?.state ?? sessionState;
  const attempt = connection?.attempt ?? sessionAttempt;
  const info = CONNECTION_STATUS_INFO[state] ?? CONNECTION_STATUS_INFO.idle;
  const label = (labels?.[state] ?? info.label).replaceAll("{attempt}", String(attempt));
  return {
    state,
    attempt,
    label,
    icon: info.icon,
    tone: info.tone,
    rootProps: {
      "data-state": state,
      "data-tone": info.tone,
      ...(state === "reconnecting" ? { "data-attempt": String(attempt) } : {}),
      ...(announce ? { role: "status", "aria-live": "polite", "aria-atomic": "true" } : {}),
    },
  };
}
