"use client";
import type { RunRef } from "../../store/RunHandle";
import { useRunHandle } from "../../hooks/RunScope";
import { useState } from "react";
import type { ConnectionState, SessionConnection } from "../../store/RunSession";
import { useOnline } from "./useOnline";
import { useSecondsUntil } from "./useSecondsUntil";
import type { StatusTone } from "../RunStatusBadge/runStatusBadgeInfo";
import type { StatusIconName } from "../RunStatusBadge/StatusIcon";
import { useOptionalRunSession } from "../../hooks/useOptionalRunSession";
import { CONNECTION_STATUS_INFO } from "./connectionStatusInfo";

/** A stream connection as the stream buffer holds it. */
export type ConnectionInfo = SessionConnection;

export interface UseConnectionStatusOptions {
  /** The connection to show, controlled (the run's is not read). */
  connection?: ConnectionInfo;
  /** The run handle whose connection to follow (default: the `<RunScope>`'s). */
  run?: RunRef | null;
  /**
   * Replace some labels; `{attempt}` is replaced by the attempt number and `{seconds}` (in
   * `retryIn`) by the seconds until the next attempt.
   */
  labels?: Partial<Record<ConnectionLabel, string>>;
  /**
   * Announce a dropped connection (each reconnect attempt), its return, and a failure, politely
   * (default true). Normal states (connecting, connected, closed) are never announced.
   */
  announce?: boolean;
}

/** The texts of the indicator: one per state, the return, the countdown, and offline. */
export type ConnectionLabel = ConnectionState | "reconnected" | "retryIn" | "offline";

/** What a connection change is worth announcing as: a drop, its return, or a failure. */
export type ConnectionAnnouncement = "reconnecting" | "reconnected" | "failed";

export interface ConnectionStatusState {
  state: ConnectionState;
  attempt: number;
  label: string;
  /**
   * Something is wrong that the user should see: reconnecting, failed, or the browser offline.
   * Connecting, connected, closed and idle are normal and need no indicator.
   */
  abnormal: boolean;
  /** The browser reports no network (`navigator.onLine` false). */
  offline: boolean;
  /** While reconnecting: "Next try in 3 s" (counting down), else "". */
  detail: string;
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
    "data-abnormal": "true" | "false";
    "data-offline"?: "true";
    "data-attempt"?: string;
  };
}

const stateOf = (s: { connection: ConnectionInfo } | undefined) => s?.connection.state ?? "idle";
const attemptOf = (s: { connection: ConnectionInfo } | undefined) => s?.connection.attempt ?? 0;
const retryAtOf = (s: { connection: ConnectionInfo } | undefined) => s?.connection.retryAt;

const RETRY_IN_LABEL = "Next try in {seconds} s";
const OFFLINE_LABEL = "Offline: waiting for the network";

/**
 * The behaviour of a connection indicator, for your own markup: the state's label, icon and
 * tone, and an announcement of drops, re-joins and failures (never of normal states).
 *
 * @example
 * const connection = useConnectionStatus({ run: chat });
 * <span {...connection.rootProps}>{connection.label}</span>
 * <span className="lgr-visually-hidden" role="status">{connection.announcement}</span>
 */
export function useConnectionStatus({
  connection,
  run: runProp,
  labels,
  announce = true,
}: UseConnectionStatusOptions = {}): ConnectionStatusState {
  const run = useRunHandle(runProp);
  const followed = connection ? null : run;
  const sessionState = useOptionalRunSession(followed, stateOf);
  const sessionAttempt = useOptionalRunSession(followed, attemptOf);
  const sessionRetryAt = useOptionalRunSession(followed, retryAtOf);
  const state = connection?.state ?? sessionState;
  const attempt = connection?.attempt ?? sessionAttempt;
  const retryAt = connection ? connection.retryAt : sessionRetryAt;
  const seconds = useSecondsUntil(state === "reconnecting" ? retryAt : undefined);
  const offline = !useOnline();
  const info = CONNECTION_STATUS_INFO[state] ?? CONNECTION_STATUS_INFO.idle;
  const format = (text: string) =>
    text.replaceAll("{attempt}", String(attempt)).replaceAll("{seconds}", String(seconds ?? 0));
  const label = offline
    ? (labels?.offline ?? OFFLINE_LABEL)
    : format(labels?.[state] ?? info.label);
  const detail = seconds === null ? "" : format(labels?.retryIn ?? RETRY_IN_LABEL);
  const abnormal = offline || state === "reconnecting" || state === "failed";
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
    abnormal,
    offline,
    detail,
    announcement,
    icon: offline ? "unplugged" : info.icon,
    tone: offline ? "warning" : info.tone,
    rootProps: {
      "data-state": state,
      "data-tone": offline ? "warning" : info.tone,
      "data-abnormal": abnormal ? "true" : "false",
      ...(offline ? { "data-offline": "true" as const } : {}),
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
