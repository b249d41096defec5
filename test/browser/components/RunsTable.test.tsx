import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, StrictMode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Run } from "../../../src/client";
import { RunsTable, RunsTableView, useRunsTable } from "../../../src/components/RunsTable";
import { humanInput, runsHarness } from "../../support/renderWithRuns";

afterEach(cleanup);

const rows = (container: HTMLElement) =>
  Array.from(container.querySelectorAll<HTMLElement>("tbody tr[data-run-id]"));
const row = (container: HTMLElement, runId: string) =>
  container.querySelector<HTMLElement>(`tbody tr[data-run-id="${runId}"]`);
/** The live summary ("Runs 1–3 of 3"); rows with a cancel button have status regions too. */
const summary = (container: HTMLElement) =>
  container.querySelector<HTMLElement>(".lgr-runs__summary")!;
const moreButton = (rowElement: HTMLElement) =>
  within(rowElement).getByRole("button", { name: /^More actions for run / });

describe("RunsTable against the real Agent Server", () => {
  it("shows each run's input and assistant, filters, opens a run by a click, deletes from ⋯", async () => {
    const user = userEvent.setup();
    const harness = runsHarness();
    const { client } = harness;
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "agent", { input: humanInput("/tokens 3") });
    await client.runs.wait(thread.thread_id, "agent", {
      input: humanInput("/error"),
      raiseError: false,
    });
    await client.runs.wait(thread.thread_id, "agent", { input: humanInput("hello there") });
    const runs = await client.runs.list(thread.thread_id);
    expect(runs).toHaveLength(3);
    const failed = runs.find((run) => run.status === "error")!;
    const greeting = runs.find((run) => run.status === "success" && run !== runs[0])!;
    const onOpenRun = vi.fn();

    const { container } = render(<RunsTable threadId={thread.thread_id} onOpenRun={onOpenRun} />, {
      wrapper: harness.wrapper,
    });
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    expect(summary(container)).toHaveTextContent("Runs 1–3 of 3");
    expect(row(container, failed.run_id)).toHaveAttribute("data-status", "error");
    // Newest first.
    expect(rows(container).map((r) => r.dataset["runId"])).toEqual(
      [...runs].sort((a, b) => b.created_at.localeCompare(a.created_at)).map((r) => r.run_id),
    );
    // The input column reads the last human message; the assistant column the graph's name.
    const failedRow = within(row(container, failed.run_id)!);
    expect(failedRow.getByRole("rowheader")).toHaveTextContent("/error");
    expect(within(rows(container)[0]!).getByRole("rowheader")).toHaveTextContent("hello there");
    expect(failedRow.getByRole("cell", { name: "agent" })).toBeInTheDocument();
    expect(greeting).toBeDefined();

    await user.selectOptions(screen.getByLabelText("Status"), "error");
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    // A click anywhere on the row opens the run.
    await user.click(within(rows(container)[0]!).getByText("/error"));
    expect(onOpenRun).toHaveBeenCalledWith(
      failed.run_id,
      expect.objectContaining({ status: "error" }),
    );

    await user.selectOptions(screen.getByLabelText("Status"), "all");
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    const more = moreButton(row(container, failed.run_id)!);
    await user.click(more);
    await user.click(screen.getByRole("menuitem", { name: "Delete" }));
    // Destructive: asks first, with focus on the safe choice; nothing is deleted yet.
    const keep = within(row(container, failed.run_id)!).getByRole("button", { name: "Keep" });
    await waitFor(() => expect(keep).toHaveFocus());
    await user.keyboard("{Escape}");
    await waitFor(() => expect(moreButton(row(container, failed.run_id)!)).toHaveFocus());
    expect(await client.runs.list(thread.thread_id)).toHaveLength(3);

    await user.click(moreButton(row(container, failed.run_id)!));
    await user.click(screen.getByRole("menuitem", { name: "Delete" }));
    await user.click(
      within(row(container, failed.run_id)!).getByRole("button", { name: "Yes, delete" }),
    );
    await waitFor(() => expect(row(container, failed.run_id)).toBeNull());
    expect(container.querySelector("caption")).toHaveFocus();
    await waitFor(async () => expect(await client.runs.list(thread.thread_id)).toHaveLength(2));
    await waitFor(() => expect(summary(container)).toHaveTextContent("Runs 1–2 of 2"));
    expect(onOpenRun).toHaveBeenCalledTimes(1);
  });

  it("follows a running run live and cancels it from its row", async () => {
    const user = userEvent.setup();
    const harness = runsHarness();
    const { client } = harness;
    const thread = await client.threads.create();
    const run = await client.runs.create(thread.thread_id, "agent", {
      input: humanInput("/slow 20000"),
    });
    const { container } = render(<RunsTable threadId={thread.thread_id} liveIntervalMs={200} />, {
      wrapper: harness.wrapper,
    });
    await waitFor(
      () => expect(row(container, run.run_id)).toHaveAttribute("data-status", "running"),
      { timeout: 10_000 },
    );
    const duration = row(container, run.run_id)!.querySelector(".lgr-runs-table__duration")!;
    expect(duration.textContent).toMatch(/^running for /);
    expect(screen.getByText(/^Live · updated /)).toBeInTheDocument();

    // Cancel stays in sight on an active run: a CancelRunButton by ids, waiting for the server.
    await user.click(within(row(container, run.run_id)!).getByRole("button", { name: "Cancel" }));
    await waitFor(() =>
      expect(row(container, run.run_id)).toHaveAttribute("data-status", "cancelling"),
    );
    expect(
      within(row(container, run.run_id)!).getByRole("button", { name: "Cancelling…" }),
    ).toHaveAttribute("aria-busy", "true");
    await waitFor(
      () => expect(row(container, run.run_id)).toHaveAttribute("data-status", "stopped"),
      { timeout: 15_000 },
    );
    expect(row(container, run.run_id)).toHaveAttribute("data-run-status", "interrupted");
    expect(within(row(container, run.run_id)!).getByText("Stopped")).toBeInTheDocument();
    expect(
      within(row(container, run.run_id)!).queryByRole("button", { name: /Cancel/ }),
    ).toBeNull();
    // Finished, it can be deleted (from its ⋯ menu), and the table no longer calls itself live.
    await user.click(moreButton(row(container, run.run_id)!));
    expect(screen.getByRole("menuitem", { name: "Delete" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/^Updated /)).toBeInTheDocument());
  });

  it("cancels and deletes several runs at once, after a confirm", async () => {
    const user = userEvent.setup();
    const harness = runsHarness();
    const { client } = harness;
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "agent", { input: humanInput("first") });
    await client.runs.wait(thread.thread_id, "agent", { input: humanInput("second") });
    const running = await client.runs.create(thread.thread_id, "agent", {
      input: humanInput("/slow 20000"),
    });
    // Queued behind the running one: pending.
    const queued = await client.runs.create(thread.thread_id, "agent", {
      input: humanInput("/slow 20000"),
      multitaskStrategy: "enqueue",
    });
    const { container } = render(<RunsTable threadId={thread.thread_id} liveIntervalMs={200} />, {
      wrapper: harness.wrapper,
    });
    await waitFor(() => expect(rows(container)).toHaveLength(4));

    await user.click(screen.getByRole("checkbox", { name: "Select all runs on this page" }));
    const bar = screen.getByRole("group", { name: "Selected runs" });
    expect(bar).toHaveTextContent("4 selected");
    expect(within(bar).getByRole("button", { name: "Cancel 2 runs" })).toBeEnabled();

    await user.click(within(bar).getByRole("button", { name: "Delete 2 runs" }));
    const prompt = within(bar).getByRole("group", { name: "Delete 2 runs?" });
    expect(within(prompt).getByRole("button", { name: "Keep" })).toHaveFocus();
    expect(await client.runs.list(thread.thread_id)).toHaveLength(4);
    await user.click(within(prompt).getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(rows(container)).toHaveLength(2));
    expect(container.querySelector("caption")).toHaveFocus();
    expect(screen.queryByRole("group", { name: "Selected runs" })).toBeNull();
    await waitFor(async () =>
      expect((await client.runs.list(thread.thread_id)).map((r) => r.run_id).sort()).toEqual(
        [running.run_id, queued.run_id].sort(),
      ),
    );

    await user.click(screen.getByRole("checkbox", { name: "Select all runs on this page" }));
    await user.click(screen.getByRole("button", { name: "Cancel 2 runs" }));
    await user.click(screen.getByRole("button", { name: "Yes, cancel" }));
    await waitFor(() => {
      for (const id of [running.run_id, queued.run_id])
        expect(row(container, id)).toHaveAttribute("data-status", "cancelling");
    });
    for (const id of [running.run_id, queued.run_id])
      await waitFor(
        async () =>
          expect((await client.runs.get(thread.thread_id, id)).status).toBe("interrupted"),
        { timeout: 15_000 },
      );
    await waitFor(
      () => {
        for (const id of [running.run_id, queued.run_id])
          expect(row(container, id)).toHaveAttribute("data-status", "stopped");
      },
      { timeout: 15_000 },
    );
  });

  it("says when the list was last updated, and the time moves on with a refetch", async () => {
    const harness = runsHarness();
    const { client } = harness;
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "agent", { input: humanInput("hello") });
    const { container } = render(<RunsTable threadId={thread.thread_id} />, {
      wrapper: harness.wrapper,
    });
    const updated = await screen.findByText(/^Updated /);
    expect(updated.tagName).toBe("TIME");
    const first = updated.getAttribute("datetime");
    expect(Date.parse(first ?? "")).not.toBeNaN();
    await harness.queryClient.refetchQueries({ type: "active" });
    await waitFor(() =>
      expect(container.querySelector(".lgr-runs__live time")).not.toHaveAttribute(
        "datetime",
        first,
      ),
    );
  });

  it("RunsTableView takes useRunsTable's result as it is, and its root props and ref", async () => {
    const user = userEvent.setup();
    const harness = runsHarness();
    const { client } = harness;
    const thread = await client.threads.create();
    for (let i = 0; i < 3; i++)
      await client.runs.wait(thread.thread_id, "agent", { input: humanInput(`hello ${i}`) });
    const errors = vi.spyOn(console, "error");
    const ref = createRef<HTMLElement>();
    function Table() {
      const table = useRunsTable({ threadId: thread.thread_id, pageSize: 2 });
      return (
        <RunsTableView
          {...table}
          ref={ref}
          id="thread-runs"
          data-testid="runs"
          aria-describedby="runs-hint"
          caption="This thread"
        />
      );
    }
    const { container } = render(
      <>
        <p id="runs-hint">Newest first.</p>
        <Table />
      </>,
      { wrapper: harness.wrapper },
    );
    const root = screen.getByTestId("runs");
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute("id", "thread-runs");
    expect(root).toHaveAccessibleName("This thread");
    expect(root).toHaveAccessibleDescription("Newest first.");
    await waitFor(() => expect(summary(container)).toHaveTextContent("Runs 1–2 of 3"));
    // Every part of the hook's result found its place: filter, pager, selection, row actions.
    expect(screen.getByLabelText("Status")).toHaveValue("all");
    expect(screen.getAllByRole("checkbox", { name: /^Select run / })).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(screen.getByText("Page 2 of 2")).toBeInTheDocument());
    await user.click(moreButton(rows(container)[0]!));
    expect(screen.getByRole("menuitem", { name: "Delete" })).toBeInTheDocument();
    // No field of the result reached the DOM as an unknown attribute.
    expect(root).not.toHaveAttribute("threadid");
    expect(root).not.toHaveAttribute("paging");
    expect(root).not.toHaveAttribute("updatedat");
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("pages on the client (the JS server's offset is wrong), clearing the selection", async () => {
    const user = userEvent.setup();
    const harness = runsHarness();
    const { client } = harness;
    const thread = await client.threads.create();
    for (let i = 0; i < 5; i++)
      await client.runs.wait(thread.thread_id, "agent", { input: humanInput(`hello ${i}`) });
    const { container } = render(<RunsTable threadId={thread.thread_id} pageSize={2} />, {
      wrapper: harness.wrapper,
    });
    await waitFor(() => expect(screen.getByText("Page 1 of 3")).toBeInTheDocument());
    const seen = new Set(rows(container).map((r) => r.dataset["runId"]));
    await user.click(screen.getAllByRole("checkbox", { name: /^Select run / })[0]!);
    expect(screen.getByRole("group", { name: "Selected runs" })).toHaveTextContent("1 selected");
    await user.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(screen.getByText("Page 2 of 3")).toBeInTheDocument());
    expect(screen.queryByRole("group", { name: "Selected runs" })).toBeNull();
    for (const r of rows(container)) seen.add(r.dataset["runId"]);
    await user.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(screen.getByText("Page 3 of 3")).toBeInTheDocument());
    expect(rows(container)).toHaveLength(1);
    // The last page keeps the table's height: one blank row stands in for the missing run.
    expect(container.querySelectorAll("tbody tr.lgr-runs-table__filler")).toHaveLength(1);
    for (const r of rows(container)) seen.add(r.dataset["runId"]);
    expect(seen.size).toBe(5);
    // The last page: Next does nothing, but stays focusable (focus never falls to the body).
    expect(screen.getByRole("button", { name: /Next/ })).toHaveAttribute("aria-disabled", "true");
  });

  it("shows an error with Retry inside the table, under its column headers", async () => {
    const harness = runsHarness({ apiUrl: "http://127.0.0.1:9", maxRetries: 0 });
    render(<RunsTable threadId="no-such-thread" />, { wrapper: harness.wrapper });
    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent("Could not load runs");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeEnabled();
    const table = screen.getByRole("table");
    expect(table).toContainElement(alert);
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Run", "Assistant", "Status", "Created", "Duration", "Actions"]);
  });
});

const NOW = Date.parse("2025-03-14T15:09:26Z");

function fakeRun(overrides: Partial<Run> & Pick<Run, "run_id">): Run {
  return {
    thread_id: "thread-1",
    assistant_id: "agent",
    created_at: new Date(NOW - 60_000).toISOString(),
    updated_at: new Date(NOW - 48_000).toISOString(),
    status: "success",
    metadata: {},
    multitask_strategy: null,
    ...overrides,
  };
}

describe("RunsTableView", () => {
  it("renders ids, inputs and metadata from the server as text, never as HTML", () => {
    const hostile: Run = {
      run_id: "<img src=x onerror=alert(1)>",
      thread_id: "javascript:alert(1)",
      assistant_id: "<b>agent</b>",
      created_at: "<b>not a date</b>",
      updated_at: "<b>not a date</b>",
      status: "success",
      metadata: { graph_id: "<i>graph</i>" },
      multitask_strategy: null,
      kwargs: { input: { messages: [{ type: "human", content: "<img src=y onerror=alert(2)>" }] } },
    };
    const { container } = render(<RunsTableView runs={[hostile]} onOpenRun={() => undefined} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector("i")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain("<b>not a date</b>");
    expect(container.textContent).toContain("<img src=y onerror=alert(2)>");
    expect(container.textContent).toContain("<i>graph</i>");
    expect(container.querySelector("code")?.getAttribute("title")).toBe(hostile.run_id);
  });

  it("renders without a RunsProvider when cancel is turned off", () => {
    const running = fakeRun({
      run_id: "run-1",
      created_at: "2025-03-14T15:08:21Z",
      updated_at: "2025-03-14T15:09:20Z",
      status: "running",
    });
    const { container } = render(
      <RunsTableView
        runs={[running]}
        now={NOW}
        actions={{ cancel: false }}
        onOpenRun={() => undefined}
      />,
    );
    expect(row(container, "run-1")).toHaveAttribute("data-status", "running");
    expect(screen.getByText("running for 1 min 05 s")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect(moreButton(row(container, "run-1")!)).toHaveAttribute("aria-haspopup", "menu");
  });

  it("has a ⋯ menu button: arrow keys move through it, Escape returns focus", async () => {
    const user = userEvent.setup();
    const onOpenRun = vi.fn();
    const runs = [fakeRun({ run_id: "run-1" }), fakeRun({ run_id: "run-2" })];
    // StrictMode: the menu's effects run twice, and it still opens once.
    const { container } = render(
      <RunsTableView runs={runs} deleteRun={vi.fn()} onOpenRun={onOpenRun} />,
      { wrapper: StrictMode },
    );
    const more = moreButton(row(container, "run-1")!);
    expect(more).toHaveAttribute("aria-expanded", "false");
    more.focus();
    await user.keyboard("{ArrowDown}");
    const menu = screen.getByRole("menu", { name: "More actions for run run-1" });
    expect(more).toHaveAttribute("aria-expanded", "true");
    expect(more).toHaveAttribute("aria-controls", menu.id);
    const items = within(menu).getAllByRole("menuitem");
    expect(items.map((item) => item.textContent)).toEqual(["Open run", "Copy run id", "Delete"]);
    expect(items[0]).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(items[1]).toHaveFocus();
    await user.keyboard("{End}");
    expect(items[2]).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(items[0]).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(items[2]).toHaveFocus();
    await user.keyboard("{Home}");
    expect(items[0]).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(more).toHaveFocus();
    expect(more).toHaveAttribute("aria-expanded", "false");

    // ArrowUp opens on the last item; Enter on an item runs it and focus comes back.
    await user.keyboard("{ArrowUp}");
    expect(screen.getByRole("menuitem", { name: "Delete" })).toHaveFocus();
    await user.keyboard("{Home}{Enter}");
    expect(onOpenRun).toHaveBeenCalledWith("run-1", runs[0]);
    expect(screen.queryByRole("menu")).toBeNull();
    expect(more).toHaveFocus();

    // A click outside closes it.
    await user.click(more);
    expect(screen.getByRole("menu")).toBeInTheDocument();
    await user.click(container.querySelector("caption")!);
    expect(screen.queryByRole("menu")).toBeNull();
    expect(onOpenRun).toHaveBeenCalledTimes(1);
  });

  it("copies a run's id from its ⋯ menu and says so", async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    const runs = [fakeRun({ run_id: "01a1fdcd-3359-737b-962c-39053861b98f" })];
    const { container } = render(<RunsTableView runs={runs} actions={{ cancel: false }} />);
    await user.click(moreButton(rows(container)[0]!));
    await user.click(screen.getByRole("menuitem", { name: "Copy run id" }));
    expect(writeText).toHaveBeenCalledWith("01a1fdcd-3359-737b-962c-39053861b98f");
    expect(await screen.findByText("Copied run id …3861b98f.")).toHaveAttribute("role", "status");
    writeText.mockRestore();
  });

  it("opens a run by a click or by Enter on the focused row; Space ticks it; arrows move", async () => {
    const user = userEvent.setup();
    const onOpenRun = vi.fn();
    const setSelectedIds = vi.fn();
    const runs = [fakeRun({ run_id: "run-1" }), fakeRun({ run_id: "run-2" })];
    const { container } = render(
      <RunsTableView
        runs={runs}
        actions={{ cancel: false }}
        deleteRuns={vi.fn()}
        setSelectedIds={setSelectedIds}
        onOpenRun={onOpenRun}
      />,
    );
    const first = row(container, "run-1")!;
    expect(first).toHaveAccessibleDescription("Enter opens the run.");
    first.focus();
    await user.keyboard("{Enter}");
    expect(onOpenRun).toHaveBeenLastCalledWith("run-1", runs[0]);
    await user.keyboard(" ");
    expect(setSelectedIds).toHaveBeenLastCalledWith(new Set(["run-1"]));
    await user.keyboard("{ArrowDown}");
    expect(row(container, "run-2")).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(first).toHaveFocus();
    // The checkbox, the ⋯ button and its menu are the row's own controls: no open.
    onOpenRun.mockClear();
    await user.click(within(first).getByRole("checkbox", { name: "Select run run-1" }));
    await user.click(moreButton(first));
    await user.click(screen.getByRole("menu"));
    expect(onOpenRun).not.toHaveBeenCalled();
    await user.click(within(row(container, "run-2")!).getByRole("cell", { name: "agent" }));
    expect(onOpenRun).toHaveBeenCalledWith("run-2", runs[1]);
  });

  it("bulk bar: offers Cancel for the active and Delete for the finished ticked runs", async () => {
    const user = userEvent.setup();
    const harness = runsHarness();
    const cancelRuns = vi.fn();
    const deleteRuns = vi.fn();
    const setSelectedIds = vi.fn();
    const runs = [
      fakeRun({ run_id: "run-active", status: "running" }),
      fakeRun({ run_id: "run-done" }),
      fakeRun({ run_id: "run-other" }),
    ];
    const { container } = render(
      <RunsTableView
        runs={runs}
        now={NOW}
        selectedIds={new Set(["run-active", "run-done"])}
        setSelectedIds={setSelectedIds}
        cancelRuns={cancelRuns}
        deleteRuns={deleteRuns}
      />,
      { wrapper: harness.wrapper },
    );
    const all = screen.getByRole("checkbox", { name: "Select all runs on this page" });
    expect(all).not.toBeChecked();
    expect(all).toHaveProperty("indeterminate", true);
    expect(row(container, "run-done")).toHaveAttribute("data-selected", "true");
    const bar = screen.getByRole("group", { name: "Selected runs" });
    expect(bar).toHaveTextContent("2 selected");
    // The bar takes the filter's place while runs are ticked.
    expect(screen.queryByLabelText("Status")).toBeNull();

    await user.click(within(bar).getByRole("button", { name: "Delete 1 run" }));
    await user.click(within(bar).getByRole("button", { name: "Keep" }));
    expect(within(bar).getByRole("button", { name: "Delete 1 run" })).toHaveFocus();
    expect(deleteRuns).not.toHaveBeenCalled();

    await user.click(within(bar).getByRole("button", { name: "Cancel 1 run" }));
    expect(within(bar).getByRole("group", { name: "Cancel 1 run?" })).toBeInTheDocument();
    await user.click(within(bar).getByRole("button", { name: "Yes, cancel" }));
    expect(cancelRuns).toHaveBeenCalledWith([runs[0]]);
    expect(setSelectedIds).toHaveBeenLastCalledWith(new Set());

    await user.click(within(bar).getByRole("button", { name: "Delete 1 run" }));
    await user.click(within(bar).getByRole("button", { name: "Yes, delete" }));
    expect(deleteRuns).toHaveBeenCalledWith([runs[1]]);

    await user.click(all);
    expect(setSelectedIds).toHaveBeenLastCalledWith(
      new Set(["run-active", "run-done", "run-other"]),
    );
  });

  it("has one empty state, in the table; a filtered one offers every status again", async () => {
    const user = userEvent.setup();
    const setStatus = vi.fn();
    const { rerender } = render(<RunsTableView runs={[]} setStatus={setStatus} />);
    const table = screen.getByRole("table");
    expect(within(table).getByText("No runs yet.")).toBeInTheDocument();
    expect(within(table).getAllByRole("columnheader")).toHaveLength(6);
    // The toolbar's summary says it to screen readers only: not a second empty state.
    expect(document.querySelector(".lgr-runs__summary")).toHaveClass("lgr-visually-hidden");

    rerender(<RunsTableView runs={[]} status="error" setStatus={setStatus} />);
    expect(within(table).getByText("No runs with this status.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Show all statuses" }));
    expect(setStatus).toHaveBeenCalledWith("all");
  });

  it("keeps its columns in the error state, with Retry", async () => {
    const user = userEvent.setup();
    const retry = vi.fn();
    render(
      <RunsTableView runs={[]} error={new Error("Internal Server Error (500)")} retry={retry} />,
    );
    const table = screen.getByRole("table");
    const alert = within(table).getByRole("alert");
    expect(alert).toHaveTextContent("Could not load runs: Internal Server Error (500)");
    expect(alert.closest("td")).toHaveAttribute("colspan", "6");
    expect(within(table).getAllByRole("columnheader")).toHaveLength(6);
    expect(screen.queryByText("No runs yet.")).toBeNull();
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('shows "Live · updated 3 s ago" while live, "Updated …" otherwise', () => {
    const { rerender } = render(<RunsTableView runs={[]} updatedAt={NOW - 3_000} live now={NOW} />);
    expect(screen.getByText("Live · updated 3 s ago")).toBeInTheDocument();
    rerender(<RunsTableView runs={[]} updatedAt={NOW - 125_000} live={false} now={NOW} />);
    expect(screen.getByText("Updated 2 min ago")).toBeInTheDocument();
    rerender(<RunsTableView runs={[]} now={NOW} />);
    expect(screen.queryByText(/updated/i)).toBeNull();
  });
});
