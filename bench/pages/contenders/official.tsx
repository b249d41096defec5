/**
 * The official SDK: `useStream` from `@langchain/langgraph-sdk/react`, given a `Client` whose
 * `callerOptions.fetch` is the same replay fetch (same bytes, same chunks) as ours.
 */
import { Client } from "@langchain/langgraph-sdk";
import { useStream } from "@langchain/langgraph-sdk/react";
import { useEffect, useRef, useState } from "react";
import { MessagesView, type ContenderProps } from "./shared";

export default function OfficialApp({
  apiUrl,
  fetch,
  view,
  input,
  threadId,
  onHandle,
}: ContenderProps) {
  const [client] = useState(() => new Client({ apiUrl, callerOptions: { fetch } }));
  const stream = useStream({
    assistantId: "agent",
    apiUrl,
    client,
    messagesKey: "messages",
    // Only when mounting on a thread: `threadId: null` would make the thread id controlled, and
    // the hook clears its messages when the id it created differs from the prop.
    ...(threadId ? { threadId } : {}),
  });
  // Reading `messages` during render makes the hook ask for messages-tuple and values.
  const messages = stream.messages;
  const { submit } = stream;
  // The latest `submit`, registered once: no effect runs per commit on any side.
  const latest = useRef(submit);
  // eslint-disable-next-line react-hooks/refs -- read only when the run starts
  latest.current = submit;
  useEffect(() => onHandle({ submit: () => latest.current(input) }), [input, onHandle]);
  return <MessagesView messages={messages} view={view} />;
}
