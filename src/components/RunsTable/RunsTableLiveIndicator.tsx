"use client";
import { withClassName, type RootProps } from "../RootProps";
import { formatAgo } from "./formatAgo";
import { useNow } from "./useNow";

export type RunsTableLiveIndicatorProps = RootProps<
  "span",
  {
    /** When the list last arrived (ms since epoch); nothing shows before the first answer (0). */
    updatedAt: number;
    /** The list refreshes on its own now: "Live · updated …", else "Updated …". */
    live: boolean;
    /** A fixed clock (stories, tests); by default the indicator ticks every second. */
    now?: number;
  }
>;

/**
 * "Live · updated 3 s ago": how fresh the runs are. Its own clock ticks, so only this line
 * re-renders every second, and it is no live region (it would speak every second).
 *
 * @example <RunsTableLiveIndicator updatedAt={query.dataUpdatedAt} live />
 */
export function RunsTableLiveIndicator({
  updatedAt,
  live,
  now: fixedNow,
  className,
  ...rest
}: RunsTableLiveIndicatorProps) {
  const tickingNow = useNow(updatedAt > 0 && fixedNow === undefined);
  if (!(updatedAt > 0)) return null;
  const now = fixedNow ?? Math.max(tickingNow, updatedAt);
  const ago = formatAgo(now - updatedAt);
  return (
    <span
      {...rest}
      className={withClassName("lgr-runs__live", className)}
      data-live={live ? "true" : undefined}
    >
      <span className="lgr-runs__live-dot" aria-hidden="true" />
      <time
        dateTime={new Date(updatedAt).toISOString()}
        title={new Date(updatedAt).toLocaleString()}
      >
        {live ? `Live · updated ${ago}` : `Updated ${ago}`}
      </time>
    </span>
  );
}
