import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CancelRunButton } from "../../../src/components/CancelRunButton";
import { RunStatusBadge } from "../../../src/components/RunStatusBadge";
import { useRunStream } from "../../../src/hooks";
import { humanInput, runsHarness } from "../../support/renderWithRuns";

afterEach(cleanup);

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
    const yes = screen.getByRole("button", { name: "Yes, cancel" });
    await waitFor(() => expect(yes).toHaveFocus());
    fireEvent.click(yes);

    const pending = await screen.findByRole("button", { name: "Cancelling…" });
    expect(pending).toHaveAttribute("aria-busy", "true");
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

  it("cancels a useRunStream run through stream.stop", async () => {
    const harness = runsHarness();
    let submit: (() => Promise<void>) | undefined;
    function Chat() {
      const stream = useRunStream({ assistantId: "agent" });
      submit = () => stream.submit(humanInput("/slow 20000"));
      return (
        <p>
          <RunStatusBadge runKey={stream.key} />
          <CancelRunButton stream={stream} />
        </p>
      );
    }
    render(<Chat />, { wrapper: harness.wrapper });
    let done: Promise<void> | undefined;
    act(() => {
      done = submit!();
    });
    await waitFor(() => expect(screen.getByText("Running")).toBeInTheDocument(), {
      timeout: 10_000,
    });
    fireEvent.click(screen.getByRole("button", { name: "Cancel run" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Cancelling…" })).toBeVisible());
    await waitFor(() => expect(screen.getByText("Stopped")).toBeInTheDocument(), {
      timeout: 15_000,
    });
    expect(screen.getByRole("button", { name: "Cancelled" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await act(() => done!);
  });
});
