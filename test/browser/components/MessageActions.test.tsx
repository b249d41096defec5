/**
 * Message actions against the real Agent Server, as a user drives them: regenerate a reply and
 * switch between its versions, edit a question and resend it, copy a reply. The demo graph
 * answers "You said: <text>", so a regenerated reply reads like the first one: the turns after
 * it tell the versions apart.
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Composer } from "../../../src/components/Composer";
import { MessageActions } from "../../../src/components/MessageActions";
import { MessageStream } from "../../../src/components/MessageStream";
import { RunStatusBadge } from "../../../src/components/RunStatusBadge";
import { RunScope, useRunStream } from "../../../src/hooks";
import type { Message } from "../../../src/store";
import { runsHarness } from "../../support/renderWithRuns";
import "../../../src/styles/index.css";

afterEach(cleanup);

const REPLY = { timeout: 20_000 };

/** Actions under each message, through MessageStream's slot (stable: defined once). */
const renderActions = (message: Message) => <MessageActions message={message} />;

/** A chat as an app writes it. */
function Chat() {
  const chat = useRunStream({ assistantId: "agent" });
  return (
    <RunScope run={chat}>
      <RunStatusBadge />
      <MessageStream renderActions={renderActions} />
      <Composer />
    </RunScope>
  );
}

function renderChat() {
  const harness = runsHarness();
  render(<Chat />, { wrapper: harness.wrapper });
  const user = userEvent.setup();
  const transcript = () => document.querySelector(".lgr-messages") as HTMLElement;
  /** The list item of the message whose text is exactly `text`. */
  const item = (text: string) => {
    const texts = within(transcript()).getAllByText(text, { exact: true });
    expect(texts).toHaveLength(1);
    return texts[0]!.closest("li") as HTMLElement;
  };
  /** Sends `text` with the composer and waits for the reply to finish. */
  const send = async (text: string) => {
    await user.type(screen.getByRole("textbox", { name: "Message" }), `${text}{Enter}`);
    await waitFor(() => expect(item(`You said: ${text}`)).toBeTruthy(), REPLY);
    await screen.findByText("Success", {}, REPLY);
  };
  /** The item's action button, once it can act (the thread's history has loaded). */
  const ready = async (text: string, name: string) => {
    await waitFor(
      () =>
        expect(within(item(text)).getByRole("button", { name })).not.toHaveAttribute(
          "aria-disabled",
        ),
      REPLY,
    );
    return within(item(text)).getByRole("button", { name });
  };
  const shows = (text: string) =>
    within(transcript()).queryAllByText(text, { exact: true }).length > 0;
  return { user, item, send, ready, shows, transcript };
}

describe("MessageActions against the real Agent Server", () => {
  it("regenerate: a second version of the reply (2/2); Previous goes back to the first (1/2) and the turns after it", async () => {
    const chat = renderChat();
    await chat.send("first");
    await chat.send("second");

    await chat.user.click(await chat.ready("You said: first", "Regenerate reply"));
    // The fork starts from before the reply: the later turn is not on the new branch.
    await waitFor(() => expect(chat.shows("second")).toBe(false));
    const picker = await waitFor(
      () => within(chat.item("You said: first")).getByRole("group", { name: "Branch 2 of 2" }),
      REPLY,
    );
    expect(picker).toHaveTextContent("2/2");
    expect(chat.shows("You said: second")).toBe(false);

    await chat.user.click(within(picker).getByRole("button", { name: "Previous branch" }));
    await waitFor(() => expect(chat.shows("You said: second")).toBe(true));
    const first = within(chat.item("You said: first")).getByRole("group", {
      name: "Branch 1 of 2",
    });
    expect(within(first).getByRole("button", { name: "Previous branch" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );

    await chat.user.click(within(first).getByRole("button", { name: "Next branch" }));
    await waitFor(() => expect(chat.shows("second")).toBe(false));
    expect(
      within(chat.item("You said: first")).getByRole("group", { name: "Branch 2 of 2" }),
    ).toBeInTheDocument();
  });

  it("regenerate, then a new message: it follows the new reply (2/2), not the first one", async () => {
    const chat = renderChat();
    await chat.send("only");
    await chat.user.click(await chat.ready("You said: only", "Regenerate reply"));
    await waitFor(
      () => within(chat.item("You said: only")).getByRole("group", { name: "Branch 2 of 2" }),
      REPLY,
    );
    await chat.send("next");
    await waitFor(
      () =>
        expect(
          within(chat.item("You said: only")).getByRole("group", { name: "Branch 2 of 2" }),
        ).toBeInTheDocument(),
      REPLY,
    );
    expect(chat.shows("You said: next")).toBe(true);
  });

  it("edit: the new branch shows the edited text and the reply to it (2/2); a follow-up on the first branch stays on it", async () => {
    const chat = renderChat();
    await chat.send("hello");
    await chat.send("original question");

    await chat.user.click(await chat.ready("original question", "Edit message"));
    const input = screen.getByRole("textbox", { name: "Edited message" });
    expect(input).toHaveValue("original question");
    expect(input).toHaveFocus();
    await chat.user.clear(input);
    await chat.user.type(input, "edited question");
    const form = within(input.closest("form") as HTMLElement);
    await chat.user.click(form.getByRole("button", { name: "Send" }));

    await waitFor(() => expect(chat.shows("You said: edited question")).toBe(true), REPLY);
    expect(chat.shows("original question")).toBe(false);
    expect(chat.shows("You said: hello")).toBe(true);
    const picker = await waitFor(
      () => within(chat.item("edited question")).getByRole("group", { name: "Branch 2 of 2" }),
      REPLY,
    );

    await chat.user.click(within(picker).getByRole("button", { name: "Previous branch" }));
    await waitFor(() => expect(chat.shows("You said: original question")).toBe(true));
    expect(chat.shows("edited question")).toBe(false);

    // A new message continues the branch on screen, not the thread's latest one.
    await chat.send("follow-up");
    expect(chat.shows("You said: original question")).toBe(true);
    expect(chat.shows("edited question")).toBe(false);
    await waitFor(
      () =>
        expect(
          within(chat.item("original question")).getByRole("group", { name: "Branch 1 of 2" }),
        ).toBeInTheDocument(),
      REPLY,
    );
  });

  it("edit: Escape cancels, the message stays, and focus goes back to Edit message", async () => {
    const chat = renderChat();
    await chat.send("keep me");
    const edit = await chat.ready("keep me", "Edit message");
    await chat.user.click(edit);
    await chat.user.type(screen.getByRole("textbox", { name: "Edited message" }), " changed");
    await chat.user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Edited message" })).toBeNull();
    expect(
      within(chat.item("keep me")).getByRole("button", { name: "Edit message" }),
    ).toHaveFocus();
    expect(chat.shows("keep me changed")).toBe(false);
  });

  it("copy puts the reply's text on the clipboard and says Copied (user-event's clipboard stub)", async () => {
    // userEvent.setup() puts a clipboard stub on navigator, readable with readText().
    const chat = renderChat();
    await chat.send("copy me");
    const actions = within(chat.item("You said: copy me"));
    await chat.user.click(actions.getByRole("button", { name: "Copy message" }));
    await expect(navigator.clipboard.readText()).resolves.toBe("You said: copy me");
    await waitFor(() => expect(actions.getByRole("status")).toHaveTextContent("Copied"));
  });
});
