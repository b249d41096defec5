import {
  act,
  cleanup,
  fireEvent,
  render,
  renderHook,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { useCallback, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  MessageStream,
  useMessageStream,
  type MessageItem,
} from "../../../src/components/MessageStream";
import { createArrivalLog } from "../../../src/components/MessageStream/arrivalLog";
import {
  announceMessage,
  buildMessageItems,
} from "../../../src/components/MessageStream/buildMessageItems";
import { formatDuration } from "../../../src/components/MessageStream/formatDuration";
import { contentParts, messageParts } from "../../../src/components/MessageStream/messageContent";
import { statedTime } from "../../../src/components/MessageStream/statedTime";
import type { Message } from "../../../src/store";
import type { PendingInterrupt } from "../../../src/store/interrupts/PendingInterrupt";
import { withStore } from "../../support/withStore";
import { Markdown } from "../../../src/markdown";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const XSS = "<img src=x onerror=alert(1)>";
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

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
const toolResult = (
  id: string,
  callId: string,
  content: string,
  extra: Partial<Message> = {},
): Message => ({
  id,
  type: "tool",
  content,
  tool_call_id: callId,
  name: "get_weather",
  ...extra,
});

const weatherCall = ai("a1", "", {
  tool_calls: [{ id: "call_1", name: "get_weather", args: { city: "Paris" }, type: "tool_call" }],
});

/** The disclosure button of a tool call, by the tool's name. */
const toolButton = (name: string) => screen.getByRole("button", { name: new RegExp(name) });
/** The part a disclosure button shows and hides. */
const panelOf = (button: HTMLElement) =>
  document.getElementById(button.getAttribute("aria-controls") ?? "") as HTMLElement;

describe("buildMessageItems", () => {
  it("moves each tool result under the call it answers", () => {
    const items = buildMessageItems([
      human("h1", "Weather?"),
      weatherCall,
      toolResult("t1", "call_1", "Sunny, 21°C"),
      ai("a2", "It is sunny in Paris."),
    ]);
    expect(items.map((item) => item.role)).toEqual(["human", "ai", "ai"]);
    const [call] = items[1]?.toolCalls ?? [];
    expect(call).toMatchObject({ id: "call_1", name: "get_weather", partial: false });
    expect(JSON.parse(call?.argsText ?? "")).toEqual({ city: "Paris" });
    expect(call?.result?.id).toBe("t1");
    expect(call?.resultParts).toEqual([{ kind: "text", text: "Sunny, 21°C" }]);
  });

  it("keeps tool messages without a matching call, skips remove markers", () => {
    const items = buildMessageItems([
      toolResult("t1", "elsewhere", "orphan"),
      { id: "r", type: "remove", content: "" },
      { id: "s", type: "system", content: "Be brief." },
    ]);
    expect(items.map((item) => [item.role, item.label])).toEqual([
      ["tool", "Tool"],
      ["system", "System"],
    ]);
  });

  it("shows streamed tool-call arguments raw until they parse", () => {
    const streaming = ai("a1", "", {
      tool_calls: [{ id: "call_1", name: "get_weather", args: {}, type: "tool_call" }],
      tool_call_chunks: [{ id: "call_1", name: "get_weather", args: '{"city":', index: 0 }],
    });
    const [item] = buildMessageItems([streaming], { streaming: true });
    expect(item?.streaming).toBe(true);
    expect(item?.toolCalls[0]).toMatchObject({ argsText: '{"city":', partial: true });
  });

  it("marks only the last AI message as streaming, and only while the run goes on", () => {
    const messages = [ai("a0", "before"), human("h1", "hi"), ai("a1", "t0 t1 ")];
    expect(buildMessageItems(messages, { streaming: true }).map((i) => i.streaming)).toEqual([
      false,
      false,
      true,
    ]);
    expect(buildMessageItems(messages).some((i) => i.streaming)).toBe(false);
    expect(
      buildMessageItems([...messages, human("h2", "more")], { streaming: true }).some(
        (i) => i.streaming,
      ),
    ).toBe(false);
  });

  it("dates messages and times tool calls from the arrival times it is given", () => {
    const arrived: Record<string, number> = { h1: 1_000, "call:call_1": 5_000, t1: 7_500 };
    const items = buildMessageItems(
      [human("h1", "Weather?"), weatherCall, toolResult("t1", "call_1", "Sunny")],
      { arrivedAt: (key) => arrived[key] },
    );
    expect(items[0]?.time).toBe(1_000);
    expect(items[1]?.time).toBeUndefined();
    expect(items[1]?.toolCalls[0]?.durationMs).toBe(2_500);
  });

  it("announces complete messages by role", () => {
    expect(announceMessage(ai("a", "It is sunny."))).toBe("Assistant: It is sunny.");
    expect(announceMessage(weatherCall)).toBe("Assistant: called get_weather");
    expect(announceMessage(toolResult("t", "c", "Sunny"))).toBe("Tool get_weather: Sunny");
    expect(announceMessage(human("h", "hi"))).toBe("");
  });
});

describe("content parts", () => {
  it("reads reasoning from reasoning, thinking and summary blocks, and from additional_kwargs", () => {
    expect(
      contentParts([
        { type: "reasoning", reasoning: "First, the city." },
        { type: "thinking", thinking: "Then the units.", signature: "…" },
        { type: "reasoning", summary: [{ type: "summary_text", text: "A summary." }] },
        { type: "thinking", thinking: "" },
        { type: "text", text: "Sunny." },
      ]),
    ).toEqual([
      { kind: "reasoning", text: "First, the city." },
      { kind: "reasoning", text: "Then the units." },
      { kind: "reasoning", text: "A summary." },
      { kind: "text", text: "Sunny." },
    ]);
    expect(
      messageParts(ai("a", "Hi", { additional_kwargs: { reasoning_content: "Greet them." } })),
    ).toEqual([
      { kind: "reasoning", text: "Greet them." },
      { kind: "text", text: "Hi" },
    ]);
  });

  it("loads images only from http(s) and base64 raster data URLs; others are refused", () => {
    const sources = (block: Record<string, unknown>) => {
      const [part] = contentParts([{ type: "image", ...block }]);
      return part?.kind === "image" ? [part.src, part.alt] : part?.kind;
    };
    expect(sources({ url: "https://example.com/pics/cat%20one.png" })).toEqual([
      "https://example.com/pics/cat%20one.png",
      "Image: cat one.png",
    ]);
    expect(sources({ url: "https://example.com/x.png", alt: "A cat" })).toEqual([
      "https://example.com/x.png",
      "A cat",
    ]);
    expect(sources({ source_type: "base64", data: PNG.slice(22), mime_type: "image/png" })).toEqual(
      [PNG, "Image (png)"],
    );
    expect(sources({ source: { type: "url", url: "http://example.com/a.jpg" } })).toEqual([
      "http://example.com/a.jpg",
      "Image: a.jpg",
    ]);
    for (const refused of [
      "javascript:alert(1)",
      "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
      "data:text/html;base64,PGI+",
      "/relative.png",
      "file:///etc/passwd",
    ]) {
      expect(sources({ url: refused }), refused).toEqual([null, "Image"]);
    }
    const [openai] = contentParts([
      { type: "image_url", image_url: { url: "javascript:alert(1)" } },
    ]);
    expect(openai).toMatchObject({ kind: "image", src: null, address: "javascript:alert(1)" });
    // Blocks that are neither text, reasoning nor images stay JSON text.
    expect(contentParts([{ type: "audio", data: "…" }])).toMatchObject([
      { kind: "block", type: "audio", json: '{\n  "type": "audio",\n  "data": "…"\n}' },
    ]);
  });

  it("reads a time the message states, and ignores one that is not a plausible date", () => {
    const at = (response_metadata: Record<string, unknown>) =>
      statedTime(ai("a", "", { response_metadata }));
    expect(at({ created_at: 1_767_225_600 })).toBe(1_767_225_600_000);
    expect(at({ created_at: "2026-01-01T00:00:00Z" })).toBe(Date.UTC(2026, 0, 1));
    expect(at({ created_at: 42 })).toBeUndefined();
    expect(at({ created_at: "yesterday" })).toBeUndefined();
    expect(at({})).toBeUndefined();
  });

  it("formats durations for people", () => {
    expect(formatDuration(420)).toBe("420 ms");
    expect(formatDuration(2_340)).toBe("2.3 s");
    expect(formatDuration(75_000)).toBe("1 min 15 s");
  });
});

describe("createArrivalLog", () => {
  it("dates what arrives while a run streams, never what was there before or came loaded", () => {
    let now = 100;
    const log = createArrivalLog(() => now);
    log.noteMessages([human("old", "before we looked")], true);
    now = 200;
    log.noteMessages([human("old", "…"), human("loaded", "with the thread")], false);
    now = 300;
    log.noteMessages([human("old", "…"), human("loaded", "…"), human("new", "sent")], true);
    now = 400;
    log.noteMessages([human("new", "sent again")], true);
    expect(log.arrivedAt("old")).toBeUndefined();
    expect(log.arrivedAt("loaded")).toBeUndefined();
    expect(log.arrivedAt("new")).toBe(300);

    // A tool call is dated once its arguments are complete.
    const items = (partial: boolean): MessageItem[] => [
      {
        ...(buildMessageItems([weatherCall])[0] as MessageItem),
        toolCalls: [
          { id: "c", name: "t", argsText: "{", partial, invalid: false, resultParts: [] },
        ],
      },
    ];
    log.noteToolCalls([], true);
    log.noteToolCalls(items(true), true);
    expect(log.arrivedAt("call:c")).toBeUndefined();
    now = 500;
    log.noteToolCalls(items(false), true);
    expect(log.arrivedAt("call:c")).toBe(500);
  });
});

describe("useMessageStream", () => {
  it("does not announce tokens: only messages that are complete", () => {
    type Props = { messages: Message[]; status: "running" | "success" };
    const earlier = [human("h0", "hi"), ai("a0", "Earlier reply")];
    const { result, rerender } = renderHook((props: Props) => useMessageStream(props), {
      initialProps: { messages: earlier, status: "success" },
    });
    expect(result.current.announcement).toBe("Assistant: Earlier reply");
    const turn = (tokens: string): Message[] => [
      ...earlier,
      human("h1", "/tokens 3"),
      ai("a1", tokens),
    ];

    rerender({ messages: turn("t0 "), status: "running" });
    const during = result.current.announcement;
    expect(result.current.isStreaming).toBe(true);
    expect(during).not.toContain("t0");
    for (const tokens of ["t0 t1 ", "t0 t1 t2 "]) {
      rerender({ messages: turn(tokens), status: "running" });
      expect(result.current.announcement).toBe(during);
    }
    rerender({ messages: turn("t0 t1 t2 "), status: "success" });
    expect(result.current.isStreaming).toBe(false);
    expect(result.current.announcement).toBe("Assistant: t0 t1 t2");
  });

  it("says when the run is going but no reply started", () => {
    const { result } = renderHook(() =>
      useMessageStream({ messages: [human("h", "hi")], isStreaming: true }),
    );
    expect(result.current.awaitingReply).toBe(true);
  });

  it("dates the messages that arrive while it streams, not those it was mounted with", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2026, 0, 1, 9, 30));
    const loaded = [human("h0", "hi"), ai("a0", "hello")];
    const { result, rerender } = renderHook(
      (props: { messages: Message[]; status: "running" | "success" }) => useMessageStream(props),
      { initialProps: { messages: loaded, status: "success" } },
    );
    rerender({ messages: [...loaded, human("h1", "and now?")], status: "running" });
    vi.setSystemTime(Date.UTC(2026, 0, 1, 9, 31));
    rerender({
      messages: [...loaded, human("h1", "and now?"), ai("a1", "Now")],
      status: "running",
    });
    expect(result.current.items.map((item) => item.time)).toEqual([
      undefined,
      undefined,
      Date.UTC(2026, 0, 1, 9, 30),
      Date.UTC(2026, 0, 1, 9, 31),
    ]);
  });

  it("marks a stopped turn, keeps the mark when the next run starts, and not a pause for input", () => {
    type Status = "running" | "interrupted" | "stopped" | "needs-input";
    const first = [human("h1", "Write a long story"), ai("a1", "Once upon")];
    const { result, rerender } = renderHook(
      (props: { messages: Message[]; status: Status }) => useMessageStream(props),
      { initialProps: { messages: first, status: "running" } },
    );
    expect([...result.current.stoppedAfter]).toEqual([]);
    rerender({ messages: first, status: "interrupted" });
    expect([...result.current.stoppedAfter]).toEqual(["a1"]);
    rerender({ messages: [...first, human("h2", "Go on")], status: "running" });
    expect([...result.current.stoppedAfter]).toEqual(["a1"]);
    rerender({ messages: [...first, human("h2", "Go on")], status: "stopped" });
    expect([...result.current.stoppedAfter]).toEqual(["a1", "h2"]);

    const paused = renderHook(() => useMessageStream({ messages: first, status: "needs-input" }));
    expect(paused.result.current.stoppedAfter.size).toBe(0);
    expect(paused.result.current.isStreaming).toBe(false);
  });
});

describe("<MessageStream>", () => {
  it("shows the user as a bubble and the assistant as prose, named by role, without a role header", () => {
    render(<MessageStream messages={[human("h1", "Weather in Paris?"), ai("a1", "Sunny.")]} />);
    const list = screen.getByRole("list", { name: "Messages" });
    const [user, reply] = within(list).getAllByRole("article");
    expect(user?.getAttribute("aria-label")).toBe("User message");
    expect(user?.textContent).toBe("Weather in Paris?");
    expect(reply?.getAttribute("aria-label")).toBe("Assistant message");
    expect(reply?.textContent).toBe("Sunny.");
    expect(list.querySelector("svg:not([aria-hidden='true'])")).toBeNull();
  });

  it("collapses a tool call: name, status and duration on a button; arguments and result on demand", () => {
    render(
      <MessageStream
        messages={[
          human("h1", "Weather in Paris?"),
          weatherCall,
          toolResult("t1", "call_1", "Sunny, 21°C"),
          ai("a2", "It is sunny"),
        ]}
        isStreaming
      />,
    );
    const button = toolButton("get_weather");
    expect(button.textContent).toBe("get_weather Done");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    const panel = panelOf(button);
    expect(panel.hidden).toBe(true);
    // Hidden, not gone: find-in-page aside, the text is there to open.
    expect(panel.textContent).toContain('"city": "Paris"');

    fireEvent.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(panel.hidden).toBe(false);
    expect(within(panel).getByText("Arguments")).toBeTruthy();
    expect(within(panel).getByText("Result")).toBeTruthy();
    expect(panel.textContent).toContain("Sunny, 21°C");

    const articles = screen.getAllByRole("article");
    expect(articles[2]?.getAttribute("data-streaming")).toBe("true");
    expect(within(articles[2] as HTMLElement).getByText("streaming")).toBeTruthy();
    expect(articles[1]?.getAttribute("data-streaming")).toBe("false");
  });

  it("gives each tool call its status: running, error, or no result once the run ended", () => {
    const calls = ai("a1", "", {
      tool_calls: [
        { id: "c1", name: "search", args: {} },
        { id: "c2", name: "fetch_page", args: {} },
      ],
    });
    const failed = toolResult("t2", "c2", "404 Not Found", { name: "fetch_page", status: "error" });
    const { rerender } = render(<MessageStream messages={[calls, failed]} isStreaming />);
    expect(toolButton("search").textContent).toBe("search Running");
    expect(toolButton("fetch_page").textContent).toBe("fetch_page Error");
    fireEvent.click(toolButton("fetch_page"));
    expect(within(panelOf(toolButton("fetch_page"))).getByText("Error")).toBeTruthy();

    rerender(<MessageStream messages={[calls, failed]} status="success" />);
    expect(toolButton("search").textContent).toBe("search No result");
  });

  it("shows reasoning as a collapsed Thinking section", () => {
    render(
      <MessageStream
        messages={[
          ai("a1", [
            { type: "thinking", thinking: "The user wants Paris." },
            { type: "text", text: "It is sunny." },
          ]),
        ]}
      />,
    );
    const thinking = screen.getByRole("button", { name: "Thinking" });
    expect(thinking.getAttribute("aria-expanded")).toBe("false");
    expect(panelOf(thinking).hidden).toBe(true);
    fireEvent.click(thinking);
    expect(panelOf(thinking).hidden).toBe(false);
    expect(panelOf(thinking).textContent).toBe("The user wants Paris.");
    expect(screen.getByText("It is sunny.")).toBeTruthy();
  });

  it("says Thinking… while the model still reasons", () => {
    render(
      <MessageStream
        messages={[ai("a1", [{ type: "reasoning", reasoning: "Let me see" }])]}
        isStreaming
      />,
    );
    expect(screen.getByRole("button", { name: "Thinking…" })).toBeTruthy();
  });

  it("shows the reasoning open while the model thinks and folds it when the answer starts", () => {
    const reasoning = { type: "reasoning", reasoning: "Let me see" };
    const { rerender } = render(<MessageStream messages={[ai("a1", [reasoning])]} isStreaming />);
    const button = screen.getByRole("button", { name: "Thinking…" });
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(panelOf(button).hidden).toBe(false);
    rerender(
      <MessageStream
        messages={[ai("a1", [reasoning, { type: "text", text: "Yes." }])]}
        isStreaming
      />,
    );
    const folded = screen.getByRole("button", { name: "Thinking" });
    expect(folded.getAttribute("aria-expanded")).toBe("false");
    expect(panelOf(folded).hidden).toBe(true);
  });

  it("keeps the reasoning as the user left it once they toggled it", () => {
    const first = { type: "reasoning", reasoning: "Let me see" };
    const second = { type: "reasoning", reasoning: "and check" };
    const view = (parts: unknown[]) => (
      <MessageStream messages={[ai("a1", parts as Message["content"])]} isStreaming />
    );
    const expanded = (name: string) =>
      screen.getByRole("button", { name }).getAttribute("aria-expanded");
    const { rerender } = render(view([first]));
    // Closed by the user while the model thinks: it stays closed as the reasoning grows...
    fireEvent.click(screen.getByRole("button", { name: "Thinking…" }));
    rerender(view([first, second]));
    expect(expanded("Thinking…")).toBe("false");
    // ...and after the answer starts.
    rerender(view([first, second, { type: "text", text: "Yes." }]));
    expect(expanded("Thinking")).toBe("false");
  });

  it("keeps the reasoning open when the user opened it again", () => {
    const reasoning = { type: "reasoning", reasoning: "Let me see" };
    const { rerender } = render(<MessageStream messages={[ai("a1", [reasoning])]} isStreaming />);
    fireEvent.click(screen.getByRole("button", { name: "Thinking…" }));
    fireEvent.click(screen.getByRole("button", { name: "Thinking…" }));
    rerender(
      <MessageStream
        messages={[ai("a1", [reasoning, { type: "text", text: "Yes." }])]}
        isStreaming
      />,
    );
    expect(screen.getByRole("button", { name: "Thinking" }).getAttribute("aria-expanded")).toBe(
      "true",
    );
  });

  it("shows images from safe addresses, and a refused one as a note, never as JSON", () => {
    const { container } = render(
      <MessageStream
        messages={[
          human("h1", [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
            { type: "image", source_type: "url", url: "javascript:alert(1)" },
          ]),
        ]}
      />,
    );
    const images = screen.getAllByRole("img");
    expect(images.map((img) => [img.getAttribute("src"), img.getAttribute("alt")])).toEqual([
      ["https://example.com/cat.png", "Image: cat.png"],
    ]);
    expect(
      screen.getByText("Image not shown (unsupported address): javascript:alert(1)"),
    ).toBeTruthy();
    expect(container.textContent).not.toContain('"type"');
  });

  it('marks a stopped turn "Stopped", and not one paused for input', () => {
    const messages = [human("h1", "Write a story"), ai("a1", "Once upon")];
    render(<MessageStream messages={messages} status="interrupted" />);
    const items = within(screen.getByRole("list", { name: "Messages" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Write a story",
      "Once upon",
      "Stopped",
    ]);
    cleanup();
    render(<MessageStream messages={messages} status="needs-input" />);
    expect(screen.queryByText("Stopped")).toBeNull();
  });

  it("shows the time a message states, as a <time> in the footer", async () => {
    render(
      <MessageStream
        messages={[ai("a1", "Hello", { response_metadata: { created_at: 1_767_258_000 } })]}
      />,
    );
    const time = document.querySelector("time");
    expect(time?.getAttribute("dateTime")).toBe("2026-01-01T09:00:00.000Z");
    // The formatters are made in a task of their own: the text follows.
    await waitFor(() =>
      expect(time?.textContent).toBe(
        new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" }).format(
          1_767_258_000_000,
        ),
      ),
    );
    expect(time?.getAttribute("title")).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" }).format(
        1_767_258_000_000,
      ),
    );
    expect(time?.closest("article")).toBeNull();
    expect(time?.closest("li")?.textContent).toContain("Hello");
  });

  it("renders actions under each message, apart from its text, and not again for another's tokens", () => {
    const renders = new Map<string, number>();
    const texts = new Map<string, number>();
    function Chat({ messages, version }: { messages: Message[]; version: number }) {
      const renderActions = useCallback(
        (message: Message) => {
          renders.set(message.id, (renders.get(message.id) ?? 0) + 1);
          return (
            <button type="button">
              Copy {message.id} v{version}
            </button>
          );
        },
        [version],
      );
      const renderMessage = useCallback((message: Message, defaultRender: () => ReactNode) => {
        texts.set(message.id, (texts.get(message.id) ?? 0) + 1);
        return defaultRender();
      }, []);
      return (
        <MessageStream
          messages={messages}
          isStreaming
          renderActions={renderActions}
          renderMessage={renderMessage}
        />
      );
    }
    const earlier = [human("h1", "Hi"), ai("a1", "Hello!"), human("h2", "Count")];
    const view = render(<Chat messages={[...earlier, ai("a2", "1")]} version={1} />);
    for (const tokens of ["1 2", "1 2 3", "1 2 3 4"]) {
      view.rerender(<Chat messages={[...earlier, ai("a2", tokens)]} version={1} />);
    }
    expect(screen.getByRole("button", { name: "Copy a1 v1" })).toBeTruthy();
    expect(renders.get("a1")).toBe(1);
    expect(texts.get("a1")).toBe(1);
    expect(renders.get("a2")).toBe(4);

    // New actions render again; the text does not.
    view.rerender(<Chat messages={[...earlier, ai("a2", "1 2 3 4")]} version={2} />);
    expect(screen.getByRole("button", { name: "Copy a1 v2" })).toBeTruthy();
    expect(texts.get("a1")).toBe(1);
  });

  it("shows an empty state and a waiting row", () => {
    const { rerender } = render(<MessageStream messages={[]} />);
    expect(screen.getByText("No messages yet.")).toBeTruthy();
    rerender(<MessageStream messages={[human("h", "hi")]} status="running" />);
    expect(screen.getByText("Waiting for a reply…")).toBeTruthy();
  });

  it("does not wait for a reply while the run is paused at an interrupt", () => {
    const { ui, store } = withStore(<MessageStream run={{ id: "chat" }} />);
    render(ui);
    const running = (interrupts: PendingInterrupt[]) =>
      act(() => {
        store().ensureSession("chat", { threadId: "thread-1" });
        store().updateSession("chat", (session) => ({
          ...session,
          status: "running",
          messages: [human("h1", "Send the email")],
          interrupts,
        }));
      });
    running([]);
    expect(screen.getByText("Waiting for a reply…")).toBeTruthy();
    // The interrupt has arrived; the server closes the stream a little later.
    running([{ id: "i1", value: { question: "Send it?" } }]);
    expect(screen.queryByText("Waiting for a reply…")).toBeNull();
  });

  it("renders the assistant's text with renderText (markdown), the user's as typed", () => {
    const asMarkdown = (text: string, { streaming }: { streaming: boolean }) => (
      <Markdown streaming={streaming}>{text}</Markdown>
    );
    const { container } = render(
      <MessageStream
        messages={[human("h1", "Is **this** bold?"), ai("a1", "Yes, **this** is.")]}
        renderText={asMarkdown}
      />,
    );
    const [user, assistant] = screen.getAllByRole("article");
    expect(user?.querySelector("strong")).toBeNull();
    expect(user?.textContent).toContain("Is **this** bold?");
    expect(assistant?.querySelector("strong")?.textContent).toBe("this");
    expect(container.querySelector(".lgr-markdown")).not.toBeNull();
  });

  it("tells renderText which text still grows, and renders a finished message once", () => {
    const calls: { text: string; streaming: boolean }[] = [];
    const renderText = (text: string, { streaming }: { streaming: boolean }) => {
      calls.push({ text, streaming });
      return text;
    };
    const earlier = [human("h1", "Hi"), ai("a1", "Hello!"), human("h2", "Count")];
    const { rerender } = render(
      <MessageStream messages={[...earlier, ai("a2", "1")]} isStreaming renderText={renderText} />,
    );
    rerender(
      <MessageStream
        messages={[...earlier, ai("a2", "1 2")]}
        isStreaming
        renderText={renderText}
      />,
    );
    expect(calls).toEqual([
      { text: "Hello!", streaming: false },
      { text: "1", streaming: true },
      { text: "1 2", streaming: true },
    ]);
  });

  it("lets renderMessage replace, wrap or hide messages", () => {
    render(
      <MessageStream
        messages={[
          human("h1", "hello"),
          ai("a1", "hi there"),
          { id: "s", type: "system", content: "secret" },
        ]}
        renderMessage={(message, defaultRender) =>
          message.type === "system" ? null : message.type === "human" ? (
            <p data-testid="custom">Custom: {String(message.content)}</p>
          ) : (
            <div data-testid="wrapped">{defaultRender()}</div>
          )
        }
      />,
    );
    expect(screen.getByTestId("custom").textContent).toBe("Custom: hello");
    expect(within(screen.getByTestId("wrapped")).getByText("hi there")).toBeTruthy();
    expect(screen.queryByText("secret")).toBeNull();
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
  });

  it("renders markup in content, blocks, tool arguments and results as inert text", () => {
    const { container } = render(
      <MessageStream
        messages={[
          human("h1", XSS),
          ai("a1", [
            { type: "text", text: XSS },
            { type: "html", html: XSS },
            { type: "thinking", thinking: XSS },
          ]),
          ai("a2", "", {
            tool_calls: [{ id: "c1", name: XSS, args: { body: XSS, href: "javascript:alert(1)" } }],
          }),
          toolResult("t1", "c1", XSS),
        ]}
      />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(screen.getAllByText(XSS).length).toBeGreaterThanOrEqual(4);
    expect(container.textContent).toContain("javascript:alert(1)");
    expect(container.textContent).toContain(JSON.stringify(XSS));
  });
});
