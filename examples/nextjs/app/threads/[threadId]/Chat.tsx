"use client";
import { useState } from "react";
import {
  CancelRunButton,
  InterruptPanel,
  MessageStream,
  RunStatusBadge,
  useRunStream,
  useRunsList,
  type RunsListFilters,
} from "langgraph-runs-react";

export function Chat({
  threadId: initialThreadId,
  filters,
}: {
  threadId?: string;
  filters: RunsListFilters;
}) {
  const [threadId, setThreadId] = useState(initialThreadId);
  const chat = useRunStream({
    assistantId: process.env.NEXT_PUBLIC_ASSISTANT_ID ?? "agent",
    threadId,
    onThreadId: (id) => {
      setThreadId(id);
      window.history.replaceState(null, "", `/threads/${id}`);
    },
  });
  const runs = useRunsList(threadId ?? null, filters); // hydrated from the server's prefetch
  const [text, setText] = useState("");
  return (
    <main>
      <RunStatusBadge status={chat.status} />
      <MessageStream runKey={chat.key} />
      <InterruptPanel runKey={chat.key} onResume={chat.resume} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void chat.submit({ messages: [{ type: "human", content: text }] });
          setText("");
        }}
      >
        <input
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-label="Message"
        />
        <button type="submit">Send</button>
        <CancelRunButton stream={chat} />
      </form>
      <p data-testid="run-count">{runs.data?.length ?? 0} runs on this thread</p>
    </main>
  );
}
