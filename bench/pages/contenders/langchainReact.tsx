/**
 * `useStream` from `@langchain/react` 1.1.0: the newer hook, which speaks the thread protocol
 * (`POST /threads/:t/commands`, `POST /threads/:t/stream/events`) rather than the Runs API. The
 * page answers it with the recorded protocol stream of the same graph and input (see
 * protocolTranscript.ts), through the same `fetch` the hook's transport and its REST client use.
 * Messages come as `@langchain/core` message objects whose content is a list of blocks; the view
 * shows each one's `text`, as plain text, like every other plain contender.
 */
import { useStream } from "@langchain/react";
import { useEffect, useRef, useState } from "react";
import { MessagesView, type ContenderProps } from "./shared";

export default function LangchainReactApp({
  apiUrl,
  fetch,
  view,
  input,
  threadId,
  onHandle,
}: ContenderProps) {
  // One object for the hook's whole life: a new `callerOptions` makes it a new client and a new
  // controller.
  const [callerOptions] = useState(() => ({ fetch }));
  const stream = useStream({
    assistantId: "agent",
    apiUrl,
    fetch,
    callerOptions,
    messagesKey: "messages",
    ...(threadId ? { threadId } : {}),
  });
  const { submit } = stream;
  // The latest `submit`, registered once: no effect runs per commit on any side.
  const latest = useRef(submit);
  // eslint-disable-next-line react-hooks/refs -- read only when the run starts
  latest.current = submit;
  useEffect(
    () => onHandle({ submit: () => latest.current(input as never) as Promise<void> }),
    [input, onHandle],
  );
  const messages = stream.messages.map((message) => ({
    id: message.id,
    type: message.type,
    content: message.text,
  }));
  return <MessagesView messages={messages} view={view} />;
}
