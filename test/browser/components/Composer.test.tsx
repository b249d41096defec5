import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Composer, type ComposerProps } from "../../../src/components/Composer";
import { MessageStream } from "../../../src/components/MessageStream";
import { RunStatusBadge } from "../../../src/components/RunStatusBadge";
import { RunScope, useRunStream } from "../../../src/hooks";
import { newGate } from "../../support/gates";
import { runsHarness } from "../../support/renderWithRuns";
import "../../../src/styles/index.css";

afterEach(cleanup);

const REPLY_TIMEOUT = { timeout: 20_000 };

/** A chat as an app writes it: the stream, and the composer, from one RunScope. */
function Chat({
  assistantId = "agent",
  ...composerProps
}: { assistantId?: string } & Partial<ComposerProps>) {
  const [assistant, setAssistant] = useState(assistantId);
  const chat = useRunStream({ assistantId: assistant });
  return (
    <RunScope run={chat}>
      <RunStatusBadge />
      <MessageStream />
      <Composer {...composerProps} />
      <button type="button" onClick={() => setAssistant("agent")}>
        Use the demo agent
      </button>
    </RunScope>
  );
}

function renderChat(props: { assistantId?: string } & Partial<ComposerProps> = {}) {
  const harness = runsHarness();
  render(<Chat {...props} />, { wrapper: harness.wrapper });
  return {
    user: userEvent.setup(),
    textarea: () => screen.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement,
    // The transcript (its list appears with the first message).
    messages: () => document.querySelector(".lgr-messages") as HTMLElement,
  };
}

describe("Composer against the real Agent Server", () => {
  it("sends on Enter: the message shows at once, the reply follows, the draft empties", async () => {
    const { user, textarea, messages } = renderChat();
    expect(screen.getByRole("button", { name: "Send" })).toHaveAttribute("aria-disabled", "true");
    await user.type(textarea(), "Hello there{Enter}");
    expect(textarea()).toHaveValue("");
    await waitFor(() => expect(messages()).toHaveTextContent("Hello there"));
    await waitFor(
      () => expect(messages()).toHaveTextContent("You said: Hello there"),
      REPLY_TIMEOUT,
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("makes a new line on Shift+Enter, grows with its text, and sends the lines together", async () => {
    const { user, textarea, messages } = renderChat();
    const oneLine = textarea().getBoundingClientRect().height;
    await user.type(
      textarea(),
      "line one{Shift>}{Enter}{/Shift}line two{Shift>}{Enter}{/Shift}three",
    );
    expect(textarea()).toHaveValue("line one\nline two\nthree");
    expect(screen.getByText("No messages yet.")).toBeVisible();
    expect(textarea().getBoundingClientRect().height).toBeGreaterThan(oneLine);

    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(textarea()).toHaveValue("");
    await waitFor(() => expect(messages()).toHaveTextContent("line one line two three"));
    // Empty again: back to one line.
    expect(textarea().getBoundingClientRect().height).toBe(oneLine);
  });

  it("turns Send into Stop while the run streams, and Stop stops the run", async () => {
    const { user, textarea, messages } = renderChat();
    const gate = newGate("composer-stop");
    await user.type(textarea(), `${gate.command}{Enter}`);
    await waitFor(() => expect(messages()).toHaveTextContent(`Holding at ${gate.name}.`), {
      timeout: 20_000,
    });
    const stop = screen.getByRole("button", { name: "Stop" });
    expect(screen.queryByRole("button", { name: "Send" })).toBeNull();

    await user.click(stop);
    // The same button: it keeps focus through "Stopping…" and back to Send.
    await waitFor(
      () => expect(screen.getByRole("button", { name: "Send" })).toBeInTheDocument(),
      REPLY_TIMEOUT,
    );
    expect(screen.getByRole("button", { name: "Send" })).toBe(stop);
    expect(stop).toHaveFocus();
    // Stopped on the server (interrupted), not finished: the transcript marks the turn.
    expect(screen.getAllByText("Stopped").length).toBeGreaterThan(0);
    expect(messages()).not.toHaveTextContent(`Gate ${gate.name} opened.`);
    await gate.open();
  });

  it("offers the multitask choices on a busy thread; 'Send when it finishes' sends after the run", async () => {
    const { user, textarea, messages } = renderChat();
    const gate = newGate("composer-busy");
    await user.type(textarea(), `${gate.command}{Enter}`);
    await waitFor(() => expect(messages()).toHaveTextContent(`Holding at ${gate.name}.`), {
      timeout: 20_000,
    });

    // Enter while the run goes: the thread is busy, the message comes back with the choices.
    await user.type(textarea(), "After the gate{Enter}");
    const choices = await screen.findByRole(
      "group",
      { name: "What to do with your message" },
      REPLY_TIMEOUT,
    );
    expect(textarea()).toHaveValue("After the gate");
    // Announced (a polite status), and shown.
    expect(
      screen.getByText("Not sent yet: this thread is busy with another run.", {
        selector: "[role=status]",
      }),
    ).toBeInTheDocument();
    expect(
      within(choices)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Send when it finishes", "Queue it", "Interrupt it", "Roll it back", "Dismiss"]);
    expect(messages()).not.toHaveTextContent("After the gate");

    await user.click(within(choices).getByRole("button", { name: "Send when it finishes" }));
    expect(textarea()).toHaveValue("");
    expect(textarea()).toHaveFocus();
    await waitFor(() =>
      expect(
        screen.getByText("Your message will be sent when the current run finishes.", {
          selector: ".lgr-composer__busy-text",
        }),
      ).toBeVisible(),
    );

    await act(() => gate.open());
    await waitFor(
      () => expect(messages()).toHaveTextContent("You said: After the gate"),
      REPLY_TIMEOUT,
    );
    expect(messages()).toHaveTextContent(`Gate ${gate.name} opened.`);
    expect(screen.queryByRole("group", { name: "What to do with your message" })).toBeNull();
  });

  it("puts a failed message back as the draft with the error, and Retry sends it", async () => {
    const { user, textarea, messages } = renderChat({ assistantId: "no-such-assistant" });
    await user.type(textarea(), "Hello again{Enter}");

    const composer = () => within(textarea().form as HTMLFormElement);
    const alert = await composer().findByRole("alert", {}, REPLY_TIMEOUT);
    expect(alert).toHaveTextContent(/^Not sent:/);
    expect(textarea()).toHaveValue("Hello again");
    // The server never took it: it is not in the transcript.
    expect(messages()).not.toHaveTextContent("Hello again");

    await user.click(screen.getByRole("button", { name: "Use the demo agent" }));
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(textarea()).toHaveValue("");
    expect(composer().queryByRole("alert")).toBeNull();
    await waitFor(
      () => expect(messages()).toHaveTextContent("You said: Hello again"),
      REPLY_TIMEOUT,
    );
  });
});
