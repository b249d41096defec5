import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MessageStream } from "../../../src/components/MessageStream";
import { createStreamStore, type Message } from "../../../src/store";
import { manualScheduler } from "../store/manualScheduler";
import { aiChunk, tuple } from "../store/wire";

/**
 * Render counting: every render of an element with the chunk class passes through the JSX
 * runtime once (the test build uses the development runtime). A memoized chunk that React skips
 * is not created again, so it is not counted.
 */
const chunkRenders = vi.hoisted(() => new Map<string, number>());
vi.mock("react/jsx-dev-runtime", async (importOriginal) => {
  const runtime = await importOriginal<typeof import("react/jsx-dev-runtime")>();
  return {
    ...runtime,
    jsxDEV: (
      type: unknown,
      props: { className?: unknown; children?: unknown },
      ...rest: unknown[]
    ) => {
      if (props?.className === "lgr-message__chunk" && typeof props.children === "string") {
        chunkRenders.set(props.children, (chunkRenders.get(props.children) ?? 0) + 1);
      }
      return (runtime.jsxDEV as (...args: unknown[]) => unknown)(type, props, ...rest);
    },
  };
});

afterEach(() => {
  cleanup();
  chunkRenders.clear();
});

/** A paragraph of about 2.5 kB: long enough to close a chunk at the blank line after it. */
const paragraph = (n: number) => `Paragraph ${n}: ${"lorem ipsum dolor sit amet ".repeat(95)}\n\n`;

function streamingReply() {
  const scheduler = manualScheduler();
  const store = createStreamStore({ scheduler });
  store.ensureSession("chat");
  const send = (text: string) => {
    // Token by token, as a model streams it: one flush for the whole batch.
    for (const token of text.match(/.{1,7}/gs) ?? []) {
      store.enqueueEvent("chat", tuple(aiChunk("reply-1", token)));
    }
    scheduler.run();
    return store.getSession("chat")?.messages ?? [];
  };
  return { send };
}

function Chat({
  messages,
  streaming = true,
}: {
  messages: readonly Message[];
  streaming?: boolean;
}) {
  return <MessageStream messages={messages} isStreaming={streaming} />;
}

describe("MessageStream: a long reply renders its closed chunks once", () => {
  it("does not render a closed chunk again when more tokens arrive", () => {
    const { send } = streamingReply();
    const view = render(<Chat messages={send(paragraph(1) + "The second par")} />);
    const first = screen.getByText(/^Paragraph 1:/);
    expect(first.className).toBe("lgr-message__chunk");
    expect(chunkRenders.get(paragraph(1))).toBe(1);

    view.rerender(<Chat messages={send("agraph grows")} />);
    view.rerender(<Chat messages={send(` token by token. ${paragraph(2)}`)} />);
    view.rerender(<Chat messages={send("And a third starts.")} />);

    const text = screen.getByRole("article", { name: "Assistant message" });
    expect(text.querySelector(".lgr-message__text")?.textContent).toBe(
      `${paragraph(1)}The second paragraph grows token by token. ${paragraph(2)}And a third starts.`,
    );
    // The first chunk: rendered once, the same element, while the reply grew three times.
    expect(chunkRenders.get(paragraph(1))).toBe(1);
    expect(screen.getByText(/^Paragraph 1:/)).toBe(first);
    // The second closed when its blank line came, and rendered once since.
    const second = `The second paragraph grows token by token. ${paragraph(2)}`;
    expect(chunkRenders.get(second)).toBe(1);
    // The open tail is plain text after the closed chunks, with the cursor.
    const paragraphElement = first.parentElement;
    expect(paragraphElement?.className).toBe("lgr-message__text");
    expect(paragraphElement?.querySelectorAll(".lgr-message__chunk")).toHaveLength(2);
  });

  it("cuts a finished message shown later exactly as it streamed (nothing renders again)", () => {
    const { send } = streamingReply();
    const streamed = send(paragraph(1) + paragraph(2) + "Done.");
    const view = render(<Chat messages={streamed} />);
    expect([...chunkRenders.values()]).toEqual([1, 1]);
    // The server's copy of the same message (a values event, a reload): a new object and string.
    const fromServer: Message = { id: "reply-1", type: "ai", content: `${streamed[0]?.content}` };
    view.rerender(<Chat messages={[fromServer]} streaming={false} />);
    expect([...chunkRenders.values()]).toEqual([1, 1]);
    const article = screen.getByRole("article", { name: "Assistant message" });
    expect(article.querySelector(".lgr-message__text")?.textContent).toBe(
      `${paragraph(1)}${paragraph(2)}Done.`,
    );
  });

  it("shows a short reply as one text node, as before", () => {
    const { send } = streamingReply();
    render(<Chat messages={send("Hello there.")} />);
    const text = screen.getByText("Hello there.");
    expect(text.className).toBe("lgr-message__text");
    expect(text.querySelector(".lgr-message__chunk")).toBeNull();
    expect(chunkRenders.size).toBe(0);
  });
});
