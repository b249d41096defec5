import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { MessageStream } from "../src/components/MessageStream";
import type { Message } from "../src/store";
import { chatTokens, toolCalls } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { withRunsProvider } from "./support/withRunsProvider";

const human = (id: string, content: Message["content"]): Message => ({
  id,
  type: "human",
  content,
});
const ai = (id: string, content: Message["content"], extra: Partial<Message> = {}): Message => ({
  id,
  type: "ai",
  content,
  ...extra,
});

const weatherCall = ai("run-1", "", {
  tool_calls: [{ id: "call_1", name: "get_weather", args: { city: "Paris" }, type: "tool_call" }],
});
const weatherResult: Message = {
  id: "run-1-tool-call_1",
  type: "tool",
  content: "Sunny, 21°C",
  tool_call_id: "call_1",
  name: "get_weather",
  status: "success",
};

const conversation: Message[] = [
  { id: "s", type: "system", content: "You are a helpful weather assistant." },
  human("h1", "What is the weather in Paris?"),
  weatherCall,
  weatherResult,
  ai("run-2", "It is sunny in Paris."),
];

const meta = {
  title: "Components/MessageStream",
  component: MessageStream,
  parameters: { layout: "padded" },
} satisfies Meta<typeof MessageStream>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No messages yet. */
export const Empty: Story = {
  args: { messages: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("No messages yet.")).toBeInTheDocument();
  },
};

/** A finished turn with a tool call: the tool's result is shown under its call. */
export const ToolCalls: Story = {
  args: { messages: conversation },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const articles = canvas.getAllByRole("article");
    await expect(articles.map((a) => a.getAttribute("aria-label"))).toEqual([
      "System message",
      "User message",
      "Assistant message",
      "Assistant message",
    ]);
    const call = canvasElement.querySelector(".lgr-tool-call");
    await expect(call).toHaveTextContent("get_weather");
    await expect(call?.querySelector(".lgr-tool-call__result")).toHaveTextContent("Sunny, 21°C");
  },
};

/** The reply is still streaming: a labelled indicator and a cursor on the last AI message. */
export const Streaming: Story = {
  args: {
    messages: [human("h1", "/tokens 30"), ai("run-3", "t0 t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 ")],
    isStreaming: true,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("streaming")).toBeInTheDocument();
    const last = canvas.getAllByRole("article").at(-1);
    await expect(last).toHaveAttribute("data-streaming", "true");
  },
};

/** The run started but no reply has arrived yet. */
export const WaitingForReply: Story = {
  args: { messages: [human("h1", "Hello!")], status: "running" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Waiting for a reply…")).toBeInTheDocument();
  },
};

/** Tool-call arguments arrive in pieces: the raw text is shown until it is valid JSON. */
export const ToolCallStreaming: Story = {
  args: {
    messages: [
      human("h1", "/tools"),
      ai("run-4", "", {
        tool_calls: [{ id: "call_1", name: "get_weather", args: {}, type: "tool_call" }],
        tool_call_chunks: [{ id: "call_1", name: "get_weather", args: '{"city": "Par', index: 0 }],
      }),
    ],
    isStreaming: true,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("arguments streaming…")).toBeInTheDocument();
    await expect(canvas.getByText("Waiting for the result", { exact: false })).toBeInTheDocument();
  },
};

/** A tool that failed. */
export const ToolError: Story = {
  args: {
    messages: [
      human("h1", "Weather on Mars?"),
      ai("run-5", "", {
        tool_calls: [
          { id: "call_9", name: "get_weather", args: { city: "Mars" }, type: "tool_call" },
        ],
      }),
      {
        ...weatherResult,
        id: "t9",
        tool_call_id: "call_9",
        content: "Unknown city: Mars",
        status: "error",
      },
      ai("run-6", "Sorry, I cannot find the weather on Mars."),
    ],
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Tool error")).toBeInTheDocument();
  },
};

/** List content: text blocks as text, other blocks as JSON (never rendered as media or HTML). */
export const ContentBlocks: Story = {
  args: {
    messages: [
      human("h1", [
        { type: "text", text: "What is in this picture?" },
        { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
      ]),
      ai("run-7", [
        { type: "reasoning", reasoning: "The user sent an image URL." },
        { type: "text", text: "I cannot open links, but I can describe text." },
      ]),
    ],
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("img")).toBeNull();
    await expect(within(canvasElement).getByText("image_url block")).toBeInTheDocument();
  },
};

/** Markup in content, tool arguments and results stays text. */
export const InertMarkup: Story = {
  args: {
    messages: [
      human("h1", "<img src=x onerror=alert(1)>"),
      ai("run-8", "", {
        tool_calls: [
          {
            id: "c1",
            name: "<b>tool</b>",
            args: { html: "<script>alert(1)</script>", href: "javascript:alert(1)" },
          },
        ],
      }),
      {
        ...weatherResult,
        id: "t1",
        tool_call_id: "c1",
        content: "<a href='javascript:alert(1)'>click</a>",
      },
    ],
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".lgr-messages :is(img, script, a, b)")).toBeNull();
    await expect(canvasElement.textContent).toContain("<img src=x onerror=alert(1)>");
  },
};

/** `renderMessage` replaces or wraps the default markup (here: system messages hidden). */
export const CustomRender: Story = {
  args: {
    messages: conversation,
    renderMessage: (message, defaultRender) =>
      message.type === "system" ? null : message.type === "human" ? (
        <p className="lgr-story-custom">
          <strong>You asked:</strong> {typeof message.content === "string" ? message.content : "…"}
        </p>
      ) : (
        defaultRender()
      ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("You asked:")).toBeInTheDocument();
    await expect(canvas.queryByText("You are a helpful weather assistant.")).toBeNull();
  },
};

/** Reading a session of the stream buffer by its run (a running session: streaming). */
export const FromRun: Story = {
  args: { run: { id: "thread-1:run-1" } },
  decorators: [
    withRunsProvider({
      sessions: {
        "thread-1:run-1": {
          status: "running",
          messages: [human("h1", "Hi"), ai("run-9", "Hello! How can I")],
        },
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("streaming")).toBeInTheDocument();
  },
};

/** A recorded chat turn replayed through the real hooks: the reply streams word by word. */
export const Live: Story = {
  render: () => (
    <LiveRun transcript={chatTokens}>{(stream) => <MessageStream run={stream} />}</LiveRun>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(canvasElement.querySelector('[aria-live="polite"]')?.textContent).toMatch(
          /^Assistant: /,
        ),
      { timeout: 10_000 },
    );
  },
};

/** The recorded `/tools` run: streamed tool-call chunks, the tool result, the final reply. */
export const LiveToolCalls: Story = {
  render: () => (
    <LiveRun transcript={toolCalls}>{(stream) => <MessageStream run={stream} />}</LiveRun>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText("It is sunny in Paris.")).toBeInTheDocument(), {
      timeout: 10_000,
    });
    await expect(canvasElement.querySelector(".lgr-tool-call__result")).toHaveTextContent(
      "Sunny, 21°C",
    );
  },
};

/** The tool-call turn in the dark theme. */
export const ToolCallsDark: Story = { ...ToolCalls, globals: { theme: "dark" } };

/** Streaming in the dark theme. */
export const StreamingDark: Story = { ...Streaming, globals: { theme: "dark" } };
