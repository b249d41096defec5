/**
 * Event ids are opaque, but both servers use ordered forms: `"17"` (JS) and `"<ms>-<seq>"`
 * (Python). When both ids have one of these forms we can tell a replayed event from a new one.
 * Returns a negative number, 0 or a positive number, or `undefined` when the ids cannot be
 * compared.
 */
export function compareEventIds(a: string, b: string): number | undefined {
  const left = ORDERED_ID.exec(a);
  const right = ORDERED_ID.exec(b);
  if (!left || !right) return undefined;
  const major = Number(left[1]) - Number(right[1]);
  if (major !== 0) return major;
  return Number(left[2] ?? 0) - Number(right[2] ?? 0);
}

const ORDERED_ID = /^(\d{1,15})(?:-(\d{1,15}))?$/;
