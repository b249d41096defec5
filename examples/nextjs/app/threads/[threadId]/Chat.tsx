"use client";
import { useState } from "react";
import {
  CancelRunButton,
  InterruptPanel,
  MessageStream,
  RunScope,
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
  // Every component below reads the chat's handle from the scope: its data and its actions.
  return (
    <RunScope run={chat}>
      <main>
        <RunStatusBadge />
        <MessageStream />
        <InterruptPanel />
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
          <CancelRunButton />
        </form>
        <p data-testid="run-count">{runs.data?.length ?? 0} runs on this thread</p>
      </main>
    </RunScope>
  );
}
