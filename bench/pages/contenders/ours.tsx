/** Ours: `useRunStream` in the component that renders the messages (plain text, like official). */
import { useEffect, useRef, useState } from "react";
import { createClient } from "../../../src/client";
import { RunsProvider, useRunStream } from "../../../src/hooks";
import { MessagesView, type ContenderProps } from "./shared";

export default function OursApp({
  apiUrl,
  fetch,
  view,
  input,
  threadId,
  onHandle,
}: ContenderProps) {
  const [client] = useState(() => createClient({ apiUrl, fetch }));
  return (
    <RunsProvider client={client}>
      <Chat view={view} input={input} threadId={threadId} onHandle={onHandle} />
    </RunsProvider>
  );
}

function Chat({
  view,
  input,
  threadId,
  onHandle,
}: Pick<ContenderProps, "view" | "input" | "threadId" | "onHandle">) {
  const chat = useRunStream({
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
  return <MessagesView messages={chat.messages} view={view} />;
}
