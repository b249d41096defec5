"use client";
import { withClassName, type RootProps } from "../RootProps";

export type RunsTablePagerProps = RootProps<
  "nav",
  {
    /** 0-based. */
    page: number;
    pageSize: number;
    /** Known with client paging ("Page 2 of 3"). */
    pageCount?: number;
    hasPrevious: boolean;
    hasNext: boolean;
    /** Without it there is no pager. */
    setPage?: (page: number) => void;
    /** Shows the "Rows per page" select. */
    setPageSize?: (size: number) => void;
    pageSizes: readonly number[];
    /** The first load: Previous and Next wait. */
    loading?: boolean;
  }
>;

/**
 * The runs table's pager: Previous, "Page n of m", Next and the rows-per-page select. Renders
 * nothing when there is a single page and nothing to choose.
 *
 * @example <RunsTablePager page={0} pageSize={10} hasPrevious={false} hasNext setPage={setPage} pageSizes={[10, 20]} />
 */
export function RunsTablePager({
  page,
  pageSize,
  pageCount,
  hasPrevious,
  hasNext,
  setPage,
  setPageSize,
  pageSizes,
  loading = false,
  className,
  ...rest
}: RunsTablePagerProps) {
  if (!setPage || !(hasPrevious || hasNext || page > 0 || setPageSize)) return null;
  return (
    <nav aria-label="Runs pages" {...rest} className={withClassName("lgr-runs__pager", className)}>
      <button
        type="button"
        className="lgr-button"
        data-size="small"
        {...pagerButtonProps(!hasPrevious || loading, () => setPage(page - 1))}
      >
        <span aria-hidden="true">‹</span> Previous
      </button>
      <span className="lgr-runs__page">
        Page {page + 1}
        {pageCount !== undefined ? ` of ${pageCount}` : ""}
      </span>
      <button
        type="button"
        className="lgr-button"
        data-size="small"
        {...pagerButtonProps(!hasNext || loading, () => setPage(page + 1))}
      >
        Next <span aria-hidden="true">›</span>
      </button>
      {setPageSize ? (
        <label className="lgr-runs__field">
          <span>Rows per page</span>
          <select
            className="lgr-select"
            value={pageSize}
            onChange={(event) => setPageSize(Number(event.target.value))}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </nav>
  );
}

/**
 * A pager button that cannot act stays focusable (`aria-disabled`, clicks ignored): reaching the
 * last page with "Next" must not drop keyboard focus to the page body.
 */
function pagerButtonProps(unavailable: boolean, go: () => void) {
  return unavailable
    ? { "aria-disabled": "true" as const, onClick: undefined }
    : { "aria-disabled": undefined, onClick: go };
}
