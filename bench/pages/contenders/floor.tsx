/**
 * The no-library floor: the same requests and the same plain view, fed by a `getReader()` loop,
 * a streaming `TextDecoder`, `eventsource-parser` and `JSON.parse`, with one `setState` per
 * animation frame. No client, no store, no event log, no yielding: the least work a page can do
 * to show the stream, and so the anchor for main-thread CPU. Message chunks are merged by id with
 * `content += text`, as any hand-written view would.
 */
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { useEffect, useRef, useState } from "react";
import { MessagesView, type ContenderProps } from "./shared";

interface Shown {
  id: string;
  type: string;
  content: string;
}

export default function FloorApp({
  apiUrl,
  fetch,
  view,
  input,
  threadId,
  onHandle,
}: ContenderProps) {
  const [messages, setMessages] = useState<readonly Shown[]>([]);
  const working = useRef<Shown[]>([]);

  useEffect(() => {
    if (!threadId) return;
    // Like the other contenders: a chat mounted on a thread shows its saved messages first.
    void fetch(`${apiUrl}/threads/${threadId}/state`)
      .then((response) => response.json())
      .then((state: { values?: { messages?: Shown[] } }) => {
        working.current = [...(state.values?.messages ?? [])];
        setMessages(working.current);
      });
  }, [apiUrl, fetch, threadId]);

  useEffect(() => {
    let frame: number | undefined;
    const show = () => {
      frame = undefined;
      setMessages([...working.current]);
    };
    const onEvent = (message: EventSourceMessage) => {
      if (message.event !== "messages") return;
      const data = JSON.parse(message.data) as [{ id?: string; type?: string; content?: unknown }];
      const chunk = data[0];
      if (typeof chunk?.id !== "string" || typeof chunk.content !== "string") return;
      const list = working.current;
      const last = list.at(-1);
      if (last?.id === chunk.id) {
        list[list.length - 1] = { ...last, content: last.content + chunk.content };
      } else {
        list.push({ id: chunk.id, type: "ai", content: chunk.content });
      }
      frame ??= requestAnimationFrame(show);
    };
    const submit = async () => {
      const human = input.messages[0];
      working.current = [
        ...working.current,
        { id: `human-${working.current.length}`, type: "human", content: human?.content ?? "" },
      ];
      setMessages(working.current);
      const thread =
        threadId ??
        (
          (await (await fetch(`${apiUrl}/threads`, { method: "POST", body: "{}" })).json()) as {
            thread_id: string;
          }
        ).thread_id;
      const response = await fetch(`${apiUrl}/threads/${thread}/runs/stream`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({
          assistant_id: "agent",
          input,
          stream_mode: ["messages-tuple", "values"],
        }),
      });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const parser = createParser({ onEvent });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      if (frame !== undefined) cancelAnimationFrame(frame);
      show();
    };
    onHandle({ submit });
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [apiUrl, fetch, input, threadId, onHandle]);

  return <MessagesView messages={messages} view={view} />;
}
