/**
 * A short duration for people: milliseconds under a second, tenths of seconds under a minute,
 * then minutes and seconds.
 *
 * @example formatDuration(420) // "420 ms"; formatDuration(2_340) // "2.3 s"; formatDuration(75_000) // "1 min 15 s"
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
