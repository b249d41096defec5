import { cleanup, render, renderHook, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MessageStream, useMessageStream } from "../../../src/components/MessageStream";
import {
  announceMessage,
  buildMessageItems,
} from "../../../src/components/MessageStream/buildMessageItems";
import { contentParts } from "../../../src/components/MessageStream/messageContent";
import type { Message } from "../../../src/store";

afterEach(cleanup);

const XSS = "<img src=x onerror=alert(1)>";

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

  it("splits content blocks into text and JSON", () => {
    expect(
      contentParts([
        { type: "text", text: "Look:" },
        { type: "image_url", image_url: { url: "javascript:alert(1)" } },
      ]),
    ).toEqual([
      { kind: "text", text: "Look:" },
      {
        kind: "block",
        type: "image_url",
        json: JSON.stringify(
          { type: "image_url", image_url: { url: "javascript:alert(1)" } },
          null,
          2,
        ),
        block: { type: "image_url", image_url: { url: "javascript:alert(1)" } },
      },
    ]);
  });

  it("announces complete messages by role", () => {
    expect(announceMessage(ai("a", "It is sunny."))).toBe("Assistant: It is sunny.");
    expect(announceMessage(weatherCall)).toBe("Assistant: called get_weather");
    expect(announceMessage(toolResult("t", "c", "Sunny"))).toBe("Tool get_weather: Sunny");
    expect(announceMessage(human("h", "hi"))).toBe("");
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
});

describe("<MessageStream>", () => {
  it("renders roles, tool calls with arguments and results, and the streaming indicator", () => {
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
    const list = screen.getByRole("list", { name: "Messages" });
    const items = within(list).getAllByRole("article");
    expect(items.map((item) => item.getAttribute("aria-label"))).toEqual([
      "User message",
      "Assistant message",
      "Assistant message",
    ]);
    const call = within(items[1] as HTMLElement).getByRole("listitem");
    expect(call.textContent).toContain("get_weather");
    expect(call.textContent).toContain('"city": "Paris"');
    expect(call.textContent).toContain("Sunny, 21°C");
    expect(items[2]?.getAttribute("data-streaming")).toBe("true");
    expect(within(items[2] as HTMLElement).getByText("streaming")).toBeTruthy();
    expect(items[1]?.getAttribute("data-streaming")).toBe("false");
  });

  it("shows an empty state and a waiting row", () => {
    const { rerender } = render(<MessageStream messages={[]} />);
    expect(screen.getByText("No messages yet.")).toBeTruthy();
    rerender(<MessageStream messages={[human("h", "hi")]} status="running" />);
    expect(screen.getByText("Waiting for a reply…")).toBeTruthy();
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
  });

  it("renders markup in content, blocks, tool arguments and results as inert text", () => {
    const { container } = render(
      <MessageStream
        messages={[
          human("h1", XSS),
          ai("a1", [
            { type: "text", text: XSS },
            { type: "html", html: XSS },
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
    expect(screen.getAllByText(XSS).length).toBeGreaterThanOrEqual(3);
    expect(container.textContent).toContain("javascript:alert(1)");
    expect(container.textContent).toContain(JSON.stringify(XSS));
  });
});
