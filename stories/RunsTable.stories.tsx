import type { Decorator, Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { Run } from "../src/client/types";
import { RunsTable, RunsTableView } from "../src/components/RunsTable";
import { chatTokens } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { createRunsFetchStub, makeRun, sampleRuns } from "./support/runsFetchStub";
import { withRunsProvider } from "./support/withRunsProvider";

/** A fixed clock, so static stories (and their screenshots) do not change. */
const NOW = Date.parse("2025-03-14T15:09:26Z");

const human = (text: string) => ({ input: { messages: [{ type: "human", content: text }] } });
const AGENT = { graph_id: "agent" };

/** What users typed, as the server keeps it in `kwargs`. */
const INPUTS = [
  "Summarize the Q3 revenue report",
  "Draft a reply to the customer about the refund",
  "/interrupt",
  "What changed in the deployment yesterday?",
  "Translate the onboarding guide into German",
  "Plan a three-day trip to Lisbon with a budget of 800 euros, museums and food markets",
];

/** `count` runs like `sampleRuns`, with inputs and the assistant's graph name. */
function runsWithInputs(count: number, now?: number): Run[] {
  return sampleRuns("thread-1", count, now).map((run, index) => ({
    ...run,
    metadata: AGENT,
    kwargs: human(INPUTS[index % INPUTS.length]!),
  }));
}

/** Newest first, as the table shows them. */
const RUNS = runsWithInputs(6, NOW).reverse();
const ONE_OF_EACH = [
  makeRun({
    run_id: "run-pending",
    status: "pending",
    created_at: iso(-4_000),
    updated_at: iso(-4_000),
    metadata: AGENT,
    kwargs: human("Book a table for four on Friday"),
  }),
  makeRun({
    run_id: "run-running",
    status: "running",
    created_at: iso(-65_000),
    updated_at: iso(-1_000),
    metadata: AGENT,
    kwargs: human("Summarize the Q3 revenue report"),
  }),
  makeRun({
    run_id: "run-success",
    status: "success",
    created_at: iso(-600_000),
    updated_at: iso(-587_700),
    metadata: AGENT,
    kwargs: { command: { resume: { type: "accept" } } },
  }),
  makeRun({
    run_id: "run-error",
    status: "error",
    created_at: iso(-900_000),
    updated_at: iso(-899_150),
    assistant_id: "researcher",
    kwargs: human("/error"),
  }),
  makeRun({
    run_id: "run-timeout",
    status: "timeout",
    created_at: iso(-3_600_000),
    updated_at: iso(-3_000_000),
    metadata: AGENT,
    kwargs: { input: { topic: "pricing", depth: 2 } },
  }),
  makeRun({
    run_id: "01a1fdcd-3359-737b-962c-39053861b98f",
    status: "interrupted",
    created_at: iso(-7_200_000),
    updated_at: iso(-7_195_000),
    assistant_id: "fe096781-5601-53d2-b2f6-0d3403f7e9ca",
  }),
];

function iso(offsetMs: number): string {
  return new Date(NOW + offsetMs).toISOString();
}

/** Requests the stub saw, for play functions (cleared at the start of each). */
const requests = fn();

const withStub = (options: Parameters<typeof createRunsFetchStub>[0] = {}) =>
  withRunsProvider({
    makeFetch: () => createRunsFetchStub({ onRequest: requests, delayMs: 30, ...options }).fetch,
  });

/** A phone-wide pane (390 px): the rows become stacked cards (a container query). */
const withPhoneWidth: Decorator = (Story) => (
  <div style={{ width: 390, maxWidth: "100%" }}>
    <Story />
  </div>
);

const meta = {
  title: "Components/RunsTable",
  component: RunsTable,
  args: { threadId: "thread-1", pageSize: 5, onOpenRun: fn(), liveIntervalMs: 250 },
} satisfies Meta<typeof RunsTable>;

export default meta;
type Story = StoryObj<typeof meta>;

const rowOf = (canvasElement: HTMLElement, runId: string) =>
  canvasElement.querySelector<HTMLElement>(`tr[data-run-id="${runId}"]`);

/** The table's live summary ("Runs 1–5 of 12"). */
const summaryOf = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>(".lgr-runs__summary")!;

const moreOf = (row: HTMLElement) =>
  within(row).getByRole("button", { name: /^More actions for run / });

/** The ⋯ menu shows in the top layer, but its DOM stays in the row. */
const menuOf = (canvasElement: HTMLElement) => within(canvasElement).getByRole("menu");

// ---- Presentational (RunsTableView, plain props) -------------------------------------------

/** Every run status in one table with inputs, assistants and row actions (a fixed clock). */
export const AllStatuses: Story = {
  decorators: [withRunsProvider()],
  render: () => (
    <RunsTableView
      runs={ONE_OF_EACH}
      now={NOW}
      total={ONE_OF_EACH.length}
      cancellingIds={new Set(["run-pending"])}
      deleteRun={fn()}
      onOpenRun={fn()}
      updatedAt={NOW - 3_000}
      live
      caption="Runs of thread-1"
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(
      within(rowOf(canvasElement, "run-pending")!).getByRole("button", { name: "Cancelling…" }),
    ).toHaveAttribute("aria-busy", "true");
    await expect(
      within(rowOf(canvasElement, "run-running")!).getByRole("button", { name: "Cancel" }),
    ).toBeEnabled();
    await expect(
      within(rowOf(canvasElement, "run-running")!).getByText("running for 1 min 05 s"),
    ).toBeInTheDocument();
    await expect(
      within(rowOf(canvasElement, "run-success")!).getByText("12 s"),
    ).toBeInTheDocument();
    await expect(rowOf(canvasElement, "run-pending")).toHaveAttribute("data-status", "cancelling");
    await expect(within(canvasElement).getByText("…3861b98f")).toBeInTheDocument();
    // Inputs: a human message, a resume's answer, a JSON input, none.
    await expect(
      within(rowOf(canvasElement, "run-running")!).getByRole("rowheader"),
    ).toHaveTextContent("Summarize the Q3 revenue report");
    await expect(
      within(rowOf(canvasElement, "run-success")!).getByText('Resumed: {"type":"accept"}'),
    ).toBeInTheDocument();
    await expect(
      within(rowOf(canvasElement, "run-timeout")!).getByText('{"topic":"pricing","depth":2}'),
    ).toBeInTheDocument();
    await expect(within(canvasElement).getByText("No input")).toBeInTheDocument();
    await expect(within(canvasElement).getByText("Live · updated 3 s ago")).toBeInTheDocument();
  },
};

/** First load: skeleton rows; "Loading runs…" is announced, not shown twice. */
export const Loading: Story = {
  render: () => <RunsTableView runs={[]} loading setStatus={fn()} onOpenRun={fn()} />,
  play: async ({ canvasElement }) => {
    await expect(summaryOf(canvasElement)).toHaveTextContent("Loading runs…");
    await expect(summaryOf(canvasElement)).toHaveClass("lgr-visually-hidden");
    await expect(canvasElement.querySelector("table")).toHaveAttribute("aria-busy", "true");
  },
};

/** No runs on the thread: one empty state, inside the table. */
export const Empty: Story = {
  render: () => <RunsTableView runs={[]} setStatus={fn()} onOpenRun={fn()} />,
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole("table");
    await expect(within(table).getByText("No runs yet.")).toBeInTheDocument();
    await expect(summaryOf(canvasElement)).toHaveClass("lgr-visually-hidden");
  },
};

/** A status filter that matches nothing: the empty state offers every status again. */
export const EmptyFiltered: Story = {
  render: (args) => (
    <RunsTableView
      runs={[]}
      status="timeout"
      setStatus={args.onOpenRun as () => void}
      onOpenRun={fn()}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(
      within(canvas.getByRole("table")).getByText("No runs with this status."),
    ).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Show all statuses" }));
    await expect(args.onOpenRun).toHaveBeenCalledWith("all");
  },
};

/** The list request failed: the table keeps its columns; the alert (with Retry) spans them. */
export const ErrorState: Story = {
  name: "Error",
  render: (args) => (
    <RunsTableView
      runs={[]}
      error={new Error("Internal Server Error (500)")}
      retry={args.onOpenRun as () => void}
      setStatus={fn()}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const table = within(canvasElement).getByRole("table");
    const alert = within(table).getByRole("alert");
    await expect(alert).toHaveTextContent("Could not load runs: Internal Server Error (500)");
    await expect(within(table).getAllByRole("columnheader")).toHaveLength(6);
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await expect(args.onOpenRun).toHaveBeenCalled();
  },
};

/** A refresh failed while runs were shown: they stay, under the alert. */
export const ErrorWithRuns: Story = {
  decorators: [withRunsProvider()],
  render: () => (
    <RunsTableView
      runs={RUNS.slice(1, 4)}
      now={NOW}
      error={new Error("Network error: fetch failed")}
      retry={fn()}
      updatedAt={NOW - 95_000}
      setStatus={fn()}
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("alert")).toHaveTextContent("fetch failed");
    await expect(canvasElement.querySelectorAll("tbody tr[data-run-id]")).toHaveLength(3);
    await expect(within(canvasElement).getByText("Updated 1 min ago")).toBeInTheDocument();
  },
};

/** The second of three pages, with the page-size select. */
export const Paginated: Story = {
  decorators: [withRunsProvider()],
  render: () => (
    <RunsTableView
      runs={RUNS.slice(0, 5)}
      now={NOW}
      page={1}
      pageSize={5}
      pageCount={3}
      total={14}
      hasPrevious
      hasNext
      setPage={fn()}
      setPageSize={fn()}
      pageSizes={[5, 10, 20]}
      setStatus={fn()}
      onOpenRun={fn()}
      deleteRun={fn()}
      updatedAt={NOW - 12_000}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Page 2 of 3")).toBeInTheDocument();
    await expect(summaryOf(canvasElement)).toHaveTextContent("Runs 6–10 of 14");
  },
};

/**
 * The last of many pages: two runs, and blank rows in place of the missing three, so the table
 * (and the pager under it) stays where the full pages put it.
 */
export const ManyPagesLastPage: Story = {
  decorators: [withRunsProvider()],
  render: () => (
    <RunsTableView
      runs={RUNS.slice(4, 6)}
      now={NOW}
      page={11}
      pageSize={5}
      pageCount={12}
      total={57}
      hasPrevious
      setPage={fn()}
      setPageSize={fn()}
      pageSizes={[5, 10, 20]}
      setStatus={fn()}
      onOpenRun={fn()}
      deleteRun={fn()}
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Page 12 of 12")).toBeInTheDocument();
    await expect(summaryOf(canvasElement)).toHaveTextContent("Runs 56–57 of 57");
    await expect(canvasElement.querySelectorAll("tbody tr.lgr-runs-table__filler")).toHaveLength(3);
  },
};

/** Runs ticked for a bulk action: the bar says how many, and what it can do with them. */
export const BulkSelection: Story = {
  decorators: [withRunsProvider()],
  render: () => <SelectableView initial={["run-running", "run-success", "run-error"]} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = canvas.getByRole("group", { name: "Selected runs" });
    await expect(bar).toHaveTextContent("3 selected");
    await expect(within(bar).getByRole("button", { name: "Cancel 1 run" })).toBeEnabled();
    await expect(within(bar).getByRole("button", { name: "Delete 2 runs" })).toBeEnabled();
    await expect(
      canvas.getByRole("checkbox", { name: "Select all runs on this page" }),
    ).toHaveProperty("indeterminate", true);
  },
};

/** "Delete 2 runs" asks first, with focus on "Keep". */
export const BulkDeleteConfirm: Story = {
  ...BulkSelection,
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole("group", { name: "Selected runs" });
    await userEvent.click(within(bar).getByRole("button", { name: "Delete 2 runs" }));
    await expect(within(bar).getByRole("button", { name: "Keep" })).toHaveFocus();
    await expect(within(bar).getByRole("group", { name: "Delete 2 runs?" })).toBeInTheDocument();
  },
};

/** A row's ⋯ menu, open: the less frequent actions. */
export const MenuOpen: Story = {
  decorators: [withRunsProvider()],
  render: () => (
    <RunsTableView
      runs={RUNS.slice(0, 4)}
      now={NOW}
      deleteRun={fn()}
      onOpenRun={fn()}
      setStatus={fn()}
    />
  ),
  play: async ({ canvasElement }) => {
    const row = canvasElement.querySelectorAll<HTMLElement>("tbody tr[data-run-id]")[1]!;
    moreOf(row).focus();
    await userEvent.keyboard("{ArrowDown}");
    const menu = menuOf(canvasElement);
    await expect(within(menu).getByRole("menuitem", { name: "Open run" })).toHaveFocus();
    await expect(
      within(menu)
        .getAllByRole("menuitem")
        .map((item) => item.textContent),
    ).toEqual(["Open run", "Copy run id", "Delete"]);
  },
};

/** A row's delete step, after "Delete" in its ⋯ menu. */
export const RowDeleteConfirm: Story = {
  ...MenuOpen,
  play: async ({ canvasElement }) => {
    const row = canvasElement.querySelectorAll<HTMLElement>("tbody tr[data-run-id]")[1]!;
    await userEvent.click(moreOf(row));
    await userEvent.click(within(menuOf(canvasElement)).getByRole("menuitem", { name: "Delete" }));
    await expect(within(row).getByRole("button", { name: "Keep" })).toHaveFocus();
    await expect(within(row).getByRole("group", { name: /^Delete run .*\?$/ })).toBeVisible();
  },
};

/** "Live · updated 3 s ago" while a run is active; "Updated 2 min ago" once all ended. */
export const LiveIndicator: Story = {
  decorators: [withRunsProvider()],
  render: () => (
    <div style={{ display: "grid", gap: "1.5rem" }}>
      <RunsTableView
        runs={ONE_OF_EACH.slice(1, 3)}
        now={NOW}
        updatedAt={NOW - 3_000}
        live
        caption="Live"
      />
      <RunsTableView
        runs={ONE_OF_EACH.slice(2, 4)}
        now={NOW}
        updatedAt={NOW - 125_000}
        caption="Idle"
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Live · updated 3 s ago")).toBeInTheDocument();
    await expect(canvas.getByText("Updated 2 min ago")).toBeInTheDocument();
  },
};

/** At 390 px the rows are stacked cards, their actions on screen. */
export const PhoneWidth: Story = {
  ...AllStatuses,
  decorators: [withPhoneWidth, withRunsProvider()],
  render: () => <SelectableView initial={["run-error"]} />,
  play: async ({ canvasElement }) => {
    const table = canvasElement.querySelector("table")!;
    const right = table.getBoundingClientRect().right;
    for (const group of within(canvasElement).getAllByRole("group", { name: /^Actions for / }))
      await expect(group.getBoundingClientRect().right).toBeLessThanOrEqual(right);
    await expect(canvasElement.querySelector(".lgr-runs__scroll")!.scrollWidth).toBeLessThanOrEqual(
      canvasElement.querySelector(".lgr-runs__scroll")!.clientWidth,
    );
  },
};

/** A ⋯ menu at 390 px: it stays on screen. */
export const PhoneWidthMenuOpen: Story = {
  ...PhoneWidth,
  play: async ({ canvasElement }) => {
    const row = rowOf(canvasElement, "run-error")!;
    await userEvent.click(moreOf(row));
    const box = menuOf(canvasElement).getBoundingClientRect();
    await expect(box.left).toBeGreaterThanOrEqual(0);
    await expect(box.right).toBeLessThanOrEqual(window.innerWidth);
  },
};

/** The empty state at 390 px. */
export const PhoneWidthEmpty: Story = {
  decorators: [withPhoneWidth],
  render: () => <RunsTableView runs={[]} setStatus={fn()} updatedAt={NOW - 8_000} now={NOW} />,
  play: async ({ canvasElement }) => {
    await expect(
      within(within(canvasElement).getByRole("table")).getByText("No runs yet."),
    ).toBeInTheDocument();
  },
};

/** The view with its own selection state, for the bulk stories. */
function SelectableView({ initial }: { initial: string[] }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initial));
  return (
    <RunsTableView
      runs={ONE_OF_EACH}
      now={NOW}
      total={ONE_OF_EACH.length}
      selectedIds={selected}
      setSelectedIds={setSelected}
      cancelRuns={fn()}
      deleteRuns={fn()}
      deleteRun={fn()}
      onOpenRun={fn()}
      updatedAt={NOW - 3_000}
      live
      setStatus={fn()}
    />
  );
}

// ---- Connected (RunsTable over a fetch stub) ------------------------------------------------

/** 12 runs, 5 per page (client-side paging, newest first); next page and status filter. */
export const Connected: Story = {
  decorators: [withStub({ runs: runsWithInputs(12) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(summaryOf(canvasElement)).toHaveTextContent("Runs 1–5 of 12"));
    await expect(canvasElement.querySelector("tbody tr")).toHaveAttribute("data-run-id", "run-012");
    await userEvent.click(canvas.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(canvas.getByText("Page 2 of 3")).toBeInTheDocument());
    await expect(canvasElement.querySelector("tbody tr")).toHaveAttribute("data-run-id", "run-007");
    await userEvent.selectOptions(canvas.getByLabelText("Status"), "error");
    await waitFor(() => expect(summaryOf(canvasElement)).toHaveTextContent("Runs 1–2 of 2"));
    for (const row of canvasElement.querySelectorAll("tbody tr[data-run-id]"))
      await expect(row).toHaveAttribute("data-status", "error");
    await expect(requests).toHaveBeenCalledWith(
      expect.objectContaining({ path: expect.stringContaining("status=error") }),
    );
  },
};

/** Still waiting for the first answer. */
export const ConnectedLoading: Story = {
  decorators: [withStub({ delayMs: Infinity })],
  play: async ({ canvasElement }) => {
    await expect(summaryOf(canvasElement)).toHaveTextContent("Loading runs…");
  },
};

/** The thread has no runs. */
export const ConnectedEmpty: Story = {
  decorators: [withStub({ runs: [] })],
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(
        within(within(canvasElement).getByRole("table")).getByText("No runs yet."),
      ).toBeInTheDocument(),
    );
  },
};

/** The first request fails; Retry loads the runs. */
export const ErrorThenRetry: Story = {
  decorators: [withStub({ runs: runsWithInputs(3), failLists: 1 })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert", {}, { timeout: 5_000 });
    await expect(alert).toHaveTextContent("Could not load runs");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(summaryOf(canvasElement)).toHaveTextContent("Runs 1–3 of 3"));
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

/** Row actions: open a run by a click, delete a finished run from ⋯, cancel the running one. */
export const RowActions: Story = {
  decorators: [withStub({ runs: runsWithInputs(4), cancelDelayMs: 1_500 })],
  play: async ({ canvasElement, args }) => {
    requests.mockClear();
    await waitFor(() => expect(rowOf(canvasElement, "run-004")).not.toBeNull());

    await userEvent.click(within(rowOf(canvasElement, "run-002")!).getByRole("rowheader"));
    await expect(args.onOpenRun).toHaveBeenCalledWith(
      "run-002",
      expect.objectContaining({ run_id: "run-002" }),
    );

    await userEvent.click(moreOf(rowOf(canvasElement, "run-001")!));
    await userEvent.click(within(menuOf(canvasElement)).getByRole("menuitem", { name: "Delete" }));
    // Destructive: an inline confirm step first ("Keep" has focus), then "Yes, delete".
    const confirmStep = within(rowOf(canvasElement, "run-001")!);
    await expect(confirmStep.getByRole("button", { name: "Keep" })).toHaveFocus();
    await userEvent.click(confirmStep.getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(rowOf(canvasElement, "run-001")).toBeNull());
    await expect(requests).toHaveBeenCalledWith({
      method: "DELETE",
      path: "/threads/thread-1/runs/run-001",
    });

    // The row's cancel is a CancelRunButton by ids: "Cancelling…" until the server confirms.
    const running = rowOf(canvasElement, "run-004")!;
    await userEvent.click(within(running).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(running).toHaveAttribute("data-status", "cancelling"));
    await expect(within(running).getByRole("button", { name: "Cancelling…" })).toHaveFocus();
    await waitFor(
      () => expect(rowOf(canvasElement, "run-004")).toHaveAttribute("data-status", "stopped"),
      { timeout: 5_000 },
    );
    await expect(summaryOf(canvasElement)).toHaveTextContent("Runs 1–3 of 3");
  },
};

/** Select all, delete the finished runs, then cancel the running one, from the bulk bar. */
export const ConnectedBulkActions: Story = {
  decorators: [withStub({ runs: runsWithInputs(4), cancelDelayMs: 1_500 })],
  play: async ({ canvasElement }) => {
    requests.mockClear();
    const canvas = within(canvasElement);
    await waitFor(() => expect(summaryOf(canvasElement)).toHaveTextContent("Runs 1–4 of 4"));
    await userEvent.click(canvas.getByRole("checkbox", { name: "Select all runs on this page" }));
    await userEvent.click(canvas.getByRole("button", { name: "Delete 3 runs" }));
    await userEvent.click(canvas.getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(summaryOf(canvasElement)).toHaveTextContent("Runs 1–1 of 1"));
    for (const id of ["run-001", "run-002", "run-003"])
      await expect(requests).toHaveBeenCalledWith({
        method: "DELETE",
        path: `/threads/thread-1/runs/${id}`,
      });
    await userEvent.click(canvas.getByRole("checkbox", { name: "Select run run-004" }));
    await userEvent.click(canvas.getByRole("button", { name: "Cancel 1 run" }));
    await userEvent.click(canvas.getByRole("button", { name: "Yes, cancel" }));
    await waitFor(() =>
      expect(rowOf(canvasElement, "run-004")).toHaveAttribute("data-status", "cancelling"),
    );
    await waitFor(
      () => expect(rowOf(canvasElement, "run-004")).toHaveAttribute("data-status", "stopped"),
      { timeout: 5_000 },
    );
  },
};

/** The server refuses a delete: the row comes back and an alert says why. */
export const DeleteFails: Story = {
  decorators: [withStub({ runs: runsWithInputs(3), failDelete: true })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowOf(canvasElement, "run-001")).not.toBeNull());
    await userEvent.click(moreOf(rowOf(canvasElement, "run-001")!));
    await userEvent.click(within(menuOf(canvasElement)).getByRole("menuitem", { name: "Delete" }));
    await userEvent.click(
      within(rowOf(canvasElement, "run-001")!).getByRole("button", { name: "Yes, delete" }),
    );
    const alert = await canvas.findByRole("alert", {}, { timeout: 5_000 });
    await expect(alert).toHaveTextContent("Could not delete run run-001");
    await waitFor(() => expect(rowOf(canvasElement, "run-001")).not.toBeNull());
  },
};

/** Server-side paging (`paging="server"`): limit/offset per page, no total. */
export const ServerPaging: Story = {
  args: { paging: "server" },
  decorators: [withStub({ runs: runsWithInputs(7) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(summaryOf(canvasElement)).toHaveTextContent("Runs 1–5"));
    await userEvent.click(canvas.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(summaryOf(canvasElement)).toHaveTextContent("Runs 6–7"));
    await expect(requests).toHaveBeenCalledWith(
      expect.objectContaining({ path: expect.stringContaining("limit=6&offset=5") }),
    );
  },
};

/** A recorded run replayed through the real hooks: the table follows it from running to success. */
export const Live: Story = {
  args: { threadId: undefined },
  render: (args) => (
    <LiveRun transcript={chatTokens} speed={0.03}>
      {(stream) => (
        <RunsTable
          threadId={stream.threadId}
          liveIntervalMs={200}
          onOpenRun={args.onOpenRun}
          caption="Runs of the replayed thread"
        />
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector("tbody tr[data-status='success']")).not.toBeNull(),
      { timeout: 10_000 },
    );
  },
};

// ---- Dark theme (the a11y check covers dark-theme contrast too) ------------------------------

export const AllStatusesDark: Story = { ...AllStatuses, globals: { theme: "dark" } };
export const PaginatedDark: Story = { ...Paginated, globals: { theme: "dark" } };
export const BulkSelectionDark: Story = { ...BulkSelection, globals: { theme: "dark" } };
export const MenuOpenDark: Story = { ...MenuOpen, globals: { theme: "dark" } };
export const ErrorDark: Story = { ...ErrorState, name: "Error (dark)", globals: { theme: "dark" } };
export const EmptyDark: Story = { ...Empty, globals: { theme: "dark" } };
export const PhoneWidthDark: Story = { ...PhoneWidth, globals: { theme: "dark" } };
