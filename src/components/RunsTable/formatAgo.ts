/**
 * How long ago, in a few words: "just now", "12 s ago", "4 min ago", "2 h ago", "3 d ago".
 *
 * @example formatAgo(65_000) // "1 min ago"
 */
export function formatAgo(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1_500) return "just now";
  if (ms < 60_000) return `${Math.round(ms / 1_000)} s ago`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`;
  return `${Math.floor(ms / 86_400_000)} d ago`;
}
