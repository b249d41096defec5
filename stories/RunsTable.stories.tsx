import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { RunsTable, RunsTableView } from "../src/components/RunsTable";
import { chatTokens } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { createRunsFetchStub, makeRun, sampleRuns } from "./support/runsFetchStub";
import { withRunsProvider } from "./support/withRunsProvider";

/** A fixed clock, so static stories (and their screenshots) do not change. */
const NOW = Date.parse("2025-03-14T15:09:26Z");
/** Newest first, as the table shows them. */
const RUNS = sampleRuns("thread-1", 6, NOW).reverse();
const ONE_OF_EACH = [
  makeRun({
    run_id: "run-pending",
    status: "pending",
    created_at: iso(-4_000),
    updated_at: iso(-4_000),
  }),
  makeRun({
    run_id: "run-running",
    status: "running",
    created_at: iso(-65_000),
    updated_at: iso(-1_000),
  }),
  makeRun({
    run_id: "run-success",
    status: "success",
    created_at: iso(-600_000),
    updated_at: iso(-587_700),
  }),
  makeRun({
    run_id: "run-error",
    status: "error",
    created_at: iso(-900_000),
    updated_at: iso(-899_150),
  }),
  makeRun({
    run_id: "run-timeout",
    status: "timeout",
    created_at: iso(-3_600_000),
    updated_at: iso(-3_000_000),
  }),
  makeRun({
    run_id: "01a1fdcd-3359-737b-962c-39053861b98f",
    status: "interrupted",
    created_at: iso(-7_200_000),
    updated_at: iso(-7_195_000),
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

const meta = {
  title: "Components/RunsTable",
  component: RunsTable,
  args: { threadId: "thread-1", pageSize: 5, onOpenRun: fn(), liveIntervalMs: 250 },
} satisfies Meta<typeof RunsTable>;

export default meta;
type Story = StoryObj<typeof meta>;

const rowOf = (canvasElement: HTMLElement, runId: string) =>
  canvasElement.querySelector<HTMLElement>(`tr[data-run-id="${runId}"]`);

// ---- Presentational (RunsTableView, plain props) -------------------------------------------

/** Every run status in one table, with row actions (a fixed clock). */
export const AllStatuses: Story = {
  render: () => (
    <RunsTableView
      runs={ONE_OF_EACH}
      now={NOW}
      total={ONE_OF_EACH.length}
      cancellingIds={new Set(["run-pending"])}
      onCancelRun={fn()}
      onDeleteRun={fn()}
      onOpenRun={fn()}
      caption="Runs of thread-1"
    />
  ),
  play: async ({ canvasElement }) => {
    await expect(
      within(rowOf(canvasElement, "run-running")!).getByText("running for 1 min 05 s"),
    ).toBeInTheDocument();
    await expect(
      within(rowOf(canvasElement, "run-success")!).getByText("12 s"),
    ).toBeInTheDocument();
    await expect(rowOf(canvasElement, "run-pending")).toHaveAttribute("data-status", "cancelling");
    await expect(within(canvasElement).getByText("…3861b98f")).toBeInTheDocument();
  },
};

/** First load: skeleton rows and "Loading runs…". */
export const Loading: Story = {
  render: () => <RunsTableView runs={[]} loading onStatusChange={fn()} onOpenRun={fn()} />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading runs…");
    await expect(canvasElement.querySelector("table")).toHaveAttribute("aria-busy", "true");
  },
};

/** No runs on the thread. */
export const Empty: Story = {
  render: () => <RunsTableView runs={[]} onStatusChange={fn()} onOpenRun={fn()} />,
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole("cell", { name: "No runs yet." }),
    ).toBeInTheDocument();
  },
};

/** The list request failed: an alert with Retry. */
export const ErrorState: Story = {
  name: "Error",
  render: (args) => (
    <RunsTableView
      runs={[]}
      error={new Error("Internal Server Error (500)")}
      onRetry={args.onOpenRun as () => void}
      onStatusChange={fn()}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert).toHaveTextContent("Could not load runs: Internal Server Error (500)");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await expect(args.onOpenRun).toHaveBeenCalled();
  },
};

/** The second of three pages, with the page-size select. */
export const Paginated: Story = {
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
      onPageChange={fn()}
      onPageSizeChange={fn()}
      pageSizes={[5, 10, 20]}
      onStatusChange={fn()}
      onOpenRun={fn()}
      onDeleteRun={fn()}
      onCancelRun={fn()}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Page 2 of 3")).toBeInTheDocument();
    await expect(canvas.getByRole("status")).toHaveTextContent("Runs 6–10 of 14");
  },
};

// ---- Connected (RunsTable over a fetch stub) ------------------------------------------------

/** 12 runs, 5 per page (client-side paging, newest first); next page and status filter. */
export const Connected: Story = {
  decorators: [withStub({ runs: sampleRuns("thread-1", 12) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Runs 1–5 of 12"));
    await expect(canvasElement.querySelector("tbody tr")).toHaveAttribute("data-run-id", "run-012");
    await userEvent.click(canvas.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(canvas.getByText("Page 2 of 3")).toBeInTheDocument());
    await expect(canvasElement.querySelector("tbody tr")).toHaveAttribute("data-run-id", "run-007");
    await userEvent.selectOptions(canvas.getByLabelText("Status"), "error");
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Runs 1–2 of 2"));
    for (const row of canvasElement.querySelectorAll("tbody tr"))
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
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Loading runs…");
  },
};

/** The thread has no runs. */
export const ConnectedEmpty: Story = {
  decorators: [withStub({ runs: [] })],
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(within(canvasElement).getByRole("cell", { name: "No runs yet." })).toBeInTheDocument(),
    );
  },
};

/** The first request fails; Retry loads the runs. */
export const ErrorThenRetry: Story = {
  decorators: [withStub({ runs: sampleRuns("thread-1", 3), failLists: 1 })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert", {}, { timeout: 5_000 });
    await expect(alert).toHaveTextContent("Could not load runs");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Runs 1–3 of 3"));
    await expect(canvas.queryByRole("alert")).toBeNull();
  },
};

/** Row actions: open the event log, delete a finished run, cancel the running one. */
export const RowActions: Story = {
  decorators: [withStub({ runs: sampleRuns("thread-1", 4), cancelDelayMs: 500 })],
  play: async ({ canvasElement, args }) => {
    requests.mockClear();
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowOf(canvasElement, "run-004")).not.toBeNull());

    const open = within(rowOf(canvasElement, "run-002")!).getByRole("button", {
      name: "Open event log",
    });
    await userEvent.click(open);
    await expect(args.onOpenRun).toHaveBeenCalledWith(
      "run-002",
      expect.objectContaining({ run_id: "run-002" }),
    );

    await userEvent.click(
      within(rowOf(canvasElement, "run-001")!).getByRole("button", { name: "Delete" }),
    );
    // Destructive: an inline confirm step first ("Keep" has focus), then "Yes, delete".
    const confirmStep = within(rowOf(canvasElement, "run-001")!);
    await expect(confirmStep.getByRole("button", { name: "Keep" })).toHaveFocus();
    await userEvent.click(confirmStep.getByRole("button", { name: "Yes, delete" }));
    await waitFor(() => expect(rowOf(canvasElement, "run-001")).toBeNull());
    await expect(requests).toHaveBeenCalledWith({
      method: "DELETE",
      path: "/threads/thread-1/runs/run-001",
    });

    const running = rowOf(canvasElement, "run-004")!;
    await userEvent.click(within(running).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(running).toHaveAttribute("data-status", "cancelling"));
    await waitFor(
      () => expect(rowOf(canvasElement, "run-004")).toHaveAttribute("data-status", "stopped"),
      {
        timeout: 5_000,
      },
    );
    await expect(canvas.getByRole("status")).toHaveTextContent("Runs 1–3 of 3");
  },
};

/** The server refuses a delete: the row comes back and an alert says why. */
export const DeleteFails: Story = {
  decorators: [withStub({ runs: sampleRuns("thread-1", 3), failDelete: true })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowOf(canvasElement, "run-001")).not.toBeNull());
    await userEvent.click(
      within(rowOf(canvasElement, "run-001")!).getByRole("button", { name: "Delete" }),
    );
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
  decorators: [withStub({ runs: sampleRuns("thread-1", 7) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Runs 1–5"));
    await userEvent.click(canvas.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Runs 6–7"));
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

/** Every run status in the dark theme (the a11y check covers dark-theme contrast too). */
export const AllStatusesDark: Story = { ...AllStatuses, globals: { theme: "dark" } };

/** Pagination in the dark theme (the a11y check covers dark-theme contrast too). */
export const PaginatedDark: Story = { ...Paginated, globals: { theme: "dark" } };
