import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createRef } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RunsClientError } from "../../../src/client";
import { CancelRunButton } from "../../../src/components/CancelRunButton";
import { RunStatusBadge } from "../../../src/components/RunStatusBadge";
import {
  RunScope,
  useRunController,
  useRunStream,
  type UseRunStreamResult,
} from "../../../src/hooks";
import { humanInput, runsHarness } from "../../support/renderWithRuns";

afterEach(cleanup);

/** Starts a long run on a handle. */
function longRun(handle: Pick<UseRunStreamResult, "submit">): Promise<void> {
  return handle.submit(humanInput("/slow 20000"));
}

/**
 * Starts the run and waits until the badge in the page says it runs. The run's end comes back
 * in an object: an async function returning the promise would wait for it.
 */
async function startRun(start: () => Promise<void>): Promise<{ done: Promise<void> }> {
  let done!: Promise<void>;
  act(() => {
    done = start();
  });
  await waitFor(() => expect(screen.getByText("Running")).toBeInTheDocument(), {
    timeout: 10_000,
  });
  return { done };
}

describe("CancelRunButton against the real Agent Server", () => {
  it("cancels a run by ids after the confirm step, pending until the server reports interrupted", async () => {
    const harness = runsHarness();
    const { client } = harness;
    const thread = await client.threads.create();
    const run = await client.runs.create(thread.thread_id, "agent", {
      input: humanInput("/slow 20000"),
    });
    const onCancelled = vi.fn();
    const { container } = render(
      <CancelRunButton
        threadId={thread.thread_id}
        runId={run.run_id}
        confirm
        onCancelled={onCancelled}
      />,
      { wrapper: harness.wrapper },
    );
    const root = () => container.querySelector(".lgr-cancel");

    // Without a status prop the run is fetched: the button enables once it is known to be active.
    await waitFor(() => expect(screen.getByRole("button", { name: "Cancel run" })).toBeEnabled());
    fireEvent.click(screen.getByRole("button", { name: "Cancel run" }));
    // Destructive: the step opens on its safe choice.
    await waitFor(() => expect(screen.getByRole("button", { name: "Keep running" })).toHaveFocus());
    expect(screen.getByRole("group", { name: "Cancel this run?" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Yes, cancel" }));

    // Focus comes back to the button, which waits for the server.
    const pending = await screen.findByRole("button", { name: "Cancelling…" });
    expect(pending).toHaveAttribute("aria-busy", "true");
    await waitFor(() => expect(pending).toHaveFocus());
    expect(root()).toHaveAttribute("data-state", "cancelling");

    // Cancelled: it does nothing more, yet keeps focus (aria-disabled, not disabled).
    await waitFor(
      () =>
        expect(screen.getByRole("button", { name: "Cancelled" })).toHaveAttribute(
          "aria-disabled",
          "true",
        ),
      { timeout: 15_000 },
    );
    expect(root()).toHaveAttribute("data-run-status", "interrupted");
    expect(onCancelled).toHaveBeenCalledTimes(1);
    expect(onCancelled).toHaveBeenCalledWith(
      expect.objectContaining({ run_id: run.run_id, status: "interrupted" }),
    );
    expect((await client.runs.get(thread.thread_id, run.run_id)).status).toBe("interrupted");
  });

  it("is disabled for a finished run", async () => {
    const harness = runsHarness();
    const thread = await harness.client.threads.create();
    await harness.client.runs.wait(thread.thread_id, "agent", { input: humanInput("hi") });
    const [run] = await harness.client.runs.list(thread.thread_id);
    render(<CancelRunButton threadId={thread.thread_id} runId={run!.run_id} />, {
      wrapper: harness.wrapper,
    });
    await waitFor(() =>
      expect(document.querySelector(".lgr-cancel")).toHaveAttribute("data-run-status", "success"),
    );
    expect(screen.getByRole("button", { name: "Cancel run" })).toBeDisabled();
  });

  it("shows a refused cancel by ids and reports it as a RunsClientError", async () => {
    const harness = runsHarness();
    const onError = vi.fn();
    render(
      <CancelRunButton
        threadId="00000000-0000-0000-0000-000000000001"
        runId="00000000-0000-0000-0000-000000000002"
        status="running"
        onError={onError}
      />,
      { wrapper: harness.wrapper },
    );
    fireEvent.click(screen.getByRole("button", { name: "Cancel run" }));
    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent(/^Could not cancel the run:/);
    // The run is still there to cancel: the button can be used again.
    expect(screen.getByRole("button", { name: "Cancel run" })).toBeEnabled();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(RunsClientError);
    expect((onError.mock.calls[0]![0] as RunsClientError).kind).toBe("not_found");
  });

  it("cancels a useRunStream run through its handle", async () => {
    const harness = runsHarness();
    let start!: () => Promise<void>;
    function Chat() {
      const stream = useRunStream({ assistantId: "agent" });
      start = () => longRun(stream);
      return (
        <p>
          <RunStatusBadge run={stream} />
          <CancelRunButton run={stream} />
        </p>
      );
    }
    render(<Chat />, { wrapper: harness.wrapper });
    expect(screen.getByRole("button", { name: "Cancel run" })).toBeDisabled();
    const { done } = await startRun(() => start());
    fireEvent.click(screen.getByRole("button", { name: "Cancel run" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Cancelling…" })).toBeVisible());
    await waitFor(() => expect(screen.getByText("Stopped")).toBeInTheDocument(), {
      timeout: 15_000,
    });
    expect(screen.getByRole("button", { name: "Cancelled" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await act(() => done);
  });

  it("cancels a useRunController run (a handle without state) from the RunScope", async () => {
    const harness = runsHarness();
    let start!: () => Promise<void>;
    const onCancelled = vi.fn();
    let ownerRenders = 0;
    function Chat() {
      ownerRenders += 1;
      const controller = useRunController({ assistantId: "agent" });
      start = () => longRun(controller);
      return (
        <RunScope run={controller}>
          <RunStatusBadge />
          <CancelRunButton confirm action="rollback" onCancelled={onCancelled} />
        </RunScope>
      );
    }
    render(<Chat />, { wrapper: harness.wrapper });
    expect(screen.getByRole("button", { name: "Cancel and roll back" })).toBeDisabled();
    const { done } = await startRun(() => start());
    const rendersWhileRunning = ownerRenders;

    fireEvent.click(screen.getByRole("button", { name: "Cancel and roll back" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Keep running" })).toHaveFocus());
    fireEvent.keyDown(screen.getByRole("group", { name: "Cancel this run and delete it?" }), {
      key: "Escape",
    });
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Cancel and roll back" })).toHaveFocus(),
    );
    fireEvent.click(screen.getByRole("button", { name: "Cancel and roll back" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, roll back" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Rolled back" })).toBeVisible(), {
      timeout: 15_000,
    });
    expect(onCancelled).toHaveBeenCalledWith(null);
    await act(() => done);
    // The button read the run from the store: the owner did not re-render for it.
    expect(ownerRenders).toBe(rendersWhileRunning);
  });

  it("gives id, aria-*, data-* and style to its root, and its ref", async () => {
    const harness = runsHarness();
    const ref = createRef<HTMLSpanElement>();
    render(
      <>
        <p id="why">Stops the report.</p>
        <CancelRunButton
          ref={ref}
          threadId="t"
          runId="r"
          status="running"
          id="stop-report"
          aria-describedby="why"
          data-testid="stop"
          style={{ marginLeft: "4px" }}
          className="mine"
        />
      </>,
      { wrapper: harness.wrapper },
    );
    const root = screen.getByTestId("stop");
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute("id", "stop-report");
    expect(root).toHaveAccessibleDescription("Stops the report.");
    expect(root).toHaveStyle({ marginLeft: "4px" });
    expect(root).toHaveClass("lgr-cancel", "mine");
    expect(root).toHaveAttribute("data-state", "ready");
  });
});
