"use client";
import { useState } from "react";
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
  labels?: Partial<Record<ConnectionState | "reconnected", string>>;
  /**
   * Announce a dropped connection (each reconnect attempt), its return, and a failure, politely
   * (default true). Normal states (connecting, connected, closed) are never announced.
   */
  announce?: boolean;
}

/** What a connection change is worth announcing as: a drop, its return, or a failure. */
export type ConnectionAnnouncement = "reconnecting" | "reconnected" | "failed";

export interface ConnectionStatusState {
  state: ConnectionState;
  attempt: number;
  label: string;
  icon: StatusIconName;
  tone: StatusTone;
  /**
   * Text for a polite live region: the latest drop ("Reconnecting (attempt 2)…"), its return
   * ("Reconnected") or failure; "" in normal states and with `announce: false`.
   */
  announcement: string;
  rootProps: {
    "data-state": ConnectionState;
    "data-tone": StatusTone;
    "data-attempt"?: string;
  };
}

const stateOf = (s: { connection: ConnectionInfo } | undefined) => s?.connection.state ?? "idle";
const attemptOf = (s: { connection: ConnectionInfo } | undefined) => s?.connection.attempt ?? 0;

/**
 * The behaviour of a connection indicator, for your own markup: the state's label, icon and
 * tone, and an announcement of drops, re-joins and failures (never of normal states).
 *
 * @example
 * const connection = useConnectionStatus({ runKey: stream.key });
 * <span {...connection.rootProps}>{connection.label}</span>
 * <span className="lgr-visually-hidden" role="status">{connection.announcement}</span>
 */
export function useConnectionStatus({
  connection,
  runKey,
  labels,
  announce = true,
}: UseConnectionStatusOptions = {}): ConnectionStatusState {
  const key = connection ? null : runKey;
  const sessionState = useOptionalRunSession(key, stateOf);
  const sessionAttempt = useOptionalRunSession(key, attemptOf);
  const state = connection?.state ?? sessionState;
  const attempt = connection?.attempt ?? sessionAttempt;
  const info = CONNECTION_STATUS_INFO[state] ?? CONNECTION_STATUS_INFO.idle;
  const format = (text: string) => text.replaceAll("{attempt}", String(attempt));
  const label = format(labels?.[state] ?? info.label);
  const kind = useAnnouncementKind(state, attempt);
  const announcement =
    !announce || kind === null
      ? ""
      : kind === "reconnected"
        ? format(labels?.reconnected ?? RECONNECTED_LABEL)
        : format(labels?.[kind] ?? CONNECTION_STATUS_INFO[kind].label);
  return {
    state,
    attempt,
    label,
    announcement,
    icon: info.icon,
    tone: info.tone,
    rootProps: {
      "data-state": state,
      "data-tone": info.tone,
      ...(state === "reconnecting" ? { "data-attempt": String(attempt) } : {}),
    },
  };
}

const RECONNECTED_LABEL = "Reconnected";

/** What was announced last, and whether the connection dropped and has not come back yet. */
interface Seen {
  state: ConnectionState;
  attempt: number;
  kind: ConnectionAnnouncement | null;
  dropped: boolean;
}

/**
 * What the latest change of the connection is worth announcing: a drop (every attempt), a
 * failure, the stream back after either (open; or closed because the run ended while
 * re-joining); nothing for normal states.
 */
function useAnnouncementKind(
  state: ConnectionState,
  attempt: number,
): ConnectionAnnouncement | null {
  const [seen, setSeen] = useState<Seen>(() => next(undefined, state, attempt));
  if (seen.state !== state || seen.attempt !== attempt) {
    // State from the previous render, updated during render (React's documented pattern).
    const now = next(seen, state, attempt);
    setSeen(now);
    return now.kind;
  }
  return seen.kind;
}

function next(before: Seen | undefined, state: ConnectionState, attempt: number): Seen {
  const seen = (kind: ConnectionAnnouncement | null, dropped: boolean) => ({
    state,
    attempt,
    kind,
    dropped,
  });
  if (state === "reconnecting" || state === "failed") return seen(state, true);
  const back =
    (state === "open" && before?.dropped) ||
    (state === "closed" && before?.state === "reconnecting");
  if (back) return seen("reconnected", false);
  // Connecting again after a drop (a manual re-join): the drop is still to be made good.
  return seen(null, state === "connecting" && before?.dropped === true);
}
