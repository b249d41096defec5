import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { InterruptPanel, ResumeControls } from "../src/components/InterruptPanel";
import { MessageStream } from "../src/components/MessageStream";
import { RunScope } from "../src/hooks";
import type { PendingInterrupt } from "../src/store";
import type { AnyRunHandle } from "../src/store/RunHandle";
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
/** A review config with an `args_schema`: the edit form is built from it. */
const EMAIL_SCHEMA = {
  type: "object",
  properties: {
    to: { type: "string", title: "To", description: "One email address." },
    subject: { type: "string", title: "Subject" },
    body: { type: "string", title: "Body" },
    priority: { enum: ["low", "normal", "high"], title: "Priority" },
    send_at_hour: { type: "integer", minimum: 0, maximum: 23, description: "0 to 23, local time." },
    urgent: { type: "boolean", title: "Mark as urgent" },
    language: {
      anyOf: [
        { type: "string", enum: ["English", "French", "German", "Italian", "Spanish"] },
        { type: "null" },
      ],
      title: "Language",
    },
  },
  required: ["to", "subject", "body", "priority"],
};
const EMAIL_ARGS = {
  to: "ada@example.com",
  subject: "Launch plan",
  body: "Hi Ada,\nHere is the plan for Thursday: demo at 10, launch at noon.",
  priority: "normal",
  send_at_hour: 9,
  urgent: false,
};
const HITL_SCHEMA = {
  action_requests: [{ name: "send_email", args: EMAIL_ARGS, description: "Send an email" }],
  review_configs: [
    {
      action_name: "send_email",
      allowed_decisions: ["approve", "edit", "reject"],
      args_schema: EMAIL_SCHEMA,
    },
  ],
};
/** Nested arguments: each nested object or array is edited as JSON, the rest as fields. */
const HITL_NESTED = {
  action_requests: [
    {
      name: "create_event",
      args: {
        title: "Launch review",
        attendees: ["ada@example.com", "bob@example.com"],
        when: { date: "2025-07-03", start: "10:00", minutes: 30 },
      },
    },
  ],
  review_configs: [
    {
      action_name: "create_event",
      allowed_decisions: ["approve", "edit", "reject"],
      args_schema: {
        type: "object",
        properties: {
          title: { type: "string" },
          attendees: { type: "array", items: { type: "string" } },
          when: {
            type: "object",
            properties: { date: { type: "string" }, start: { type: "string" } },
          },
        },
        required: ["title", "attendees", "when"],
      },
    },
  ],
};
const QUESTION_WITH_OPTIONS = {
  question: "Which city should the trip start in?",
  options: ["Paris", "Rome", "Vienna"],
};
const ID_A = "4f1c2a9e0b7d4e3f8a6b5c4d3e2f1a0b";
const ID_B = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

const pending = (id: string, value: unknown): PendingInterrupt => ({ id, value });

/** A run handle whose actions only record their calls, for a session seeded in the story. */
function recordingRun(id: string) {
  return {
    id,
    threadId: "thread-1",
    submit: fn(async (_input: unknown) => undefined),
    resume: fn(async (_answer: unknown) => undefined),
    resumeAll: fn(async (_answers: Readonly<Record<string, unknown>>) => undefined),
    stop: fn(async () => undefined),
    disconnect: fn(),
    join: fn(async () => undefined),
    resubmit: fn(async () => undefined),
    dismissRefusal: fn(),
    showCheckpoint: fn(async () => undefined),
  } satisfies AnyRunHandle;
}

/** How the panel reports an answer to `onResume`: the run method it used. */
const via = (method: "resume" | "resumeAll" | "continue") => expect.objectContaining({ method });

const meta = {
  title: "Components/InterruptPanel",
  component: InterruptPanel,
  // No run: the panel renders statically and only reports each answer to `onResume`.
  args: { onResume: fn() },
  parameters: { layout: "padded" },
} satisfies Meta<typeof InterruptPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A LangChain human-in-the-loop request, answered on its own: Approve sends at once. */
export const HitlApprove: Story = {
  name: "HITL request: approve",
  args: { interrupts: [pending(ID_A, HITL)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole("button", { name: "Resume" })).toBeNull();
    await userEvent.click(canvas.getByRole("button", { name: "Approve" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      { decisions: [{ type: "approve" }] },
      via("resume"),
    );
    // The form gives way to the decision note, which keeps the focus.
    const note = await canvas.findByRole("status");
    await expect(note).toHaveTextContent("Approved send_email");
    await expect(canvasElement.ownerDocument.activeElement).toContainElement(note);
  },
};

/** A request that only allows approval: one button. */
export const HitlApproveOnly: Story = {
  name: "HITL request: approve only",
  args: {
    interrupts: [
      pending(ID_A, {
        action_requests: [{ name: "deploy", args: { service: "api", version: "2.4.1" } }],
        review_configs: [{ action_name: "deploy", allowed_decisions: ["approve"] }],
      }),
    ],
  },
  play: async ({ canvasElement }) => {
    const decision = within(canvasElement).getByRole("group", { name: "Decision for deploy" });
    const buttons = within(decision).getAllByRole("button");
    await expect(buttons.map((button) => button.textContent)).toEqual(["Approve"]);
  },
};

/** Without an `args_schema`, Edit opens the arguments as a JSON object. */
export const HitlEdit: Story = {
  name: "HITL request: edit as JSON",
  args: { interrupts: [pending(ID_A, HITL)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    const editor = canvas.getByRole("textbox", { name: /Arguments of send_email/ });
    await expect(editor).toHaveFocus();
    await userEvent.clear(editor);
    await userEvent.type(editor, '{{"to": "bob@example.com", "subject": "Hello"}');
    await userEvent.click(canvas.getByRole("button", { name: "Send edits" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      {
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
      },
      via("resume"),
    );
  },
};

/** Rejecting with a message for the model; Escape would cancel. */
export const HitlReject: Story = {
  name: "HITL request: reject",
  args: { interrupts: [pending(ID_A, HITL)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Reject" }));
    await userEvent.type(canvas.getByRole("textbox", { name: /Message to the model/ }), "Not now.");
    await userEvent.click(canvas.getByRole("button", { name: "Reject" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      { decisions: [{ type: "reject", message: "Not now." }] },
      via("resume"),
    );
    await expect(await canvas.findByRole("status")).toHaveTextContent(
      "Rejected send_email: “Not now.”",
    );
  },
};

/** Edit builds a form from the review config's `args_schema`: one field per argument. */
export const HitlSchemaForm: Story = {
  name: "HITL request: edit form from args_schema",
  args: { interrupts: [pending(ID_A, HITL_SCHEMA)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    await expect(canvas.getByRole("textbox", { name: "To" })).toHaveFocus();
    const subject = canvas.getByRole("textbox", { name: "Subject" });
    await userEvent.clear(subject);
    await userEvent.type(subject, "Launch moved");
    await userEvent.click(canvas.getByRole("radio", { name: "high" }));
    const hour = canvas.getByRole("spinbutton", { name: /Send at hour/ });
    await userEvent.clear(hour);
    await userEvent.type(hour, "14");
    await userEvent.click(canvas.getByRole("checkbox", { name: "Mark as urgent" }));
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: /Language/ }), "French");
    await userEvent.click(canvas.getByRole("button", { name: "Send edits" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      {
        decisions: [
          {
            type: "edit",
            edited_action: {
              name: "send_email",
              args: {
                ...EMAIL_ARGS,
                subject: "Launch moved",
                priority: "high",
                send_at_hour: 14,
                urgent: true,
                language: "French",
              },
            },
          },
        ],
      },
      via("resume"),
    );
    await expect(await canvas.findByRole("status")).toHaveTextContent("Edited send_email");
  },
};

/** The edit form open, nothing sent: the first field has the focus. */
export const HitlSchemaFormOpen: Story = {
  name: "HITL request: edit form open",
  args: { interrupts: [pending(ID_A, HITL_SCHEMA)] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    await expect(canvas.getByRole("textbox", { name: "To" })).toHaveFocus();
  },
};

/** The edit form open, in the dark theme. */
export const HitlSchemaFormDark: Story = {
  ...HitlSchemaFormOpen,
  name: "HITL request: edit form open (dark)",
  globals: { theme: "dark" },
};

/** Nested objects and arrays fall back to JSON, field by field. */
export const HitlSchemaNested: Story = {
  name: "HITL request: nested arguments as JSON",
  args: { interrupts: [pending(ID_A, HITL_NESTED)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    const attendees = canvas.getByRole("textbox", { name: "Attendees (JSON)" });
    await userEvent.clear(attendees);
    await userEvent.type(attendees, '[["ada@example.com"]');
    await userEvent.click(canvas.getByRole("button", { name: "Send edits" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      {
        decisions: [
          {
            type: "edit",
            edited_action: {
              name: "create_event",
              args: { ...HITL_NESTED.action_requests[0]!.args, attendees: ["ada@example.com"] },
            },
          },
        ],
      },
      via("resume"),
    );
  },
};

/** Wrong values are marked on their fields, and the edit cannot be sent. */
export const HitlSchemaValidation: Story = {
  name: "HITL request: validation errors",
  args: { interrupts: [pending(ID_A, HITL_SCHEMA)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    await userEvent.clear(canvas.getByRole("textbox", { name: "To" }));
    const hour = canvas.getByRole("spinbutton", { name: /Send at hour/ });
    await userEvent.clear(hour);
    await userEvent.type(hour, "30");
    const to = canvas.getByRole("textbox", { name: "To" });
    await expect(to).toHaveAttribute("aria-invalid", "true");
    await expect(to).toHaveAccessibleDescription(/One email address\. To is required\./);
    await expect(hour).toHaveAccessibleDescription(/Must be at most 23\./);
    const send = canvas.getByRole("button", { name: "Send edits" });
    await expect(send).toBeDisabled();
    await userEvent.click(send);
    await expect(args.onResume).not.toHaveBeenCalled();
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
    await expect(canvas.getByRole("button", { name: "Resume" })).toBeDisabled();
    const [file, sql] = canvas.getAllByRole("group", { name: /^Decision for/ });
    await userEvent.click(within(file as HTMLElement).getByRole("radio", { name: "Approve" }));
    await expect(within(sql as HTMLElement).queryByRole("radio", { name: "Edit" })).toBeNull();
    await userEvent.click(within(sql as HTMLElement).getByRole("radio", { name: "Reject" }));
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      { decisions: [{ type: "approve" }, { type: "reject" }] },
      via("resume"),
    );
  },
};

/** An agent-inbox `HumanInterrupt` (as a one-element list): respond with text. */
export const InboxRespond: Story = {
  name: "Agent-inbox interrupt",
  args: { interrupts: [pending(ID_A, [INBOX])] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Respond" }));
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Your response" }),
      "Send it tomorrow.",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Send response" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      [{ type: "response", args: "Send it tomorrow." }],
      via("resume"),
    );
  },
};

/** Accept sends at once, like Approve. */
export const InboxAccept: Story = {
  name: "Agent-inbox interrupt: accept",
  args: { interrupts: [pending(ID_A, [INBOX])] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Accept" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      [{ type: "accept", args: null }],
      via("resume"),
    );
    await expect(await canvas.findByRole("status")).toHaveTextContent("Accepted send_email");
  },
};

/** A static breakpoint: "Continue" (a run gets `submit(null)`; `onResume` gets `null`). */
export const Breakpoint: Story = {
  args: { interrupts: [], breakpoint: true },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Continue" }));
    await expect(args.onResume).toHaveBeenCalledWith(null, via("continue"));
  },
};

/** Any other value: shown as JSON, answered with text. */
export const GenericValue: Story = {
  name: "Any other value",
  args: {
    interrupts: [pending(ID_A, { question: "Which city?", context: { budget_eur: 900 } })],
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { name: "Which city?" })).toBeInTheDocument();
    await userEvent.type(canvas.getByRole("textbox", { name: "Your answer" }), "Rome");
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith("Rome", via("resume"));
    await expect(await canvas.findByRole("status")).toHaveTextContent("Answered: Rome");
  },
};

/** A question with `options`: the options are choices, sent as they are. */
export const ValueOptions: Story = {
  name: "Question with options",
  args: { interrupts: [pending(ID_A, QUESTION_WITH_OPTIONS)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole("textbox")).toBeNull();
    await userEvent.click(canvas.getByRole("radio", { name: "Rome" }));
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith("Rome", via("resume"));
  },
};

/** Options as `{ label, value }`: the label shows, the value is sent. In the dark theme. */
export const ValueOptionsDark: Story = {
  name: "Question with options (dark)",
  args: {
    interrupts: [
      pending(ID_A, {
        question: "How should the refund be paid?",
        options: [
          { label: "To the original card", value: "card" },
          { label: "As store credit", value: "credit" },
        ],
      }),
    ],
  },
  globals: { theme: "dark" },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("radio", { name: "As store credit" }));
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith("credit", via("resume"));
    await expect(await canvas.findByRole("status")).toHaveTextContent("Answered: As store credit");
  },
};

/** "Advanced" holds how the answer is read: here JSON instead of the options. */
export const ValueAdvancedJson: Story = {
  name: "Advanced: answer as JSON",
  args: { interrupts: [pending(ID_A, QUESTION_WITH_OPTIONS)] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole("radio", { name: "JSON" })).toBeNull();
    const advanced = canvas.getByRole("button", { name: "Advanced" });
    await userEvent.click(advanced);
    await expect(advanced).toHaveAttribute("aria-expanded", "true");
    await userEvent.click(canvas.getByRole("radio", { name: "JSON" }));
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Your answer (JSON)" }),
      '{{"city": "Paris", "nights": 3}',
    );
    await userEvent.click(canvas.getByRole("button", { name: "Resume" }));
    await expect(args.onResume).toHaveBeenCalledWith({ city: "Paris", nights: 3 }, via("resume"));
  },
};

const NOTE_CASES: [string, PendingInterrupt[]][] = [
  ["approve", [pending("a", HITL)]],
  ["edit", [pending("b", HITL_SCHEMA)]],
  ["reject", [pending("c", HITL)]],
  ["answer", [pending("d", { question: "Ship it today?" }), pending("e", QUESTION_WITH_OPTIONS)]],
];

/** The record each decision leaves where its form was: approved, edited, rejected, answered. */
export const DecisionNotes: Story = {
  render: (args) => (
    <div style={{ display: "grid", gap: "0.75rem" }}>
      {NOTE_CASES.map(([name, interrupts]) => (
        <div key={name} data-case={name}>
          <InterruptPanel {...args} interrupts={interrupts} />
        </div>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const part = (name: string) =>
      within(canvasElement.querySelector(`[data-case="${name}"]`) as HTMLElement);
    await userEvent.click(part("approve").getByRole("button", { name: "Approve" }));
    await userEvent.click(part("edit").getByRole("button", { name: "Edit" }));
    await userEvent.click(part("edit").getByRole("button", { name: "Send edits" }));
    await userEvent.click(part("reject").getByRole("button", { name: "Reject" }));
    await userEvent.click(part("reject").getByRole("button", { name: "Reject" }));
    await userEvent.type(part("answer").getByRole("textbox", { name: "Your answer" }), "yes");
    await userEvent.click(part("answer").getByRole("radio", { name: "Vienna" }));
    await userEvent.click(part("answer").getByRole("button", { name: "Resume with 2 answers" }));
    await waitFor(() =>
      expect(
        within(canvasElement)
          .getAllByRole("status")
          .map((note) => note.textContent),
      ).toEqual([
        "Answer sent: Approved send_email",
        "Answer sent: Edited send_email",
        "Answer sent: Rejected send_email",
        "Answer sent: Answered: yesAnswered: Vienna",
      ]),
    );
  },
};

/** The decision notes in the dark theme. */
export const DecisionNotesDark: Story = { ...DecisionNotes, globals: { theme: "dark" } };

/** Two interrupts pending at once, answered together: `run.resumeAll({ [id]: answer })`. */
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
    await userEvent.click(within(b as HTMLElement).getByRole("button", { name: "Advanced" }));
    await userEvent.click(within(b as HTMLElement).getByRole("radio", { name: "JSON" }));
    await userEvent.type(within(b as HTMLElement).getByRole("textbox"), '{{"ok": false}');
    await userEvent.click(canvas.getByRole("button", { name: "Resume with 2 answers" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      { [ID_A]: "yes", [ID_B]: { ok: false } },
      via("resumeAll"),
    );
  },
};

/** Invalid JSON: an inline error on the field, and the submit button stays disabled. */
export const InvalidJson: Story = {
  name: "Invalid JSON",
  args: { interrupts: [pending(ID_A, { question: "Settings?" })] },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Advanced" }));
    await userEvent.click(canvas.getByRole("radio", { name: "JSON" }));
    const field = canvas.getByRole("textbox", { name: "Your answer (JSON)" });
    await userEvent.type(field, "{{retries: 3}");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(/Invalid JSON/);
    const resume = canvas.getByRole("button", { name: "Resume" });
    await expect(resume).toBeDisabled();
    await userEvent.click(resume);
    await expect(args.onResume).not.toHaveBeenCalled();
  },
};

/**
 * The resume failed (e.g. the thread is busy): an alert, and the answers are kept. (Here the
 * app's `onResume` rejects; a run's rejected `resume` shows the same.)
 */
export const ResumeError: Story = {
  args: {
    interrupts: [pending(ID_A, HITL)],
    onResume: fn(async () => {
      throw new Error("409: the thread is busy");
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Approve" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent("409: the thread is busy");
    // The form stays, to try again.
    await expect(canvas.getByRole("button", { name: "Approve" })).toBeEnabled();
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

const seededRun = recordingRun("thread-1:run-1");

/** The run from `<RunScope>`: its pending interrupt, answered with `run.resume`. */
export const FromRunScope: Story = {
  name: "From the RunScope's run",
  args: { onResume: undefined },
  render: (args) => (
    <RunScope run={seededRun}>
      <InterruptPanel {...args} />
    </RunScope>
  ),
  decorators: [
    withRunsProvider({
      sessions: {
        "thread-1:run-1": { status: "interrupted", interrupts: [pending(ID_A, [INBOX])] },
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Accept" }));
    await expect(seededRun.resume).toHaveBeenCalledWith([{ type: "accept", args: null }]);
  },
};

/** `renderItem`: your own markup for some interrupts, the default section around others. */
export const RenderItem: Story = {
  name: "Custom item rendering",
  args: {
    interrupts: [pending(ID_A, { question: "Ship it?" }), pending(ID_B, HITL)],
    renderItem: (item, defaultRender) =>
      item.kind === "value" ? (
        <section className="lgr-interrupt" aria-label={item.title}>
          <p>{item.request.question}</p>
          <button
            type="button"
            className="lgr-button"
            onClick={() => item.update((draft) => ({ ...draft, text: "yes" }))}
          >
            Yes, ship it
          </button>
        </section>
      ) : (
        <div style={{ outline: "2px dashed currentColor" }}>{defaultRender()}</div>
      ),
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Yes, ship it" }));
    await userEvent.click(canvas.getByRole("radio", { name: "Approve" }));
    await userEvent.click(canvas.getByRole("button", { name: "Resume with 2 answers" }));
    await expect(args.onResume).toHaveBeenCalledWith(
      { [ID_A]: "yes", [ID_B]: { decisions: [{ type: "approve" }] } },
      via("resumeAll"),
    );
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
        <RunScope run={stream}>
          <MessageStream />
          <InterruptPanel />
        </RunScope>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole("button", { name: "Approve" }, { timeout: 10_000 }),
    );
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
        <RunScope run={stream}>
          <MessageStream />
          <InterruptPanel />
        </RunScope>
      )}
    </LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole("button", { name: "Accept" }, { timeout: 10_000 }),
    );
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
        <RunScope run={stream}>
          <MessageStream />
          <InterruptPanel />
        </RunScope>
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
        <RunScope run={stream}>
          <MessageStream />
          <InterruptPanel />
        </RunScope>
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

/** An HITL request waiting: its arguments, and Approve / Edit / Reject. */
export const HitlPending: Story = {
  name: "HITL request: waiting",
  args: { interrupts: [pending(ID_A, HITL)] },
};

/** The HITL request in the dark theme. */
export const HitlDark: Story = {
  ...HitlPending,
  name: "HITL request: waiting (dark)",
  globals: { theme: "dark" },
};

/** An agent-inbox interrupt waiting: Accept / Edit / Respond / Ignore. */
export const InboxPending: Story = {
  name: "Agent-inbox interrupt: waiting",
  args: { interrupts: [pending(ID_A, [INBOX])] },
};

/** Two interrupts waiting: a question, and an agent-inbox request with chips. */
export const TwoInterruptsPending: Story = {
  name: "Two interrupts: waiting",
  args: {
    interrupts: [pending(ID_A, { question: "Approve A?" }), pending(ID_B, [INBOX])],
  },
};

/** Two interrupts in the dark theme. */
export const TwoInterruptsDark: Story = {
  ...TwoInterruptsPending,
  name: "Two interrupts: waiting (dark)",
  globals: { theme: "dark" },
};
