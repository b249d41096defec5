/** Why an answer cannot be sent yet. */
export interface AnswerIssue {
  /** The field it is about: `decision`, `args`, `text`, `response`, `0.args` (action 0), … */
  field: string;
  /** `missing`: nothing chosen or typed yet; `invalid`: what was typed is wrong. */
  kind: "missing" | "invalid";
  message: string;
}

/** An interrupt's answer, or why there is none yet. */
export type AnswerResult<T = unknown> =
  { ok: true; value: T; issues: [] } | { ok: false; value?: undefined; issues: AnswerIssue[] };

export function answerOk<T>(value: T): AnswerResult<T> {
  return { ok: true, value, issues: [] };
}

export function answerIssues<T>(issues: AnswerIssue[]): AnswerResult<T> {
  return { ok: false, issues };
}

/** The issue about `field`, if any. */
export function issueFor(result: AnswerResult<unknown>, field: string): AnswerIssue | undefined {
  return result.issues.find((issue) => issue.field === field);
}
