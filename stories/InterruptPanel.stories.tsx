import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { InterruptPanel, ResumeControls } from "../src/components/InterruptPanel";
import { MessageStream } from "../src/components/MessageStream";
import type { PendingInterrupt } from "../src/store";
import {
  breakpoint,
  breakpointResume,
  interruptHitl,
  interruptHitlResume,
  interruptInbox,
  interruptInboxResume,
  twoInterrupts,
  twoInterruptsResume,
} from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { withRunsProvider } from "./support/withRunsProvider";

// The demo graph's payloads (devserver/README.md).
const HITL = {
  action_requests: [
    {
      name: "send_email",
      arguments: { to: "ada@example.com", subject: "Hello" },
      description: "Send an email",
    },
  ],
  review_configs: [{ action_name: "send_email", allowed_decisions: ["approve", "edit", "reject"] }],
};
const INBOX = {
  action_request: { action: "send_email", args: { to: "ada@example.com" } },
  config: { allow_accept: true, allow_edit: true, allow_respond: true, allow_ignore: true },
  description: "Send an email?",
};
const ID_A = "4f1c2a9e0b7d4e3f8a6b5c4d3e2f1a0b";
const ID_B = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

const pending = (id: string, value: unknown): PendingInterrupt => ({ id, value });

const meta = {
  title: "Components/InterruptPanel",
  component: InterruptPanel,
  args: { onResume: fn(), onContinue: fn() },
  parameters: { layout: "padded" },
} satisfies Meta<typeof InterruptPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A LangChain human-in-the-loop request: approve it and resume with the decisions. */
export const HitlApprove: Story = {
  name: "HITL request: approve",
  args: { interrupts: [pending(ID_A, HITL)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const resume = canvas.getByRole("button", { name: "Resume" });
    await expect(resume).toBeDisabled();
    await userEvent.click(canvas.getByRole("radio", { name: "Approve" }));
    await userEvent.click(resume);
    await expect(args.onResume).toHaveBeenCalledWith({ decisions: [{ type: "approve" }] });
    await expect(canvas.getByRole("status")).toHaveTextContent("Answer sent.");
  },
};

/** Editing the arguments in a JSON editor before approving. */
export const HitlEdit: Story = {
  name: "HITL request: edit",
  args: { interrupts: [pending(ID_A, HITL)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "Edit" }));
    const editor = canvas.getByRole("textbox", { name: /Arguments of send_email/ });
    await userEvent.clear(editor);
    await userEvent.type(editor, '{{"to": "bob@example.com", "subject": "Hello"}');
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith({
      decisions: [
        {
          type: "edit",
          edited_action: {
            name: "send_email",
            args: { to: "bob@example.com", subject: "Hello" },
            arguments: { to: "bob@example.com", subject: "Hello" },
          },
        },
      ],
    });
  },
};

/** Rejecting with a message for the model. */
export const HitlReject: Story = {
  name: "HITL request: reject",
  args: { interrupts: [pending(ID_A, HITL)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "Reject" }));
    await userEvent.type(canvas.getByRole("textbox", { name: /Message to the model/ }), "Not now.");
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith({
      decisions: [{ type: "reject", message: "Not now." }],
    });
  },
};

/** Several actions in one request, each with its own allowed decisions. */
export const HitlSeveralActions: Story = {
  name: "HITL request: several actions",
  args: {
    interrupts: [
      pending(ID_A, {
        action_requests: [
          {
            name: "write_file",
            args: { path: "notes.txt", content: "Hi" },
            description: "Write a file",
          },
          { name: "execute_sql", args: { query: "DELETE FROM users" }, description: "Run SQL" },
        ],
        review_configs: [
          { action_name: "write_file", allowed_decisions: ["approve", "edit", "reject"] },
          { action_name: "execute_sql", allowed_decisions: ["approve", "reject"] },
        ],
      }),
    ],
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const [file, sql] = canvas.getAllByRole("group", { name: /^Decision for/ });
    await userEvent.click(within(file as HTMLElement).getByRole("radio", { name: "Approve" }));
    await expect(within(sql as HTMLElement).queryByRole("radio", { name: "Edit" })).toBeNull();
    await userEvent.click(within(sql as HTMLElement).getByRole("radio", { name: "Reject" }));
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith({
      decisions: [{ type: "approve" }, { type: "reject" }],
    });
  },
};

/** An agent-inbox `HumanInterrupt` (as a one-element list): respond with text. */
export const InboxRespond: Story = {
  name: "Agent-inbox interrupt",
  args: { interrupts: [pending(ID_A, [INBOX])] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "Respond" }));
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Your response" }),
      "Send it tomorrow.",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith([
      { type: "response", args: "Send it tomorrow." },
    ]);
  },
};

/** A static breakpoint: "Continue" (wire `onContinue` to `stream.submit(null)`). */
export const Breakpoint: Story = {
  args: { interrupts: [], breakpoint: true },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Continue" }));
    await expect(args.onContinue).toHaveBeenCalledTimes(1);
    await expect(args.onResume).not.toHaveBeenCalled();
  },
};

/** Any other value: shown as JSON, answered as text or JSON. */
export const GenericValue: Story = {
  name: "Any other value",
  args: { interrupts: [pending(ID_A, { question: "Which city?", options: ["Paris", "Rome"] })] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Your answer" }), "Rome");
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith("Rome");
  },
};

/** Two interrupts pending at once, answered together: `{ [id]: answer }`. */
export const TwoInterrupts: Story = {
  args: {
    interrupts: [
      pending(ID_A, { question: "Approve A?" }),
      pending(ID_B, { question: "Approve B?" }),
    ],
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    const [a, b] = canvas.getAllByRole("region");
    await userEvent.type(within(a as HTMLElement).getByRole("textbox"), "yes");
    await userEvent.click(within(b as HTMLElement).getByRole("radio", { name: "JSON" }));
    await userEvent.type(within(b as HTMLElement).getByRole("textbox"), '{{"ok": false}');
    await userEvent.click(canvas.getByRole("button", { name: "Resume with 2 answers" }));
    await expect(args.onResume).toHaveBeenCalledWith({ [ID_A]: "yes", [ID_B]: { ok: false } });
  },
};

/** Invalid JSON: an inline error on the field, and the submit button stays disabled. */
export const InvalidJson: Story = {
  name: "Invalid JSON",
  args: { interrupts: [pending(ID_A, { question: "Settings?" })] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "JSON" }));
    const field = canvas.getByRole("textbox", { name: "Your answer (JSON)" });
    await userEvent.type(field, "{{retries: 3}");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(canvas.getByText(/Invalid JSON/)).toBeInTheDocument();
    const resume = canvas.getByRole("button", { name: "Resume" });
    await expect(resume).toBeDisabled();
    await userEvent.click(resume);
    await expect(args.onResume).not.toHaveBeenCalled();
  },
};

/** The resume failed (e.g. the thread is busy): an alert, and the answers are kept. */
export const ResumeError: Story = {
  args: {
    interrupts: [pending(ID_A, HITL)],
    onResume: fn(async () => {
      throw new Error("409: the thread is busy");
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "Approve" }));
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent("409: the thread is busy");
    await expect(canvas.getByRole("radio", { name: "Approve" })).toBeChecked();
  },
};

/** Payloads are text: markup never becomes HTML. */
export const InertMarkup: Story = {
  args: {
    interrupts: [
      pending(ID_A, {
        action_requests: [
          {
            name: "<b>x</b>",
            args: { html: "<img src=x onerror=alert(1)>" },
            description: "<script>alert(1)</script>",
          },
        ],
        review_configs: [],
      }),
      pending(ID_B, { question: "<img src=x onerror=alert(1)>", link: "javascript:alert(1)" }),
    ],
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".lgr-interrupts :is(img, script, a, b)")).toBeNull();
    await expect(canvasElement.textContent).toContain("<img src=x onerror=alert(1)>");
  },
};

/** Nothing pending, with an empty text (without one the panel renders nothing). */
export const Empty: Story = {
  args: { interrupts: [], emptyText: "No interrupts waiting." },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No interrupts waiting.")).toBeInTheDocument();
  },
};

/** Reading the pending interrupts of a stream-buffer session by key. */
export const FromRunKey: Story = {
  args: { runKey: "thread-1:run-1" },
  decorators: [
    withRunsProvider({
      sessions: {
        "thread-1:run-1": { status: "interrupted", interrupts: [pending(ID_A, [INBOX])] },
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("radio", { name: "Accept" })).toBeInTheDocument();
  },
};

/** `ResumeControls` on its own: the submit area, in its states. */
export const ResumeControlsStates: Story = {
  render: () => (
    <div style={{ display: "grid", gap: "1rem" }}>
      <ResumeControls
        canSubmit={false}
        problems={["Choose approve, edit or reject for send_email."]}
        onSubmit={() => undefined}
      />
      <ResumeControls canSubmit label="Resume with 2 answers" onSubmit={() => undefined} />
      <ResumeControls canSubmit={false} submitting label="Resume" onSubmit={() => undefined} />
      <ResumeControls canSubmit sent label="Resume" onSubmit={() => undefined} />
      <ResumeControls
        canSubmit
        error="409: the thread is busy"
        label="Resume"
        onSubmit={() => undefined}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("alert")).toHaveTextContent("the thread is busy");
  },
};

/** The recorded `/interrupt` run through the real hooks: approve, and the resumed run replies. */
export const LiveHitl: Story = {
  name: "Live: HITL request",
  render: () => (
    <LiveRun transcript={[interruptHitl, interruptHitlResume]}>
      {(stream) => (
        <>
          <MessageStream runKey={stream.key} />
          <InterruptPanel stream={stream} />
        </>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole("radio", { name: "Approve" }, { timeout: 10_000 }),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await waitFor(() => expect(canvas.getByText(/Resumed with: .*approve/)).toBeInTheDocument(), {
      timeout: 10_000,
    });
  },
};

/** The recorded `/inbox` run: accept. */
export const LiveInbox: Story = {
  name: "Live: agent-inbox interrupt",
  render: () => (
    <LiveRun transcript={[interruptInbox, interruptInboxResume]}>
      {(stream) => (
        <>
          <MessageStream runKey={stream.key} />
          <InterruptPanel stream={stream} />
        </>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole("radio", { name: "Accept" }, { timeout: 10_000 }),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await waitFor(() => expect(canvas.getByText(/Resumed with: /)).toBeInTheDocument(), {
      timeout: 10_000,
    });
  },
};

/** The recorded `/two-interrupts` run: both answered with one submit. */
export const LiveTwoInterrupts: Story = {
  name: "Live: two interrupts",
  render: () => (
    <LiveRun transcript={[twoInterrupts, twoInterruptsResume]}>
      {(stream) => (
        <>
          <MessageStream runKey={stream.key} />
          <InterruptPanel stream={stream} />
        </>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const form = await canvas.findByRole("form", { name: /2 interrupts/ }, { timeout: 10_000 });
    for (const field of within(form).getAllByRole("textbox")) await userEvent.type(field, "yes");
    await userEvent.click(within(form).getByRole("button", { name: "Resume with 2 answers" }));
    await waitFor(() => expect(canvas.getByText(/^A: /)).toBeInTheDocument(), { timeout: 10_000 });
  },
};

/** The recorded breakpoint run: "Continue" submits `null`. */
export const LiveBreakpoint: Story = {
  name: "Live: breakpoint",
  render: () => (
    <LiveRun transcript={[breakpoint, breakpointResume]}>
      {(stream) => (
        <>
          <MessageStream runKey={stream.key} />
          <InterruptPanel stream={stream} />
        </>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole("button", { name: "Continue" }, { timeout: 10_000 }),
    );
    await waitFor(() => expect(canvas.getByText(/^You said: /)).toBeInTheDocument(), {
      timeout: 10_000,
    });
  },
};

/** The HITL request in the dark theme. */
export const HitlDark: Story = {
  name: "HITL request (dark)",
  args: { interrupts: [pending(ID_A, HITL)] },
  globals: { theme: "dark" },
};

/** Two interrupts in the dark theme, with invalid JSON marked. */
export const TwoInterruptsDark: Story = {
  args: {
    interrupts: [pending(ID_A, { question: "Approve A?" }), pending(ID_B, [INBOX])],
  },
  globals: { theme: "dark" },
};
