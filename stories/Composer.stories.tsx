import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { Composer } from "../src/components/Composer";
import { MessageStream } from "../src/components/MessageStream";
import { RunScope } from "../src/hooks";
import { useRunsContext } from "../src/hooks/RunsContext";
import type { AnyRunHandle } from "../src/store/RunHandle";
import { chatTokens } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { withRunsProvider } from "./support/withRunsProvider";

/** A run handle whose actions only record their calls, for a session seeded in the story. */
function recordingRun(id: string) {
  return {
    id,
    threadId: "thread-1",
    submit: fn(async (_input: unknown, _options?: unknown) => undefined),
    resume: fn(async () => undefined),
    resumeAll: fn(async () => undefined),
    stop: fn(async () => undefined),
    disconnect: fn(),
    join: fn(async () => undefined),
    resubmit: fn(async (_strategy: string) => undefined),
    dismissRefusal: fn(),
    showCheckpoint: fn(async () => undefined),
  } satisfies AnyRunHandle;
}

const BUSY = { kind: "busy" as const, message: "thread busy", busyRunId: "run-0", waiting: false };

const meta = {
  title: "Components/Composer",
  component: Composer,
  // No run: the composer only reports each message to `onSend`.
  args: { onSend: fn() },
  parameters: { layout: "padded" },
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Empty and ready: Enter sends, Shift+Enter starts a new line. */
export const Ready: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole("textbox", { name: "Message" });
    await expect(canvas.getByRole("button", { name: "Send" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await userEvent.type(input, "Two lines{Shift>}{Enter}{/Shift}in one message{Enter}");
    await expect(args.onSend).toHaveBeenCalledWith("Two lines\nin one message");
    await expect(input).toHaveValue("");
  },
};

/** A long draft: the textarea grows with its text, up to `--lgr-composer-max-height`. */
export const LongDraft: Story = {
  args: {
    defaultValue:
      "A draft over several lines:\n- the textarea grows with each one\n- up to a maximum height\n- and then scrolls",
  },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByRole("textbox", { name: "Message" });
    await expect(input.getBoundingClientRect().height).toBeGreaterThan(60);
  },
};

/** While the run streams the button is Stop (it calls `run.stop()`); typing goes on. */
export const Running: Story = {
  args: { run: recordingRun("running") },
  decorators: [withRunsProvider({ sessions: { running: { status: "running" } } })],
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Stop" }));
    await expect(args.run?.stop).toHaveBeenCalledTimes(1);
    await expect(canvas.queryByRole("button", { name: "Send" })).toBeNull();
  },
};

/** The stop is pending: "Stopping…", busy and inert, until the run has ended. */
export const Stopping: Story = {
  args: { run: recordingRun("stopping") },
  decorators: [
    withRunsProvider({ sessions: { stopping: { status: "running", cancelling: true } } }),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("button", { name: "Stopping…" })).toHaveAttribute(
      "aria-busy",
      "true",
    );
  },
};

/** The thread was busy: the message is back as the draft, with the multitask choices. */
export const BusyThread: Story = {
  args: { run: recordingRun("busy"), defaultValue: "And the weather in Oslo?" },
  decorators: [withRunsProvider({ sessions: { busy: { status: "running", refusal: BUSY } } })],
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const choices = canvas.getByRole("group", { name: "What to do with your message" });
    await userEvent.click(within(choices).getByRole("button", { name: "Send when it finishes" }));
    await expect(args.run?.resubmit).toHaveBeenCalledWith("wait");
  },
};

/** "Send when it finishes" was chosen: the message waits for the busy run. */
export const Waiting: Story = {
  args: { run: recordingRun("waiting") },
  decorators: [
    withRunsProvider({
      sessions: { waiting: { status: "running", refusal: { ...BUSY, waiting: true } } },
    }),
  ],
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Don't send" }));
    await expect(args.run?.dismissRefusal).toHaveBeenCalledTimes(1);
  },
};

/** Static rendering from data props alone (no run, no provider): busy, with two choices. */
export const BusyFromProps: Story = {
  args: {
    status: "running",
    refusal: BUSY,
    strategies: ["enqueue", "interrupt"],
    defaultValue: "A follow-up",
  },
  play: async ({ canvasElement }) => {
    const choices = within(canvasElement).getByRole("group", {
      name: "What to do with your message",
    });
    await expect(
      within(choices)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Queue it", "Interrupt it", "Dismiss"]);
  },
};

/**
 * A submit the server refused: the message comes back as the draft with the error (announced)
 * and Retry. The run here fails every submit the way the controller records it.
 */
export const Failed: Story = {
  decorators: [withRunsProvider()],
  render: (args) => <FailingComposer {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(input, "Hello?{Enter}");
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("Not sent: assistant not found");
    await expect(input).toHaveValue("Hello?");
    await expect(canvas.getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

function FailingComposer(props: Parameters<typeof Composer>[0]) {
  const { store } = useRunsContext();
  const [run] = useState(() => {
    const handle = recordingRun("failing");
    handle.submit.mockImplementation(async () => {
      store.ensureSession("failing", {});
      store.updateSession("failing", (session) => ({
        ...session,
        status: "error",
        runId: null,
        error: { kind: "not_found", message: "assistant not found", status: 404 },
      }));
    });
    return handle;
  });
  return <Composer {...props} run={run} onSend={undefined} />;
}

/** With the real hooks: type a message and a recorded run answers (replayed, any text). */
export const Live: Story = {
  render: () => (
    <LiveRun transcript={chatTokens} autoStart={false} controls={false}>
      {(stream) => (
        <RunScope run={stream}>
          <MessageStream />
          <Composer />
        </RunScope>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "Hello{Enter}");
    await waitFor(
      () =>
        expect(canvas.getByText(/You said: Hello there, how are you today\?/)).toBeInTheDocument(),
      { timeout: 10_000 },
    );
  },
};
