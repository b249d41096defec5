import type { EventLogView } from "./createEventLogIndex";

/**
 * The row of the event with `seq` in a view (-1: not in it: dropped, or filtered out). Rows are
 * in seq order, so it is a binary search: O(log n) also at 100,000 rows.
 *
 * @example
 * indexOfSeq(log.rows, 42); // 41 when nothing is filtered and nothing was dropped
 */
export function indexOfSeq(rows: EventLogView, seq: number): number {
  let low = 0;
  let high = rows.count - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = rows.entryAt(mid)?.seq ?? Number.NaN;
    if (at === seq) return mid;
    if (at < seq) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
