import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Run } from "../../../src/client";
import { RunsTable, RunsTableView } from "../../../src/components/RunsTable";
import { humanInput, runsHarness } from "../../support/renderWithRuns";

afterEach(cleanup);

const rows = (container: HTMLElement) =>
  Array.from(container.querySelectorAll<HTMLElement>("tbody tr[data-run-id]"));
const row = (container: HTMLElement, runId: string) =>
  container.querySelector<HTMLElement>(`tbody tr[data-run-id="${runId}"]`);

describe("RunsTable against the real Agent Server", () => {
  it("lists a thread's runs, filters by status and deletes a row", async () => {
    const harness = runsHarness();
    const { client } = harness;
    const thread = await client.threads.create();
    await client.runs.wait(thread.thread_id, "agent", { input: humanInput("/tokens 3") });
    await client.runs.wait(thread.thread_id, "agent", {
      input: humanInput("/error"),
      raiseError: false,
    });
    await client.runs.wait(thread.thread_id, "agent", { input: humanInput("hello") });
    const runs = await client.runs.list(thread.thread_id);
    expect(runs).toHaveLength(3);
    const failed = runs.find((run) => run.status === "error")!;
    const onOpenRun = vi.fn();

    const { container } = render(<RunsTable threadId={thread.thread_id} onOpenRun={onOpenRun} />, {
      wrapper: harness.wrapper,
    });
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    expect(screen.getByRole("status")).toHaveTextContent("Runs 1–3 of 3");
    expect(row(container, failed.run_id)).toHaveAttribute("data-status", "error");
    // Newest first.
    expect(rows(container).map((r) => r.dataset["runId"])).toEqual(
      [...runs].sort((a, b) => b.created_at.localeCompare(a.created_at)).map((r) => r.run_id),
    );

    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "error" } });
    await waitFor(() => expect(rows(container)).toHaveLength(1));
    expect(rows(container)[0]).toHaveAttribute("data-run-id", failed.run_id);

    fireEvent.click(within(rows(container)[0]!).getByRole("button", { name: "Open event log" }));
    expect(onOpenRun).toHaveBeenCalledWith(
      failed.run_id,
      expect.objectContaining({ status: "error" }),
    );

    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "all" } });
    await waitFor(() => expect(rows(container)).toHaveLength(3));
    fireEvent.click(within(row(container, failed.run_id)!).getByRole("button", { name: "Delete" }));
    // Destructive: asks first, with focus on the safe choice; nothing is deleted yet.
    const keep = within(row(container, failed.run_id)!).getByRole("button", { name: "Keep" });
    await waitFor(() => expect(keep).toHaveFocus());
    fireEvent.click(keep);
    await waitFor(() =>
      expect(
        within(row(container, failed.run_id)!).getByRole("button", { name: "Delete" }),
      ).toHaveFocus(),
    );
    expect(await client.runs.list(thread.thread_id)).toHaveLength(3);
    fireEvent.click(within(row(container, failed.run_id)!).getByRole("button", { name: "Delete" }));
    fireEvent.click(
      within(row(container, failed.run_id)!).getByRole("button", { name: "Yes, delete" }),
    );
    await waitFor(() => expect(row(container, failed.run_id)).toBeNull());
    expect(container.querySelector("caption")).toHaveFocus();
    await waitFor(async () => expect(await client.runs.list(thread.thread_id)).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Runs 1–2 of 2"));
  });

  it("follows a running run live and cancels it from its row", async () => {
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
      {
        timeout: 10_000,
      },
    );
    const duration = row(container, run.run_id)!.querySelector(".lgr-runs-table__duration")!;
    expect(duration.textContent).toMatch(/^running for /);

    fireEvent.click(within(row(container, run.run_id)!).getByRole("button", { name: "Cancel" }));
    await waitFor(() =>
      expect(row(container, run.run_id)).toHaveAttribute("data-status", "cancelling"),
    );
    await waitFor(
      () => expect(row(container, run.run_id)).toHaveAttribute("data-status", "stopped"),
      { timeout: 15_000 },
    );
    expect(row(container, run.run_id)).toHaveAttribute("data-run-status", "interrupted");
    expect(within(row(container, run.run_id)!).getByText("Stopped")).toBeInTheDocument();
    expect(
      within(row(container, run.run_id)!).getByRole("button", { name: "Delete" }),
    ).toBeEnabled();
  });

  it("pages on the client (the JS server's offset is wrong)", async () => {
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
    fireEvent.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(screen.getByText("Page 2 of 3")).toBeInTheDocument());
    for (const r of rows(container)) seen.add(r.dataset["runId"]);
    fireEvent.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(screen.getByText("Page 3 of 3")).toBeInTheDocument());
    expect(rows(container)).toHaveLength(1);
    for (const r of rows(container)) seen.add(r.dataset["runId"]);
    expect(seen.size).toBe(5);
    // The last page: Next does nothing, but stays focusable (focus never falls to the body).
    expect(screen.getByRole("button", { name: /Next/ })).toHaveAttribute("aria-disabled", "true");
  });

  it("shows an error with Retry when the list fails", async () => {
    const harness = runsHarness({ apiUrl: "http://127.0.0.1:9", maxRetries: 0 });
    render(<RunsTable threadId="no-such-thread" />, { wrapper: harness.wrapper });
    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent("Could not load runs");
    expect(within(alert).getByRole("button", { name: "Retry" })).toBeEnabled();
  });
});

describe("RunsTableView", () => {
  it("renders ids and metadata from the server as text, never as HTML", () => {
    const hostile: Run = {
      run_id: "<img src=x onerror=alert(1)>",
      thread_id: "javascript:alert(1)",
      assistant_id: "agent",
      created_at: "<b>not a date</b>",
      updated_at: "<b>not a date</b>",
      status: "success",
      metadata: {},
      multitask_strategy: null,
    };
    const { container } = render(<RunsTableView runs={[hostile]} onOpenRun={() => undefined} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain("<b>not a date</b>");
    expect(container.querySelector("code")?.getAttribute("title")).toBe(hostile.run_id);
  });
});
