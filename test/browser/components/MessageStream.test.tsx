import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { MessageStream } from "../../../src/components/MessageStream";
import { useRunStream } from "../../../src/hooks";
import { humanInput, runsHarness } from "../../support/renderWithRuns";

afterEach(cleanup);

const expectedTokens = (n: number) => Array.from({ length: n }, (_, i) => `t${i} `).join("");

/** A chat wired to the real Agent Server; `submit` starts a run with the given text. */
function renderChat() {
  const harness = runsHarness();
  const handle: { submit?: (text: string) => Promise<void>; status?: string } = {};
  function Chat() {
    const stream = useRunStream({ assistantId: "agent" });
    handle.submit = (text) => stream.submit(humanInput(text));
    handle.status = stream.status;
    return <MessageStream run={stream} />;
  }
  const view = render(<Chat />, { wrapper: harness.wrapper });
  return { ...view, handle };
}

describe("MessageStream against the real Agent Server", () => {
  it("shows the streamed /tokens 30 reply, with a streaming indicator while it runs", async () => {
    const { container, handle } = renderChat();
    expect(screen.getByText("No messages yet.")).toBeInTheDocument();
    let done: Promise<void> | undefined;
    act(() => {
      done = handle.submit?.("/tokens 30");
    });
    // The run stays active until the stream closes: the reply in progress is marked streaming.
    await waitFor(() => {
      const streaming = container.querySelector<HTMLElement>(
        '.lgr-message[data-type="ai"][data-streaming="true"]',
      );
      expect(streaming).not.toBeNull();
      // Said to screen readers; seen as the cursor.
      expect(within(streaming!).getByText("streaming")).toBeInTheDocument();
      expect(streaming!.querySelector(".lgr-message__cursor")).not.toBeNull();
    });
    await act(async () => done);
    await waitFor(() => expect(handle.status).toBe("success"));

    const list = screen.getByRole("list", { name: "Messages" });
    const [user, reply] = within(list).getAllByRole("article");
    expect(user).toHaveAttribute("aria-label", "User message");
    expect(user).toHaveTextContent("/tokens 30");
    expect(reply).toHaveAttribute("aria-label", "Assistant message");
    expect(reply?.querySelector(".lgr-message__text")?.textContent).toBe(expectedTokens(30));
    expect(container.querySelector('[data-streaming="true"]')).toBeNull();
    expect(screen.queryByText("streaming")).toBeNull();
    // The completed reply was announced once, politely.
    const live = container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe(`Assistant: ${expectedTokens(30).trim()}`);
  });

  it("shows the /tools call with its arguments and the tool result under it", async () => {
    const { container, handle } = renderChat();
    await act(async () => handle.submit?.("/tools"));
    await waitFor(() => expect(handle.status).toBe("success"));

    const calls = container.querySelectorAll(".lgr-tool-call");
    expect(calls).toHaveLength(1);
    const call = calls[0] as HTMLElement;
    // Collapsed: the tool's name and its status; arguments and result on demand.
    const toggle = within(call).getByRole("button", { name: /get_weather/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveTextContent("Done");
    const args = call.querySelector(".lgr-tool-call__args") as HTMLElement;
    expect(args).not.toBeVisible();
    await userEvent.click(toggle);
    expect(args).toBeVisible();
    expect(JSON.parse(args.textContent ?? "")).toEqual({ city: "Paris" });
    expect(call).toHaveAttribute("data-result", "success");
    expect(call.querySelector(".lgr-tool-call__result")).toHaveTextContent("Sunny, 21°C");
    // Arrived while it streamed: the call knows how long the tool took.
    expect(toggle.textContent).toMatch(/Done \d+(\.\d)? m?s$/);
    // The ToolMessage is shown under its call, not as a message of its own.
    expect(container.querySelector('.lgr-message[data-type="tool"]')).toBeNull();
    const articles = screen.getAllByRole("article");
    expect(articles.at(-1)).toHaveTextContent("It is sunny in Paris.");
  });
});
