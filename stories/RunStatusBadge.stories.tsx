import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  RunStatusBadge,
  type BadgeStatus,
  type RunDisplayStatus,
} from "../src/components/RunStatusBadge";
import { RUN_STATUS_BADGE_INFO } from "../src/components/RunStatusBadge/runStatusBadgeInfo";
import { chatTokens, errorRun } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { withRunsProvider } from "./support/withRunsProvider";

/** Every status the UI shows (one vocabulary); a raw `interrupted` is shown as `stopped`. */
const ALL_STATUSES = Object.keys(RUN_STATUS_BADGE_INFO) as RunDisplayStatus[];

const meta = {
  title: "Components/RunStatusBadge",
  component: RunStatusBadge,
  args: { status: "running" },
  argTypes: {
    status: { control: "select", options: [...ALL_STATUSES, "interrupted"] },
  },
} satisfies Meta<typeof RunStatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every status, each with its own icon and label (never colour alone). */
export const AllStatuses: Story = {
  render: () => (
    <table className="lgr-story-grid">
      <caption className="lgr-visually-hidden">Every badge status</caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Badge</th>
        </tr>
      </thead>
      <tbody>
        {ALL_STATUSES.map((status) => (
          <tr key={status}>
            <td>
              <code>{status}</code>
            </td>
            <td>
              <RunStatusBadge status={status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const status of ALL_STATUSES) {
      const label = RUN_STATUS_BADGE_INFO[status].label;
      const badge = canvas.getByText(label).closest(".lgr-badge");
      await expect(badge).toHaveAttribute("data-status", status);
      await expect(badge?.querySelector("svg[aria-hidden='true']")).not.toBeNull();
    }
  },
};

export const Pending: Story = { args: { status: "pending" } };
export const Running: Story = { args: { status: "running" } };
export const Success: Story = { args: { status: "success" } };
export const ErrorStatus: Story = { name: "Error", args: { status: "error" } };
export const Timeout: Story = { args: { status: "timeout" } };
/** Paused for an answer (pending interrupts, or the thread's latest run while it is `interrupted`). */
export const NeedsInput: Story = {
  args: { status: "needs-input", serverStatus: "success" },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText("Needs input").closest(".lgr-badge");
    await expect(badge).toHaveAttribute("data-status", "needs-input");
    // The JS server reports a paused run as `success`: the raw status stays readable.
    await expect(badge).toHaveAttribute("data-run-status", "success");
  },
};
/** A server status `interrupted` (cancelled by a user or a multitask strategy) shows "Stopped". */
export const Stopped: Story = {
  args: { status: "interrupted" },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText("Stopped").closest(".lgr-badge");
    await expect(badge).toHaveAttribute("data-status", "stopped");
    await expect(badge).toHaveAttribute("data-run-status", "interrupted");
  },
};
export const Starting: Story = { args: { status: "starting" } };
export const Reconnecting: Story = { args: { status: "reconnecting" } };
export const Cancelling: Story = { args: { status: "cancelling" } };
export const Idle: Story = { args: { status: "idle" } };

/** Labels can be replaced (e.g. translated); the state attributes stay the same. */
export const CustomLabels: Story = {
  args: { status: "success", labels: { success: "Done", error: "Failed" } },
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByText("Done").closest(".lgr-badge");
    await expect(badge).toHaveAttribute("data-status", "success");
  },
};

/** With `announce`, the badge is a polite live region: status changes are read out. */
export const Announced: Story = {
  render: function AnnouncedBadge() {
    const [status, setStatus] = useState<BadgeStatus>("pending");
    return (
      <div style={{ display: "flex", gap: "1rem", alignItems: "center" }}>
        <RunStatusBadge status={status} announce srPrefix="Run status:" />
        <button type="button" className="lgr-button" onClick={() => setStatus("running")}>
          Start
        </button>
        <button type="button" className="lgr-button" onClick={() => setStatus("success")}>
          Finish
        </button>
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = canvas.getByRole("status");
    await expect(region).toHaveAttribute("aria-live", "polite");
    await expect(region).toHaveTextContent("Run status: Pending");
    await userEvent.click(canvas.getByRole("button", { name: "Start" }));
    await expect(region).toHaveTextContent("Run status: Running");
    await userEvent.click(canvas.getByRole("button", { name: "Finish" }));
    await expect(region).toHaveTextContent("Run status: Success");
  },
};

/** Following a run by its handle (a seeded session): `cancelling` wins over the run's own status. */
export const FromRunCancelling: Story = {
  args: { status: undefined, run: { id: "thread-1:run-1" } },
  decorators: [
    withRunsProvider({
      sessions: { "thread-1:run-1": { status: "running", cancelling: true } },
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Cancelling…")).toBeInTheDocument();
  },
};

/** Following a run by its handle while its stream re-joins. */
export const FromRunReconnecting: Story = {
  args: { status: undefined, run: { id: "thread-1:run-1" } },
  decorators: [
    withRunsProvider({
      sessions: {
        "thread-1:run-1": { status: "running", connection: { state: "reconnecting", attempt: 2 } },
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Reconnecting…")).toBeInTheDocument();
  },
};

/** A recorded chat run replayed through the real hooks: starting → running → success. */
export const Live: Story = {
  args: { status: undefined },
  render: () => (
    <LiveRun transcript={chatTokens}>
      {(stream) => <RunStatusBadge run={stream} announce srPrefix="Run status:" />}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText("Success")).toBeInTheDocument(), {
      timeout: 10_000,
    });
  },
};

/** A recorded run that ends with an `error` event. */
export const LiveError: Story = {
  args: { status: undefined },
  render: () => (
    <LiveRun transcript={errorRun}>
      {(stream) => <RunStatusBadge run={stream} announce srPrefix="Run status:" />}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText("Error")).toBeInTheDocument(), {
      timeout: 10_000,
    });
  },
};

/** Every status in the dark theme (the a11y check covers dark-theme contrast too). */
export const AllStatusesDark: Story = { ...AllStatuses, globals: { theme: "dark" } };
