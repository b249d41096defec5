import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { MessageActions } from "../src/components/MessageActions";
import { MessageStream } from "../src/components/MessageStream";
import { RunScope } from "../src/hooks";
import type { MessageBranch } from "../src/hooks/useMessageBranches";
import type { AnyRunHandle } from "../src/store/RunHandle";
import type { Message } from "../src/store";
import { withRunsProvider } from "./support/withRunsProvider";

/** A run handle whose actions only record their calls (its session is seeded below). */
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
    resubmit: fn(async () => undefined),
    dismissRefusal: fn(),
    showCheckpoint: fn(async (_checkpoint: unknown) => undefined),
  } satisfies AnyRunHandle;
}

const question: Message = { id: "h1", type: "human", content: "What is the capital of Peru?" };
const reply: Message = { id: "a1", type: "ai", content: "The capital of Peru is Lima." };

/** A message with one version, forked from checkpoint `parent`. */
const single = (parent: string): MessageBranch => ({
  parentCheckpoint: { checkpoint_id: parent },
  branches: [`${parent}-head`],
  index: 0,
});

/** The session of every story: a finished run on thread-1 (a run going makes actions wait). */
const finished = withRunsProvider({
  sessions: { chat: { threadId: "thread-1", status: "success" } },
});

const meta = {
  title: "Components/MessageActions",
  component: MessageActions,
  args: { message: reply, run: recordingRun("chat"), branch: single("cp-1") },
  decorators: [finished],
  parameters: { layout: "padded" },
} satisfies Meta<typeof MessageActions>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An assistant reply: Copy and Regenerate. Regenerate runs again from the checkpoint before it. */
export const Idle: Story = {
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("group", { name: "Message actions" })).toBeVisible();
    await expect(canvas.queryByRole("button", { name: "Edit message" })).toBeNull();
    await userEvent.click(canvas.getByRole("button", { name: "Regenerate reply" }));
    const run = args.run as ReturnType<typeof recordingRun>;
    await waitFor(() =>
      expect(run.submit).toHaveBeenCalledWith(null, { checkpoint: { checkpoint_id: "cp-1" } }),
    );
    await expect(run.showCheckpoint).toHaveBeenCalledWith("cp-1");
  },
};

/** A user message: Copy and Edit. */
export const HumanMessage: Story = {
  args: { message: question, branch: single("cp-0") },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Edit message" })).toBeVisible();
    await expect(canvas.queryByRole("button", { name: "Regenerate reply" })).toBeNull();
  },
};

/** Editing: the text in a textarea, Send resends it from the checkpoint before the message. */
export const Editing: Story = {
  args: { message: question, branch: single("cp-0") },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit message" }));
    const input = canvas.getByRole("textbox", { name: "Edited message" });
    await expect(input).toHaveValue("What is the capital of Peru?");
    await expect(input).toHaveFocus();
    await expect(canvas.getByRole("button", { name: "Send" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Cancel" })).toBeVisible();
  },
};

/** Sending the edit: a run with the new message from the checkpoint before the old one. */
export const EditSent: Story = {
  args: { message: question, branch: single("cp-0"), run: recordingRun("chat") },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit message" }));
    const input = canvas.getByRole("textbox", { name: "Edited message" });
    await userEvent.clear(input);
    await userEvent.type(input, "And of Chile?{Enter}");
    const run = args.run as ReturnType<typeof recordingRun>;
    await waitFor(() =>
      expect(run.submit).toHaveBeenCalledWith(
        { messages: [{ type: "human", content: "And of Chile?" }] },
        { checkpoint: { checkpoint_id: "cp-0" } },
      ),
    );
    await expect(canvas.queryByRole("textbox", { name: "Edited message" })).toBeNull();
  },
};

/** The second of three versions: `‹ 2/3 ›`, Next shows the third (its latest checkpoint). */
export const Branches: Story = {
  args: {
    run: recordingRun("chat"),
    branch: {
      parentCheckpoint: { checkpoint_id: "cp-1" },
      branches: ["cp-first", "cp-second", "cp-third"],
      index: 1,
    },
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const picker = canvas.getByRole("group", { name: "Branch 2 of 3" });
    await expect(picker).toHaveTextContent("2/3");
    await userEvent.click(within(picker).getByRole("button", { name: "Next branch" }));
    const run = args.run as ReturnType<typeof recordingRun>;
    await expect(run.showCheckpoint).toHaveBeenCalledWith("cp-third");
  },
};

const writeText = fn(async (_text: string) => undefined);

/**
 * Copied: the text is on the clipboard, and "Copied" is said and shown for a moment. (The
 * story's clipboard is a stub: a headless browser refuses the real one to a synthetic click.)
 */
export const Copied: Story = {
  beforeEach: () => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    return () => {
      delete (navigator as { clipboard?: unknown }).clipboard;
    };
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Copy message" }));
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Copied"));
    await expect(writeText).toHaveBeenCalledWith("The capital of Peru is Lima.");
  },
};

/** While a run goes, regenerate, edit and branch switches wait (Copy still works). */
export const RunGoing: Story = {
  args: {
    branch: { parentCheckpoint: { checkpoint_id: "cp-1" }, branches: ["x", "y"], index: 1 },
  },
  decorators: [
    withRunsProvider({ sessions: { chat: { threadId: "thread-1", status: "running" } } }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Regenerate reply" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await expect(canvas.getByRole("button", { name: "Previous branch" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await expect(canvas.getByRole("button", { name: "Copy message" })).not.toHaveAttribute(
      "aria-disabled",
    );
  },
};

const conversation: Message[] = [
  question,
  reply,
  { id: "h2", type: "human", content: "And its population?" },
  { id: "a2", type: "ai", content: "About ten million people live in Lima." },
];

/** Where each message stands: the first reply is the second of two versions. */
const VERSIONS: Record<string, MessageBranch> = {
  h1: single("cp-0"),
  a1: { parentCheckpoint: { checkpoint_id: "cp-1" }, branches: ["cp-old", "cp-new"], index: 1 },
  h2: single("cp-2"),
  a2: single("cp-3"),
};

/** Stable, as MessageStream asks: the actions under each message. */
const renderActions = (message: Message) => (
  <MessageActions message={message} branch={VERSIONS[message.id]} />
);

/**
 * In a chat: `<MessageStream renderActions={…}>` puts the actions under each message, inside a
 * `RunScope` (here the versions are given; an app leaves `branch` out and they come from the
 * thread's history).
 */
export const InMessageStream: Story = {
  render: (args) => (
    <RunScope run={args.run!}>
      <MessageStream messages={conversation} renderActions={renderActions} />
    </RunScope>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("button", { name: "Copy message" })).toHaveLength(4);
    await expect(canvas.getAllByRole("button", { name: "Edit message" })).toHaveLength(2);
    await expect(canvas.getByRole("group", { name: "Branch 2 of 2" })).toBeVisible();
  },
};
