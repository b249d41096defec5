import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState } from "react";
import { expect, spyOn, userEvent, waitFor, within } from "storybook/test";
import { MessageStream, type RenderText } from "../src/components/MessageStream";
import { Markdown } from "../src/markdown";

const REPLY = `## Plan

Here is **what** I would do, _in order_:

1. Read the \`README\`
2. Run the tests
3. ~~Guess~~ Measure

- [x] Parse the input
- [ ] Write the answer

> Markdown comes from the model: it is text, never markup.

| Step | Time |
|:-----|-----:|
| Parse | 2 ms |
| Render | 5 ms |

\`\`\`ts
const answer = await run.submit({ messages: [{ type: "human", content: "hi" }] });
\`\`\`

See [the docs](https://example.com/docs) or https://example.com.`;

const meta = {
  title: "Markdown/Markdown",
  component: Markdown,
  args: { children: REPLY },
  parameters: { layout: "padded" },
} satisfies Meta<typeof Markdown>;

export default meta;
type Story = StoryObj<typeof meta>;

/** GitHub-flavoured markdown: headings, emphasis, lists, task lists, quotes, tables, code, links. */
export const Reply: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { name: "Plan" })).toBeVisible();
    await expect(canvas.getByRole("table")).toBeVisible();
    await expect(canvas.getByRole("link", { name: "the docs" })).toHaveAttribute(
      "href",
      "https://example.com/docs",
    );
  },
};

/** "Copy code" puts the block's code on the clipboard and says so. */
export const CopyCode: Story = {
  args: { children: "```sh\nnpm install langgraph-runs-react\n```" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const writeText = spyOn(navigator.clipboard, "writeText").mockResolvedValue(undefined);
    try {
      await userEvent.click(canvas.getByRole("button", { name: "Copy code" }));
      await expect(writeText).toHaveBeenCalledWith("npm install langgraph-runs-react");
      await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent("Copied"));
    } finally {
      writeText.mockRestore();
    }
  },
};

/**
 * Untrusted input stays text: raw HTML shows as written, `javascript:`/`data:` links show their
 * text without a link, a `data:` image shows its alt text.
 */
export const UnsafeInput: Story = {
  args: {
    children: [
      '<script>alert("x")</script>',
      '<img src=x onerror="alert(1)"> and <a href="javascript:alert(1)">a raw link</a>',
      "[a javascript: link](javascript:alert(1)), [a data: link](data:text/html,hi), ![a data: image](data:image/png;base64,AAAA)",
    ].join("\n\n"),
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector(".lgr-markdown") as HTMLElement;
    await expect(root.querySelector("script, img, a")).toBeNull();
    await expect(root).toHaveTextContent('<script>alert("x")</script>');
    await expect(root).toHaveTextContent("a javascript: link, a data: link, a data: image");
  },
};

/**
 * Two replies caught mid-stream: an open `**` in the last block is closed (bold, no stars), and
 * an unclosed code fence is already a code block.
 */
export const Streaming: Story = {
  render: () => (
    <div>
      <Markdown streaming data-testid="open-bold">
        {"The fix is **in the par"}
      </Markdown>
      <hr />
      <Markdown streaming data-testid="open-fence">
        {"Like this:\n\n```python\ndef parse(text):\n    return text.spl"}
      </Markdown>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bold = canvas.getByTestId("open-bold");
    await expect(bold.querySelector("strong")).toHaveTextContent("in the par");
    await expect(bold).not.toHaveTextContent("**");
    const fence = canvas.getByTestId("open-fence");
    await expect(fence.querySelector("pre code")).toHaveTextContent("def parse(text):");
    await expect(fence).not.toHaveTextContent("```");
  },
};

/** A reply streaming token by token (only the growing last block renders on each token). */
export const StreamingLive: Story = {
  render: () => <GrowingReply text={REPLY} />,
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(canvasElement.querySelector(".lgr-markdown")).toHaveAttribute(
          "data-streaming",
          "false",
        ),
      { timeout: 10_000 },
    );
    await expect(within(canvasElement).getByRole("table")).toBeVisible();
  },
};

function GrowingReply({ text }: { text: string }) {
  const [length, setLength] = useState(0);
  useEffect(() => {
    if (length >= text.length) return;
    const timer = setTimeout(() => setLength((now) => Math.min(now + 6, text.length)), 16);
    return () => clearTimeout(timer);
  }, [length, text.length]);
  return <Markdown streaming={length < text.length}>{text.slice(0, length)}</Markdown>;
}

/**
 * As MessageStream's `renderText`: assistant text goes through `<Markdown>` (streaming while the
 * reply is), everything else (user messages, tool calls, reasoning) keeps the default markup.
 */
export const InMessageStream: Story = {
  render: () => (
    <MessageStream
      messages={[
        { id: "h1", type: "human", content: "How do I install it?" },
        {
          id: "a1",
          type: "ai",
          content: "Run this:\n\n```sh\nnpm install langgraph-runs-react\n```\n\nThen **import",
        },
      ]}
      isStreaming
      renderText={asMarkdown}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const reply = canvas.getByRole("article", { name: "Assistant message" });
    await expect(within(reply).getByRole("button", { name: "Copy code" })).toBeVisible();
    await expect(reply.querySelector("strong")).toHaveTextContent("import");
    await expect(canvas.getByText("How do I install it?")).toBeVisible();
  },
};

const asMarkdown: RenderText = (text, { streaming }) => (
  <Markdown streaming={streaming}>{text}</Markdown>
);
