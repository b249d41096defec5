/**
 * Event ids are opaque, but both servers use ordered forms: `"17"` (JS) and `"<ms>-<seq>"`
 * (Python). When both ids have one of these forms we can tell a replayed event from a new one.
 * Returns a negative number, 0 or a positive number, or `undefined` when the ids cannot be
 * compared.
 *
 * Called once per streamed event, so it scans characters instead of running a regular
 * expression: an id is ordered when it matches `^(\d{1,15})(?:-(\d{1,15}))?$`.
 */
export function compareEventIds(a: string, b: string): number | undefined {
  const left = dashOf(a);
  const right = dashOf(b);
  if (left === INVALID || right === INVALID) return undefined;
  const major = majorOf(a, left) - majorOf(b, right);
  if (major !== 0) return major;
  return minorOf(a, left) - minorOf(b, right);
}

const INVALID = -2;
const NO_DASH = -1;
const MAX_DIGITS = 15;

/** The index of the `-` of an ordered id, `NO_DASH` for a plain number, or `INVALID`. */
function dashOf(id: string): number {
  const length = id.length;
  let dash = NO_DASH;
  for (let i = 0; i < length; i++) {
    const code = id.charCodeAt(i);
    if (code >= 48 && code <= 57) continue; // 0-9
    if (code !== 45 || dash !== NO_DASH) return INVALID; // one "-" at most
    dash = i;
  }
  const majorDigits = dash === NO_DASH ? length : dash;
  const minorDigits = dash === NO_DASH ? 1 : length - dash - 1;
  if (majorDigits < 1 || majorDigits > MAX_DIGITS) return INVALID;
  if (minorDigits < 1 || minorDigits > MAX_DIGITS) return INVALID;
  return dash;
}

function majorOf(id: string, dash: number): number {
  return Number(dash === NO_DASH ? id : id.slice(0, dash));
}

function minorOf(id: string, dash: number): number {
  return dash === NO_DASH ? 0 : Number(id.slice(dash + 1));
}
