import type { AnyRunSession } from "../../store/createStreamStore";
import { sessionDisplayStatus, type RunDisplayStatus } from "../../store/runDisplayStatus";

/**
 * The status a session shows: `cancelling` and `reconnecting` over "needs input" (pending
 * interrupts or a breakpoint) over the run's status, with `interrupted` shown as "stopped".
 *
 * @example badgeStatusOf(store.getSession(key)) // "needs-input"
 */
export function badgeStatusOf(session: AnyRunSession | undefined): RunDisplayStatus {
  return sessionDisplayStatus(session);
}
