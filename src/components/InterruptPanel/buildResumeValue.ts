/** One interrupt's answer. */
export interface InterruptAnswer {
  /** The interrupt id. */
  id: string;
  value: unknown;
}

/**
 * The `command.resume` value for answering pending interrupts together: nothing pending (a
 * static breakpoint) resumes with `null`, one interrupt with its answer as it is, several with
 * `{ [interruptId]: answer }` (how LangGraph resumes several interrupts at once).
 *
 * @example buildResumeValue([{ id: "a", value: "yes" }, { id: "b", value: { ok: false } }])
 * // { a: "yes", b: { ok: false } }
 */
export function buildResumeValue(answers: readonly InterruptAnswer[]): unknown {
  if (answers.length === 0) return null;
  if (answers.length === 1) return (answers[0] as InterruptAnswer).value;
  return Object.fromEntries(answers.map((answer) => [answer.id, answer.value]));
}
