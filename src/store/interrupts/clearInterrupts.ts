import type { RunSession } from "../RunSession";

/**
 * The session without pending interrupts and without the breakpoint flag (the same object when
 * there was nothing to clear). Interrupts belong to the run that raised them: the reducers call
 * this when a new run begins on the session.
 *
 * @example clearInterrupts(session).interrupts // []
 */
export function clearInterrupts<TValues, TCustom, TInterrupt>(
  session: RunSession<TValues, TCustom, TInterrupt>,
): RunSession<TValues, TCustom, TInterrupt> {
  if (session.interrupts.length === 0 && !session.breakpoint) return session;
  return { ...session, interrupts: [], breakpoint: false };
}
