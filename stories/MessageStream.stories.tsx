import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { Icon } from "../src/components/icons/Icon";
import { MessageStream, type MessageStreamProps } from "../src/components/MessageStream";
import type { Message, SessionStatus } from "../src/store";
import { chatTokens, toolCalls } from "../test/fixtures/transcripts";
import { LiveRun } from "./support/LiveRun";
import { withRunsProvider } from "./support/withRunsProvider";

const human = (id: string, content: Message["content"], extra: Partial<Message> = {}): Message => ({
  id,
  type: "human",
  content,
  ...extra,
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

/** 9:00 on 1 January 2026 (UTC), plus `minutes`: the time a message states, in seconds. */
const at = (minutes: number) => ({ created_at: 1_767_258_000 + minutes * 60 });

const chat: Message[] = [
  human("h1", "Can you plan a day in Lisbon for me?", { additional_kwargs: at(0) }),
  ai(
    "a1",
    "Sure! Start at the Belém Tower early, before the crowds, then walk to the Jerónimos " +
      "Monastery and have a pastel de nata nearby. After lunch, take tram 28 up to Alfama and end " +
      "the day at a miradouro for the sunset.",
    { response_metadata: at(1) },
  ),
  human("h2", "Great, and if it rains?", { additional_kwargs: at(3) }),
  ai(
    "a2",
    "Then swap the walk for the Gulbenkian Museum and the Oceanário: both are indoors and easy " +
      "to reach by metro.",
    { response_metadata: at(4) },
  ),
];

const longReply = [
  "Here is a summary of the report, section by section.",
  "1. Context. The team measured the time to first token across three regions for two weeks. " +
    "The median stayed under 400 ms everywhere, but the 99th percentile doubled in one region " +
    "during the evening peak, when the shared cache was cold.",
  "2. Findings. Most of the slow requests waited for a connection from the pool, not for the " +
    "model. Raising the pool size removed two thirds of them; the rest came from retries after " +
    "timeouts that were too short for long prompts.",
  "3. Recommendations. Keep the larger pool, make the timeout depend on the prompt length, and " +
    "warm the cache before the evening peak. Re-run the measurement after a week.",
].join("\n\n");

/** A small picture, drawn once in the browser: the kit loads base64 PNG data URLs (not SVG). */
function drawPicture(): string {
  const canvas = document.createElement("canvas");
  canvas.width = 240;
  canvas.height = 140;
  const g = canvas.getContext("2d");
  if (!g) return "";
  const sky = g.createLinearGradient(0, 0, 0, 140);
  sky.addColorStop(0, "#7fb2ff");
  sky.addColorStop(1, "#e7f0ff");
  g.fillStyle = sky;
  g.fillRect(0, 0, 240, 140);
  g.fillStyle = "#ffd27a";
  g.beginPath();
  g.arc(190, 38, 18, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = "#2b7a4a";
  g.beginPath();
  g.moveTo(0, 140);
  g.lineTo(70, 70);
  g.lineTo(130, 120);
  g.lineTo(170, 90);
  g.lineTo(240, 140);
  g.fill();
  return canvas.toDataURL("image/png");
}

function PictureChat(props: Partial<MessageStreamProps>) {
  const [picture] = useState(drawPicture);
  return (
    <MessageStream
      {...props}
      messages={[
        human("h1", [
          { type: "text", text: "Where could this be?" },
          {
            type: "image",
            source_type: "base64",
            mime_type: "image/png",
            data: picture.slice(22),
            alt: "Green hills under a blue sky",
          },
        ]),
        ai("a1", [
          { type: "text", text: "Rolling green hills like these are common in the Azores." },
          { type: "image_url", image_url: { url: "javascript:alert(1)" } },
        ]),
      ]}
    />
  );
}

/** Messages and status that change over time, as a run would change them. */
function Scripted({
  steps,
  ...props
}: Partial<MessageStreamProps> & {
  steps: { after: number; messages: Message[]; status: SessionStatus }[];
}) {
  const [step, setStep] = useState(0);
  useEffect(() => {
    const next = steps[step + 1];
    if (!next) return;
    const timer = setTimeout(() => setStep(step + 1), next.after);
    return () => clearTimeout(timer);
  }, [step, steps]);
  const { messages, status } = steps[step] ?? { messages: [], status: "idle" };
  return <MessageStream {...props} messages={messages} status={status} />;
}

/** Stand-in actions in the `renderActions` slot (the kit's MessageActions goes there). */
const copyAction: MessageStreamProps["renderActions"] = (message) =>
  message.type === "ai" ? (
    <button type="button" className="lgr-button" data-size="small" aria-label="Copy">
      <Icon name="copy" />
    </button>
  ) : null;

const openTool =
  (name: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const button = within(canvasElement).getByRole("button", { name: new RegExp(name) });
    await userEvent.click(button);
    await expect(button).toHaveAttribute("aria-expanded", "true");
  };

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

/** A chat: the user's messages as bubbles on the right, the assistant's as prose. */
export const Conversation: Story = {
  args: { messages: chat },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const articles = canvas.getAllByRole("article");
    await expect(articles.map((a) => a.getAttribute("aria-label"))).toEqual([
      "User message",
      "Assistant message",
      "User message",
      "Assistant message",
    ]);
    await expect(canvas.queryByText("User")).toBeNull();
  },
};

/** Each message's time (where it is known) shows on hover and focus, beside its actions. */
export const TimesAndActions: Story = {
  args: { messages: chat, renderActions: copyAction },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const times = canvasElement.querySelectorAll("time");
    await expect(times).toHaveLength(4);
    await expect(times[1]).toHaveAttribute("datetime", "2026-01-01T09:01:00.000Z");
    // Focus inside a message shows its time.
    const [firstCopy] = canvas.getAllByRole("button", { name: "Copy" });
    firstCopy?.focus();
    await waitFor(() => expect(getComputedStyle(times[1] as Element).opacity).toBe("1"));
    await expect(getComputedStyle(times[3] as Element).opacity).toBe("0");
  },
};

/** A finished turn with a tool call: collapsed, its status chip says it is done. */
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
    const button = canvas.getByRole("button", { name: /get_weather/ });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toHaveTextContent("Done");
    await expect(canvas.queryByText("Sunny, 21°C")).not.toBeVisible();
  },
};

/** The same tool call opened: its arguments and its result. */
export const ToolCallExpanded: Story = {
  args: { messages: conversation },
  play: async (context) => {
    await openTool("get_weather")(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByText("Sunny, 21°C")).toBeVisible();
    await expect(canvas.getByText(/"city": "Paris"/)).toBeVisible();
  },
};

/** A tool still running: a spinner in its chip while the run goes on. */
export const ToolCallRunning: Story = {
  args: { messages: [human("h1", "Weather in Paris?"), weatherCall], isStreaming: true },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole("button", { name: /get_weather/ }),
    ).toHaveTextContent("Running");
  },
};

/** The tool's result comes 1.2 s after its call: the chip shows how long it took. */
export const ToolCallDuration: Story = {
  render: (args) => (
    <Scripted
      {...args}
      steps={[
        { after: 0, messages: [human("h1", "Weather in Paris?")], status: "running" },
        { after: 50, messages: [human("h1", "Weather in Paris?"), weatherCall], status: "running" },
        {
          after: 1200,
          messages: [human("h1", "Weather in Paris?"), weatherCall, weatherResult],
          status: "running",
        },
        { after: 50, messages: [...conversation.slice(1)], status: "success" },
      ]}
    />
  ),
  play: async ({ canvasElement }) => {
    const button = await within(canvasElement).findByRole("button", { name: /get_weather/ });
    await waitFor(() => expect(button).toHaveTextContent(/Done \d+(\.\d)? s$/), {
      timeout: 10_000,
    });
  },
};

/** Tool-call arguments arrive in pieces: "Preparing", and the raw text until it is valid JSON. */
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
  play: async (context) => {
    await openTool("get_weather")(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole("button", { name: /get_weather/ })).toHaveTextContent(
      "Preparing",
    );
    await expect(canvas.getByText("Arguments (streaming…)")).toBeVisible();
    await expect(canvas.getByText('{"city": "Par')).toBeVisible();
  },
};

const marsTurn: Message[] = [
  human("h1", "Weather on Mars?"),
  ai("run-5", "", {
    tool_calls: [{ id: "call_9", name: "get_weather", args: { city: "Mars" }, type: "tool_call" }],
  }),
  {
    ...weatherResult,
    id: "t9",
    tool_call_id: "call_9",
    content: "Unknown city: Mars",
    status: "error",
  },
  ai("run-6", "Sorry, I cannot find the weather on Mars."),
];

/** A tool that failed: the chip says so while collapsed. */
export const ToolError: Story = {
  args: { messages: marsTurn },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole("button", { name: /get_weather/ }),
    ).toHaveTextContent("Error");
  },
};

/** The failed tool call opened: the error in red. */
export const ToolErrorExpanded: Story = {
  args: { messages: marsTurn },
  play: async (context) => {
    await openTool("get_weather")(context);
    await expect(within(context.canvasElement).getByText("Unknown city: Mars")).toBeVisible();
  },
};

const thinkingReply = ai("run-7", [
  {
    type: "thinking",
    thinking:
      "The user asks about the weather in Paris. I do not have live data, so I should say so " +
      "and suggest where to look.",
  },
  { type: "text", text: "I cannot see live weather, but Météo-France has the forecast for Paris." },
]);

/** The model's reasoning, collapsed under "Thinking". */
export const Thinking: Story = {
  args: { messages: [human("h1", "Weather in Paris?"), thinkingReply] },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole("button", { name: "Thinking" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
  },
};

/** The reasoning opened. */
export const ThinkingExpanded: Story = {
  args: { messages: [human("h1", "Weather in Paris?"), thinkingReply] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Thinking" }));
    await expect(canvas.getByText(/I do not have live data/)).toBeVisible();
  },
};

/** While the model still reasons: "Thinking…" (from `additional_kwargs.reasoning_content`). */
export const ThinkingStreaming: Story = {
  args: {
    messages: [
      human("h1", "Weather in Paris?"),
      ai("run-8", "", { additional_kwargs: { reasoning_content: "Paris… I need a source" } }),
    ],
    isStreaming: true,
  },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole("button", { name: "Thinking…" }),
    ).toBeInTheDocument();
  },
};

/** Images: a base64 PNG shows with its alt text; a `javascript:` address is refused, as text. */
export const Images: Story = {
  render: (args) => <PictureChat {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const image = await canvas.findByRole("img", { name: "Green hills under a blue sky" });
    await expect(image.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    await expect(canvas.getAllByRole("img")).toHaveLength(1);
    await expect(canvas.getByText(/Image not shown \(unsupported address\)/)).toBeVisible();
  },
};

/** A turn the user stopped: "Stopped" after the partial reply. */
export const StoppedTurn: Story = {
  args: {
    messages: [
      human("h1", "Write me a long story about a lighthouse."),
      ai("run-9", "The lighthouse keeper climbed the stairs every evening at"),
    ],
    status: "interrupted",
  },
  play: async ({ canvasElement }) => {
    const items = within(canvasElement).getAllByRole("listitem");
    await expect(items.at(-1)).toHaveTextContent("Stopped");
  },
};

/** A long reply: prose, full width, paragraphs kept. */
export const LongReply: Story = {
  args: { messages: [human("h1", "Summarize the latency report."), ai("run-10", longReply)] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/Recommendations/)).toBeInTheDocument();
  },
};

/** The reply is still streaming: a cursor on the last AI message. */
export const Streaming: Story = {
  args: {
    messages: [human("h1", "/tokens 30"), ai("run-3", "t0 t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 ")],
    isStreaming: true,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const last = canvas.getAllByRole("article").at(-1);
    await expect(last).toHaveAttribute("data-streaming", "true");
    await expect(last?.querySelector(".lgr-message__cursor")).not.toBeNull();
  },
};

/** The run started but no reply has arrived yet. */
export const WaitingForReply: Story = {
  args: { messages: [human("h1", "Hello!")], status: "running" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Waiting for a reply…")).toBeInTheDocument();
  },
};

/** Other content blocks stay JSON text, in a collapsed section (never rendered as HTML). */
export const ContentBlocks: Story = {
  args: {
    messages: [
      human("h1", [
        { type: "text", text: "Transcribe this." },
        { type: "audio", source_type: "url", url: "https://example.com/memo.mp3" },
      ]),
    ],
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("audio")).toBeNull();
    await expect(within(canvasElement).getByText("audio block")).toBeInTheDocument();
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
    await userEvent.click(canvas.getByRole("button", { name: /get_weather/ }));
    await expect(canvasElement.querySelector(".lgr-tool-call__result")).toHaveTextContent(
      "Sunny, 21°C",
    );
  },
};

/** A phone-wide pane (390 px): bubbles, a tool call and a long reply still fit. */
export const Narrow: Story = {
  args: {
    messages: [...conversation.slice(1), human("h2", "And tomorrow?"), ai("run-11", longReply)],
  },
  decorators: [
    (Story) => (
      <div style={{ width: 390, maxWidth: "100%" }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole("list", { name: "Messages" });
    await expect(list.scrollWidth).toBeLessThanOrEqual(list.clientWidth);
  },
};

/** The chat in the dark theme. */
export const ConversationDark: Story = { ...Conversation, globals: { theme: "dark" } };

/** The tool-call turn in the dark theme. */
export const ToolCallsDark: Story = { ...ToolCalls, globals: { theme: "dark" } };

/** The opened failed tool call in the dark theme. */
export const ToolErrorExpandedDark: Story = { ...ToolErrorExpanded, globals: { theme: "dark" } };

/** The opened reasoning in the dark theme. */
export const ThinkingExpandedDark: Story = { ...ThinkingExpanded, globals: { theme: "dark" } };

/** Streaming in the dark theme. */
export const StreamingDark: Story = { ...Streaming, globals: { theme: "dark" } };
