import type { AnyRunSession } from "../../store/createStreamStore";
import type { BadgeStatus } from "./runStatusBadgeInfo";

/**
 * The status a session shows: `cancelling` and `reconnecting` layered over the run's status.
 *
 * @example badgeStatusOf(store.getSession(key)) // "reconnecting"
 */
export function badgeStatusOf(session: AnyRunSession | undefined): BadgeStatus {
  if (!session) return "idle";
  if (session.cancelling) return "cancelling";
  if (session.connection.state === "reconnecting") return "reconnecting";
  return session.status;
}
