/**
 * Ours, as the README recommends for chat: `useRunController` owns the stream (never re-renders
 * for tokens) and `<MessageStream run>` renders the messages, with the kit's stylesheet.
 */
import { useEffect, useRef, useState } from "react";
import { createClient } from "../../../src/client";
import { MessageStream } from "../../../src/components/MessageStream";
import { RunsProvider, useRunController } from "../../../src/hooks";
import "../../../src/styles/index.css";
import type { ContenderProps } from "./shared";

export default function OursMessageStreamApp({
  apiUrl,
  fetch,
  input,
  threadId,
  onHandle,
}: ContenderProps) {
  const [client] = useState(() => createClient({ apiUrl, fetch }));
  return (
    <RunsProvider client={client}>
      <Chat input={input} threadId={threadId} onHandle={onHandle} />
    </RunsProvider>
  );
}

function Chat({
  input,
  threadId,
  onHandle,
}: Pick<ContenderProps, "input" | "threadId" | "onHandle">) {
  const chat = useRunController({
    assistantId: "agent",
    threadId,
    streamMode: ["messages-tuple", "values"],
  });
  const { submit } = chat;
  // The latest `submit`, registered once: no effect runs per commit on any side.
  const latest = useRef(submit);
  // eslint-disable-next-line react-hooks/refs -- read only when the run starts
  latest.current = submit;
  useEffect(() => onHandle({ submit: () => latest.current(input) }), [input, onHandle]);
  return <MessageStream run={chat} />;
}
