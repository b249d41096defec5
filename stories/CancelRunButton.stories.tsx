import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CancelRunButton } from "../src/components/CancelRunButton";
import { RunStatusBadge } from "../src/components/RunStatusBadge";
import { RunScope } from "../src/hooks";
import type { AnyRunHandle } from "../src/store/RunHandle";
import { longStream } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { createRunsFetchStub, makeRun } from "./support/runsFetchStub";
import { withRunsProvider } from "./support/withRunsProvider";

/** Requests the stub saw, for play functions (cleared at the start of each). */
const requests = fn();

/** A provider whose client talks to a fresh stub holding one running run (thread-1 / run-1). */
const withRunningRun = (options: { failCancel?: boolean } = {}) =>
  withRunsProvider({
    makeFetch: () =>
      createRunsFetchStub({
        runs: [makeRun({ run_id: "run-1", thread_id: "thread-1", status: "running" })],
        cancelDelayMs: 1_500,
        delayMs: 50,
        onRequest: requests,
        ...options,
      }).fetch,
  });

/** A run handle whose actions only record their calls, for a session seeded in the story. */
function recordingRun(id: string) {
  return {
    id,
    threadId: "thread-1",
    submit: fn(async () => undefined),
    resume: fn(async () => undefined),
    resumeAll: fn(async () => undefined),
    stop: fn(async () => undefined),
    disconnect: fn(),
    join: fn(async () => undefined),
    resubmit: fn(async () => undefined),
    dismissRefusal: fn(),
    showCheckpoint: fn(async () => undefined),
  } satisfies AnyRunHandle;
}

/** The handle of a run the stream buffer says is running (thread-1 / run-1). */
const chat = recordingRun("chat");
const withRunningSession = (seed: { cancelling?: boolean } = {}) =>
  withRunsProvider({
    sessions: {
      chat: { threadId: "thread-1", runId: "run-1", status: "running", ...seed },
    },
  });

const cancelRequest = expect.objectContaining({
  method: "POST",
  path: expect.stringMatching(/^\/threads\/thread-1\/runs\/run-1\/cancel/),
});

const meta = {
  title: "Components/CancelRunButton",
  component: CancelRunButton,
  args: { threadId: "thread-1", runId: "run-1", status: "running", onCancelled: fn() },
  decorators: [withRunningRun()],
} satisfies Meta<typeof CancelRunButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The states side by side (the confirm step is opened by the play function). */
export const AllStates: Story = {
  render: () => {
    return (
      <table className="lgr-story-grid">
        <caption className="lgr-visually-hidden">Cancel button states</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Button</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>ready</td>
            <td>
              <CancelRunButton threadId="thread-1" runId="run-1" status="running" />
            </td>
          </tr>
          <tr>
            <td>confirming</td>
            <td data-testid="confirming">
              <CancelRunButton threadId="thread-1" runId="run-1" status="running" confirm />
            </td>
          </tr>
          <tr>
            <td>cancelling</td>
            <td>
              <CancelRunButton threadId="thread-1" runId="run-1" status="running" cancelling />
            </td>
          </tr>
          <tr>
            <td>rollback</td>
            <td>
              <CancelRunButton
                threadId="thread-1"
                runId="run-1"
                status="running"
                action="rollback"
              />
            </td>
          </tr>
          <tr>
            <td>inactive</td>
            <td>
              <CancelRunButton threadId="thread-1" runId="run-1" status="success" />
            </td>
          </tr>
        </tbody>
      </table>
    );
  },
  play: async ({ canvasElement }) => {
    const cell = within(within(canvasElement).getByTestId("confirming"));
    await userEvent.click(cell.getByRole("button", { name: "Cancel run" }));
    await expect(cell.getByRole("button", { name: "Keep running" })).toHaveFocus();
  },
};

/** Cancels at once (no confirm): "Cancelling…" until the server reports the run interrupted. */
export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    requests.mockClear();
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Cancel run" }));
    await expect(canvas.getByRole("button", { name: "Cancelling…" })).toHaveAttribute(
      "aria-busy",
      "true",
    );
    await waitFor(
      () =>
        expect(canvas.getByRole("button", { name: "Cancelled" })).toHaveAttribute(
          "aria-disabled",
          "true",
        ),
      {
        timeout: 5_000,
      },
    );
    await expect(requests).toHaveBeenCalledWith(cancelRequest);
    await expect(args.onCancelled).toHaveBeenCalledWith(
      expect.objectContaining({ run_id: "run-1", status: "interrupted" }),
    );
  },
};

/**
 * The inline confirm step: cancel, then "Yes, cancel"; focus moves into the step (on its safe
 * choice) and back to the button.
 */
export const WithConfirm: Story = {
  args: { confirm: true },
  play: async ({ canvasElement, args }) => {
    requests.mockClear();
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Cancel run" }));
    const group = canvas.getByRole("group", { name: "Cancel this run?" });
    await expect(within(group).getByRole("button", { name: "Keep running" })).toHaveFocus();
    const yes = within(group).getByRole("button", { name: "Yes, cancel" });
    await expect(requests).not.toHaveBeenCalledWith(cancelRequest);
    await userEvent.click(yes);
    const button = canvas.getByRole("button", { name: "Cancelling…" });
    await expect(button).toHaveFocus();
    await waitFor(
      () =>
        expect(canvas.getByRole("button", { name: "Cancelled" })).toHaveAttribute(
          "aria-disabled",
          "true",
        ),
      {
        timeout: 5_000,
      },
    );
    await expect(requests).toHaveBeenCalledWith(cancelRequest);
    await expect(args.onCancelled).toHaveBeenCalledTimes(1);
  },
};

/** The confirm step is left with Escape (or "Keep running"): nothing is sent. */
export const ConfirmDismissed: Story = {
  args: { confirm: true },
  play: async ({ canvasElement, args }) => {
    requests.mockClear();
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Cancel run" }));
    await expect(canvas.getByRole("button", { name: "Keep running" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    await expect(canvas.getByRole("button", { name: "Cancel run" })).toHaveFocus();
    await userEvent.click(canvas.getByRole("button", { name: "Cancel run" }));
    await userEvent.click(canvas.getByRole("button", { name: "Keep running" }));
    await expect(canvas.getByRole("button", { name: "Cancel run" })).toBeEnabled();
    await expect(requests).not.toHaveBeenCalledWith(cancelRequest);
    await expect(args.onCancelled).not.toHaveBeenCalled();
  },
};

/** The confirm step open (for screenshots and the a11y check). */
export const Confirming: Story = {
  args: { confirm: true, action: "rollback" },
  play: async ({ canvasElement }) => {
    await userEvent.click(
      within(canvasElement).getByRole("button", { name: "Cancel and roll back" }),
    );
  },
};

/** `action="rollback"` asks the server to delete the run and its checkpoints too. */
export const Rollback: Story = {
  args: { action: "rollback", confirm: true },
  play: async ({ canvasElement, args }) => {
    requests.mockClear();
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Cancel and roll back" }));
    await userEvent.click(canvas.getByRole("button", { name: "Yes, roll back" }));
    await waitFor(
      () =>
        expect(canvas.getByRole("button", { name: "Rolled back" })).toHaveAttribute(
          "aria-disabled",
          "true",
        ),
      {
        timeout: 5_000,
      },
    );
    await expect(requests).toHaveBeenCalledWith(
      expect.objectContaining({ method: "POST", path: expect.stringContaining("action=rollback") }),
    );
    await expect(args.onCancelled).toHaveBeenCalledWith(null);
  },
};

/** Nothing to cancel: a finished run. */
export const Inactive: Story = {
  args: { status: "success" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Cancel run" })).toBeDisabled();
  },
};

/** Without `status`, the run is fetched to know whether it can be cancelled. */
export const StatusFetched: Story = {
  args: { status: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole("button", { name: "Cancel run" })).toBeEnabled());
    await expect(canvasElement.querySelector(".lgr-cancel")).toHaveAttribute(
      "data-run-status",
      "running",
    );
  },
};

/** The server refuses: the error is shown (role="alert") and the button can be used again. */
export const CancelFails: Story = {
  decorators: [withRunningRun({ failCancel: true })],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Cancel run" }));
    await waitFor(() => expect(canvas.getByRole("alert")).toHaveTextContent(/Could not cancel/), {
      timeout: 5_000,
    });
    await expect(canvas.getByRole("button", { name: "Cancel run" })).toBeEnabled();
    await expect(args.onCancelled).not.toHaveBeenCalled();
  },
};

/** A run handle (`useRunController`'s or `useRunStream`'s): the button calls `run.stop()`. */
export const HandleMode: Story = {
  args: { threadId: undefined, runId: undefined, status: undefined, run: chat },
  decorators: [withRunningSession()],
  play: async ({ canvasElement }) => {
    chat.stop.mockClear();
    await expect(canvasElement.querySelector(".lgr-cancel")).toHaveAttribute(
      "data-run-status",
      "running",
    );
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Cancel run" }));
    await expect(chat.stop).toHaveBeenCalledWith({ action: "interrupt" });
  },
};

/** Without `run` or ids, the `<RunScope>`'s handle; here a rollback. */
export const InRunScope: Story = {
  args: { threadId: undefined, runId: undefined, status: undefined, action: "rollback" },
  decorators: [withRunningSession()],
  render: (args) => (
    <RunScope run={chat}>
      <CancelRunButton {...args} />
    </RunScope>
  ),
  play: async ({ canvasElement }) => {
    chat.stop.mockClear();
    await userEvent.click(
      within(canvasElement).getByRole("button", { name: "Cancel and roll back" }),
    );
    await expect(chat.stop).toHaveBeenCalledWith({ action: "rollback" });
  },
};

/** A handle whose session says a cancel is pending. */
export const HandleCancelling: Story = {
  args: { threadId: undefined, runId: undefined, status: undefined, run: chat },
  decorators: [withRunningSession({ cancelling: true })],
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole("button", { name: "Cancelling…" });
    await expect(button).toHaveAttribute("aria-disabled", "true");
  },
};

/** By ids with `cancelling` given (a data prop: the slice is controlled, for static rendering). */
export const CancellingGiven: Story = {
  args: { cancelling: true },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole("button", { name: "Cancelling…" });
    await expect(button).toHaveAttribute("aria-busy", "true");
  },
};

/** A long recorded stream replayed through the real hooks; cancel it mid-way. */
export const Live: Story = {
  args: { threadId: undefined, runId: undefined, status: undefined },
  decorators: [],
  render: (args) => (
    <LiveRun transcript={longStream} speed={0.05}>
      {(stream) => (
        <p style={{ display: "flex", gap: "0.75rem", alignItems: "center" }}>
          <RunStatusBadge run={stream} announce srPrefix="Run status:" />
          <CancelRunButton run={stream} confirm onCancelled={args.onCancelled} />
        </p>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText("Running")).toBeInTheDocument(), {
      timeout: 10_000,
    });
    await userEvent.click(canvas.getByRole("button", { name: "Cancel run" }));
    await userEvent.click(canvas.getByRole("button", { name: "Yes, cancel" }));
    await waitFor(() => expect(canvas.getByText("Stopped")).toBeInTheDocument(), {
      timeout: 10_000,
    });
    await expect(canvas.getByRole("button", { name: "Cancelled" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await expect(args.onCancelled).toHaveBeenCalledWith(null);
  },
};

/** The states in the dark theme (the a11y check covers dark-theme contrast too). */
export const AllStatesDark: Story = { ...AllStates, globals: { theme: "dark" } };
