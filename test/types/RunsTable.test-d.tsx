/**
 * Type tests of `RunsTable` and `RunsTableView`: the view takes `useRunsTable`'s result as it is,
 * or plain data (only `runs` needed); both spread root props and take a ref to their <section>.
 */
import { createRef } from "react";
import { describe, expectTypeOf, test } from "vitest";
import {
  RunsTable,
  RunsTableView,
  runInputPreview,
  useRunsTable,
  type Run,
  type RunsClientError,
  type RunsTableModel,
  type RunsTableProps,
  type RunsTableViewProps,
} from "langgraph-runs-react";

declare const runs: Run[];

describe("RunsTableView", () => {
  test("takes useRunsTable's result as it is, with view options beside it", () => {
    const table = useRunsTable({ threadId: "t", pageSize: 20 });
    void (<RunsTableView {...table} />);
    void (
      <RunsTableView
        {...table}
        caption="Runs"
        actions={{ delete: false }}
        onOpenRun={(id) => void id}
      />
    );
    expectTypeOf<RunsTableModel>().toExtend<RunsTableViewProps>();
  });

  test("takes plain data: only runs is needed", () => {
    void (<RunsTableView runs={runs} />);
    void (<RunsTableView runs={runs} error={new Error("boom")} actions={{ cancel: false }} />);
    // @ts-expect-error runs are needed
    void (<RunsTableView caption="Runs" />);
    // @ts-expect-error the old callback names are gone: `setPage`, `deleteRun`, …
    void (<RunsTableView runs={runs} onPageChange={() => undefined} />);
  });

  test("spreads root props and takes a ref to its root <section>", () => {
    void (
      <RunsTableView runs={runs} id="runs" aria-describedby="hint" ref={createRef<HTMLElement>()} />
    );
    void (<RunsTable threadId="t" data-testid="runs" style={{}} ref={createRef<HTMLElement>()} />);
    expectTypeOf<RunsTableProps["ref"]>().toExtend<React.Ref<HTMLElement> | undefined>();
    expectTypeOf<RunsTableViewProps["id"]>().toEqualTypeOf<string | undefined>();
  });

  test("bulk selection, bulk actions and freshness come with the model; plain data may omit them", () => {
    expectTypeOf<RunsTableModel["selectedIds"]>().toEqualTypeOf<ReadonlySet<string>>();
    expectTypeOf<RunsTableModel["cancelRuns"]>().toEqualTypeOf<(runs: readonly Run[]) => void>();
    expectTypeOf<RunsTableModel["deleteRuns"]>().toEqualTypeOf<(runs: readonly Run[]) => void>();
    expectTypeOf<RunsTableModel["updatedAt"]>().toEqualTypeOf<number>();
    expectTypeOf<RunsTableModel["live"]>().toEqualTypeOf<boolean>();
    void (
      <RunsTableView
        runs={runs}
        selectedIds={new Set(["r"])}
        setSelectedIds={(ids) => void ids.size}
        deleteRuns={(picked) => void picked.length}
        updatedAt={Date.now()}
        live
        actions={{ select: false, copy: false }}
        previewInput={(run) =>
          typeof run.kwargs?.["topic"] === "string" ? run.kwargs["topic"] : undefined
        }
      />
    );
    // @ts-expect-error a preview is text (or undefined for "No input")
    void (<RunsTableView runs={runs} previewInput={() => 42} />);
    expectTypeOf(runInputPreview).toEqualTypeOf<(run: Pick<Run, "kwargs">) => string | undefined>();
  });

  test("the model's errors are RunsClientError", () => {
    expectTypeOf<RunsTableModel["error"]>().toEqualTypeOf<RunsClientError | null>();
    expectTypeOf<
      NonNullable<RunsTableModel["actionError"]>["error"]
    >().toEqualTypeOf<RunsClientError>();
    expectTypeOf<NonNullable<RunsTableModel["actionError"]>["action"]>().toEqualTypeOf<
      "delete" | "cancel"
    >();
    expectTypeOf<NonNullable<RunsTableModel["actionError"]>["runIds"]>().toEqualTypeOf<
      readonly string[]
    >();
  });
});
