import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Composer } from "../../../src/components/Composer";
import { MessageStream, type MessageStreamProps } from "../../../src/components/MessageStream";
import { RunScope, useRunStream } from "../../../src/hooks";
import { Markdown } from "../../../src/markdown";
import { runsHarness } from "../../support/renderWithRuns";
import "../../../src/styles/index.css";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The wiring the Markdown docs show: assistant text as markdown, the rest as before. */
const renderMessage: MessageStreamProps["renderMessage"] = (_message, defaultRender, item) =>
  item.role === "ai" && item.parts.every((part) => part.kind === "text") ? (
    <article className="lgr-message" data-type="ai" aria-label="Assistant message">
      <Markdown streaming={item.streaming}>
        {item.parts.map((part) => (part.kind === "text" ? part.text : "")).join("")}
      </Markdown>
    </article>
  ) : (
    defaultRender()
  );

describe("Markdown in Chromium", () => {
  it("copies a code block to the clipboard and announces it", async () => {
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue(undefined);
    render(<Markdown>{"```sh\nnpm install langgraph-runs-react\n```"}</Markdown>);
    await userEvent.click(screen.getByRole("button", { name: "Copy code" }));
    expect(writeText).toHaveBeenCalledWith("npm install langgraph-runs-react");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Copied"));
  });

  it("says so when the browser refuses the clipboard", async () => {
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    render(<Markdown>{"```\nsecret\n```"}</Markdown>);
    await userEvent.click(screen.getByRole("button", { name: "Copy code" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Could not copy"));
  });

  it("lets a keyboard reach and scroll a long code line", async () => {
    render(<Markdown>{`\`\`\`\n${"x".repeat(2000)}\n\`\`\``}</Markdown>);
    const pre = document.querySelector("pre") as HTMLElement;
    expect(pre.scrollWidth).toBeGreaterThan(pre.clientWidth);
    await userEvent.tab(); // Copy code
    await userEvent.tab();
    expect(pre).toHaveFocus();
  });

  it("renders a real reply as markdown inside MessageStream", async () => {
    const harness = runsHarness();
    function Chat() {
      const chat = useRunStream({ assistantId: "agent" });
      return (
        <RunScope run={chat}>
          <MessageStream renderMessage={renderMessage} />
          <Composer />
        </RunScope>
      );
    }
    render(<Chat />, { wrapper: harness.wrapper });
    // The demo graph answers "You said: <the message>".
    await userEvent.type(
      screen.getByRole("textbox", { name: "Message" }),
      // `[[` types a literal `[`.
      "**bold**, `code` and [[a link](javascript:alert(1)){Enter}",
    );
    const reply = await screen.findByRole(
      "article",
      { name: "Assistant message" },
      { timeout: 20_000 },
    );
    await waitFor(() => expect(reply).toHaveTextContent("You said: bold, code and a link"), {
      timeout: 20_000,
    });
    expect(within(reply).getByText("bold").tagName).toBe("STRONG");
    expect(within(reply).getByText("code").tagName).toBe("CODE");
    expect(reply.querySelector("a")).toBeNull();
  });
});
