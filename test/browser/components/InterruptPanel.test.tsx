import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { InterruptPanel } from "../../../src/components/InterruptPanel";
import type { PendingInterrupt } from "../../../src/store";
import { MessageStream } from "../../../src/components/MessageStream";
import { RunScope, useRunStream } from "../../../src/hooks";
import type { SubmitOptions } from "../../../src/store/createRunController";
import { humanInput, lastAiText, runsHarness } from "../../support/renderWithRuns";

afterEach(cleanup);

type Handle = {
  submit?: (text: string, options?: SubmitOptions) => Promise<void>;
  status?: string;
  messages?: { type: string; content: unknown }[];
};

/**
 * The schema an app could add to the demo graph's `/interrupt` request (the graph sends none):
 * fake data, to drive the edit form against the real server.
 */
const EMAIL_SCHEMA = {
  type: "object",
  properties: {
    to: { type: "string", title: "To" },
    subject: { type: "string", title: "Subject" },
    cc_me: { type: "boolean", title: "Copy me" },
    tone: { enum: ["plain", "friendly", "formal"], title: "Tone" },
  },
  required: ["to", "subject"],
};

function withSchema(interrupt: PendingInterrupt): PendingInterrupt {
  const value = interrupt.value as { review_configs: Record<string, unknown>[] };
  const configs = value.review_configs.map((config) => ({ ...config, args_schema: EMAIL_SCHEMA }));
  return { ...interrupt, value: { ...value, review_configs: configs } };
}

/**
 * A chat on the real Agent Server: the interrupt panel answers the `<RunScope>`'s run (with
 * `schema`, the run's interrupts are shown with {@link EMAIL_SCHEMA} added).
 */
function renderChat({ schema = false }: { schema?: boolean } = {}) {
  const harness = runsHarness();
  const handle: Handle = {};
  function Chat() {
    const stream = useRunStream({ assistantId: "agent" });
    handle.submit = (text, options) => stream.submit(humanInput(text), options);
    handle.status = stream.status;
    handle.messages = stream.messages;
    return (
      <RunScope run={stream}>
        <MessageStream />
        <InterruptPanel interrupts={schema ? stream.interrupts.map(withSchema) : undefined} />
      </RunScope>
    );
  }
  render(<Chat />, { wrapper: harness.wrapper });
  return handle;
}

/** The reply the demo graph gives after a resume: `Resumed with: <JSON>`. */
async function resumedWith(handle: Handle): Promise<unknown> {
  let answer: unknown;
  // The reply streams token by token: wait until its JSON is whole (it parses), not just begun.
  await waitFor(
    () => {
      const text = lastAiText(handle.messages ?? []) ?? "";
      expect(text).toMatch(/^Resumed with: /);
      answer = JSON.parse(text.replace(/^Resumed with: /, ""));
    },
    { timeout: 15_000 },
  );
  return answer;
}

describe("InterruptPanel against the real Agent Server", () => {
  it("approves the /interrupt HITL request with one click and the resume reaches the server", async () => {
    const user = userEvent.setup();
    const handle = renderChat();
    await act(async () => handle.submit?.("/interrupt"));
    const panel = await screen.findByRole("form", { name: "Waiting for your answer" });
    expect(within(panel).getByRole("heading", { name: "Review send_email" })).toBeInTheDocument();
    expect(within(panel).getByText("Send an email")).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: "Resume" })).toBeNull();

    await user.click(within(panel).getByRole("button", { name: "Approve" }));

    expect(await resumedWith(handle)).toEqual({ decisions: [{ type: "approve" }] });
    // The stream closes about 500 ms after the last event, later on a loaded machine.
    await waitFor(() => expect(handle.status).toBe("success"), { timeout: 15_000 });
    // The answered interrupt is gone: no form, only the note that records the decision (and
    // holds focus, instead of the page body).
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("Approved send_email");
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.getAllByRole("article").at(-1)).toHaveTextContent('"approve"');
  });

  it("edits the HITL arguments as JSON (the graph sends no schema) before sending", async () => {
    const user = userEvent.setup();
    const handle = renderChat();
    await act(async () => handle.submit?.("/interrupt"));
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    const editor = screen.getByRole("textbox", { name: "Arguments of send_email (JSON object)" });
    await user.clear(editor);
    await user.type(editor, '{{"to":"bob@example.com","subject":"Hi"}');
    await user.click(screen.getByRole("button", { name: "Send edits" }));
    const decision = ((await resumedWith(handle)) as { decisions: Record<string, unknown>[] })
      .decisions[0];
    expect(decision).toMatchObject({
      type: "edit",
      edited_action: { name: "send_email", args: { to: "bob@example.com", subject: "Hi" } },
    });
  });

  it("edits in the form an args_schema describes, and the server gets typed arguments", async () => {
    const user = userEvent.setup();
    const handle = renderChat({ schema: true });
    await act(async () => handle.submit?.("/interrupt"));
    await user.click(await screen.findByRole("button", { name: "Edit" }));
    const subject = screen.getByRole("textbox", { name: "Subject" });
    await user.clear(subject);
    await user.type(subject, "Edited in a form");
    await user.click(screen.getByRole("checkbox", { name: "Copy me" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Tone (optional)" }), "formal");
    // The keyboard path: Enter in a field sends the edit.
    await user.type(subject, "{Enter}");
    const edited = {
      to: "ada@example.com",
      subject: "Edited in a form",
      cc_me: true,
      tone: "formal",
    };
    expect(await resumedWith(handle)).toEqual({
      decisions: [
        {
          type: "edit",
          // The request named its arguments `arguments` (early langchain v1): both are sent.
          edited_action: { name: "send_email", args: edited, arguments: edited },
        },
      ],
    });
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Edited send_email"));
  });

  it("answers the /inbox interrupt with an agent-inbox response list", async () => {
    const user = userEvent.setup();
    const handle = renderChat();
    await act(async () => handle.submit?.("/inbox"));
    await user.click(await screen.findByRole("button", { name: "Respond" }));
    await user.type(screen.getByRole("textbox", { name: "Your response" }), "Not today");
    await user.click(screen.getByRole("button", { name: "Send response" }));
    expect(await resumedWith(handle)).toEqual([{ type: "response", args: "Not today" }]);
  });

  it("answers /two-interrupts together with one submit", async () => {
    const user = userEvent.setup();
    const handle = renderChat();
    await act(async () => handle.submit?.("/two-interrupts"));
    const panel = await screen.findByRole("form", {
      name: "2 interrupts waiting for your answers",
    });
    const sections = within(panel).getAllByRole("region");
    const sectionFor = (question: string) =>
      sections.find((section) => section.textContent?.includes(question)) as HTMLElement;
    const a = sectionFor("Approve A?");
    const b = sectionFor("Approve B?");
    await user.type(within(a).getByRole("textbox"), "yes");
    await user.click(within(b).getByRole("button", { name: "Advanced" }));
    // Arrow keys move between the answer modes (a radio group).
    await user.click(within(b).getByRole("radio", { name: "Text" }));
    await user.keyboard("{ArrowRight}");
    expect(within(b).getByRole("radio", { name: "JSON" })).toBeChecked();
    await user.type(within(b).getByRole("textbox"), '{{"ok":false}');
    const submit = within(panel).getByRole("button", { name: "Resume with 2 answers" });
    expect(submit).toBeEnabled();
    await user.click(submit);

    // The reply streams token by token: wait for all of it.
    await waitFor(
      () => expect(lastAiText(handle.messages ?? [])).toBe('A: "yes", B: {"ok":false}'),
      { timeout: 15_000 },
    );
  });

  it("continues a static breakpoint", async () => {
    const user = userEvent.setup();
    const handle = renderChat();
    await act(async () => handle.submit?.("hello", { interruptBefore: ["chat"] }));
    const panel = await screen.findByRole("form", { name: "Paused at a breakpoint" });
    await user.click(within(panel).getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(lastAiText(handle.messages ?? [])).toBe("You said: hello"), {
      timeout: 15_000,
    });
  });
});
