import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { ConnectionStatus } from "../src/components/ConnectionStatus";
import { CONNECTION_STATUS_INFO } from "../src/components/ConnectionStatus/connectionStatusInfo";
import { RunStatusBadge } from "../src/components/RunStatusBadge";
import type { ConnectionState } from "../src/store/RunSession";
import { chatTokens, longStream } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { withRunsProvider } from "./support/withRunsProvider";

const ALL_STATES = Object.keys(CONNECTION_STATUS_INFO) as ConnectionState[];

const meta = {
  title: "Components/ConnectionStatus",
  component: ConnectionStatus,
  args: { connection: { state: "open", attempt: 0 } },
} satisfies Meta<typeof ConnectionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every connection state as a pill (`show="always"`), with its icon and label. */
export const AllStates: Story = {
  render: () => (
    <table className="lgr-story-grid">
      <caption className="lgr-visually-hidden">Every connection state</caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Indicator</th>
        </tr>
      </thead>
      <tbody>
        {ALL_STATES.map((state) => (
          <tr key={state}>
            <td>
              <code>{state}</code>
            </td>
            <td>
              <ConnectionStatus
                show="always"
                connection={{ state, attempt: state === "reconnecting" ? 3 : 0 }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Reconnecting (attempt 3)…")).toBeInTheDocument();
    for (const state of ALL_STATES) {
      const node = canvasElement.querySelector(`.lgr-connection[data-state="${state}"]`);
      await expect(node).not.toBeNull();
      await expect(node?.querySelector("svg[aria-hidden='true']")).not.toBeNull();
    }
  },
};

/** Normal states show nothing by default: only the (empty) live region is there. */
export const NormalStatesShowNothing: Story = {
  render: () => (
    <p>
      Connected, and nothing to see: <ConnectionStatus connection={{ state: "open", attempt: 0 }} />
    </p>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".lgr-connection__label")).toBeNull();
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("");
  },
};

/** A dropped stream: the banner gives the attempt and counts down to the next try. */
export const ReconnectingWithCountdown: Story = {
  args: { connection: { state: "reconnecting", attempt: 2, retryAt: Date.now() + 8 * 3_600_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Reconnecting (attempt 2)…")).toBeInTheDocument();
    await expect(canvas.getByText(/^Next try in \d+ s$/)).toBeInTheDocument();
  },
};

export const Idle: Story = { args: { connection: { state: "idle", attempt: 0 }, show: "always" } };
export const Connecting: Story = {
  args: { connection: { state: "connecting", attempt: 0 }, show: "always" },
};
export const Open: Story = { args: { connection: { state: "open", attempt: 0 }, show: "always" } };
export const Reconnecting: Story = {
  args: { connection: { state: "reconnecting", attempt: 2 } },
  play: async ({ canvasElement }) => {
    const node = within(canvasElement).getByText("Reconnecting (attempt 2)…").parentElement;
    await expect(node).toHaveAttribute("data-attempt", "2");
  },
};
export const Closed: Story = {
  args: { connection: { state: "closed", attempt: 0 }, show: "always" },
};
export const Failed: Story = { args: { connection: { state: "failed", attempt: 0 } } };

/** Following a stream by its run (seeded stream buffer). */
export const FromRun: Story = {
  args: { connection: undefined, run: { id: "thread-1:run-1" }, announce: true },
  decorators: [
    withRunsProvider({
      sessions: {
        "thread-1:run-1": { status: "running", connection: { state: "reconnecting", attempt: 4 } },
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const region = within(canvasElement).getByRole("status");
    await expect(region).toHaveTextContent("Stream: Reconnecting (attempt 4)…");
  },
};

/** A recorded run replayed through the real hooks: connecting → open → closed. */
export const Live: Story = {
  args: { connection: undefined },
  render: () => (
    <LiveRun transcript={chatTokens}>
      {(stream) => (
        <p style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
          <ConnectionStatus run={stream} announce show="always" />
          <RunStatusBadge run={stream} />
        </p>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(canvasElement.querySelector(".lgr-badge")).toHaveAttribute("data-status", "success"),
      { timeout: 10_000 },
    );
    const state = canvasElement.querySelector(".lgr-connection")?.getAttribute("data-state");
    await expect(["closed", "idle"]).toContain(state);
  },
};

/** A longer recorded stream (2,000 tokens), slowed down: the connection stays open a while. */
export const LiveLongStream: Story = {
  args: { connection: undefined },
  render: () => (
    <LiveRun transcript={longStream} speed={0.25}>
      {(stream) => (
        <p style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
          <ConnectionStatus run={stream} announce show="always" />
          <RunStatusBadge run={stream} />
        </p>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(canvasElement.querySelector(".lgr-connection")).toHaveAttribute(
          "data-state",
          "open",
        ),
      { timeout: 10_000 },
    );
  },
};

/** Every state in the dark theme (the a11y check covers dark-theme contrast too). */
export const AllStatesDark: Story = { ...AllStates, globals: { theme: "dark" } };

/** The countdown banner in the dark theme. */
export const ReconnectingDark: Story = { ...ReconnectingWithCountdown, globals: { theme: "dark" } };
