import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { InterruptPanel } from "../../../src/components/InterruptPanel";
import { MessageStream } from "../../../src/components/MessageStream";
import { useRunStream } from "../../../src/hooks";
import type { SubmitOptions } from "../../../src/store/createRunController";
import { humanInput, lastAiText, runsHarness } from "../../support/renderWithRuns";

afterEach(cleanup);

type Handle = {
  submit?: (text: string, options?: SubmitOptions) => Promise<void>;
  status?: string;
  messages?: { type: string; content: unknown }[];
};

/** A chat with an interrupt panel wired to `useRunStream` on the real Agent Server. */
function renderChat() {
  const harness = runsHarness();
  const handle: Handle = {};
  function Chat() {
    const stream = useRunStream({ assistantId: "agent" });
    handle.submit = (text, options) => stream.submit(humanInput(text), options);
    handle.status = stream.status;
    handle.messages = stream.messages;
    return (
      <>
        <MessageStream runKey={stream.key} />
        <InterruptPanel stream={stream} />
      </>
    );
  }
  render(<Chat />, { wrapper: harness.wrapper });
  return handle;
}

/** The reply the demo graph gives after a resume: `Resumed with: <JSON>`. */
async function resumedWith(handle: Handle): Promise<unknown> {
  await waitFor(() => expect(lastAiText(handle.messages ?? [])).toMatch(/^Resumed with: /), {
    timeout: 15_000,
  });
  return JSON.parse((lastAiText(handle.messages ?? []) ?? "").replace(/^Resumed with: /, ""));
}

describe("InterruptPanel against the real Agent Server", () => {
  it("approves the /interrupt HITL request and the resume reaches the server", async () => {
    const user = userEvent.setup();
    const handle = renderChat();
    await act(async () => handle.submit?.("/interrupt"));
    const panel = await screen.findByRole("form", { name: "Waiting for your answer" });
    expect(within(panel).getByRole("heading", { name: "Review send_email" })).toBeInTheDocument();
    expect(within(panel).getByText("Send an email")).toBeInTheDocument();

    const resume = within(panel).getByRole("button", { name: "Resume" });
    expect(resume).toBeDisabled();
    await user.click(within(panel).getByRole("radio", { name: "Approve" }));
    expect(resume).toBeEnabled();
    await user.click(resume);

    expect(await resumedWith(handle)).toEqual({ decisions: [{ type: "approve" }] });
    expect(lastAiText(handle.messages ?? [])).toContain("approve");
    // The stream closes about 500 ms after the last event, later on a loaded machine.
    await waitFor(() => expect(handle.status).toBe("success"), { timeout: 15_000 });
    // The answered interrupt is gone: no form, only the note that says the answer went through
    // (and holds focus, instead of the page body).
    expect(screen.queryByRole("form")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("Answer sent.");
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.getAllByRole("article").at(-1)).toHaveTextContent('"approve"');
  });

  it("edits the HITL arguments before sending", async () => {
    const user = userEvent.setup();
    const handle = renderChat();
    await act(async () => handle.submit?.("/interrupt"));
    await user.click(await screen.findByRole("radio", { name: "Edit" }));
    const editor = screen.getByRole("textbox", { name: /Arguments of send_email/ });
    await user.clear(editor);
    await user.type(editor, '{{"to":"bob@example.com","subject":"Hi"}');
    await user.click(screen.getByRole("button", { name: "Resume" }));
    const decision = ((await resumedWith(handle)) as { decisions: Record<string, unknown>[] })
      .decisions[0];
    expect(decision).toMatchObject({
      type: "edit",
      edited_action: { name: "send_email", args: { to: "bob@example.com", subject: "Hi" } },
    });
  });

  it("answers the /inbox interrupt with an agent-inbox response list", async () => {
    const user = userEvent.setup();
    const handle = renderChat();
    await act(async () => handle.submit?.("/inbox"));
    await user.click(await screen.findByRole("radio", { name: "Respond" }));
    await user.type(screen.getByRole("textbox", { name: "Your response" }), "Not today");
    await user.click(screen.getByRole("button", { name: "Resume" }));
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
    await user.click(within(b).getByRole("radio", { name: "JSON" }));
    await user.type(within(b).getByRole("textbox"), '{{"ok":false}');
    const submit = within(panel).getByRole("button", { name: "Resume with 2 answers" });
    expect(submit).toBeEnabled();
    await user.click(submit);

    await waitFor(() => expect(lastAiText(handle.messages ?? [])).toMatch(/^A: /), {
      timeout: 15_000,
    });
    expect(lastAiText(handle.messages ?? [])).toBe('A: "yes", B: {"ok":false}');
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
