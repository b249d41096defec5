/** What every contender's page module exports, and the view they all render. */
import type { ComponentType } from "react";

export type ViewKind = "text" | "summary";

export interface ContenderHandle {
  /** Starts the run (the user pressed Send); resolves when the contender says the stream ended. */
  submit: () => Promise<void>;
}

export interface ContenderProps {
  apiUrl: string;
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  view: ViewKind;
  /** The human message to send. */
  input: { messages: { type: string; content: string }[] };
  /** Mount on this thread (its saved messages are loaded first); else the run makes one. */
  threadId?: string;
  onHandle: (handle: ContenderHandle) => void;
}

export type ContenderApp = ComponentType<ContenderProps>;

interface ShownMessage {
  id?: string | null;
  type?: string;
  content?: unknown;
}

/**
 * The chat view of the plain contenders: one paragraph of plain text per message, keyed by id.
 * `summary` shows only counts (for the memory benchmark: no 1.6 MB text node per render).
 */
export function MessagesView({
  messages,
  view,
}: {
  messages: readonly ShownMessage[];
  view: ViewKind;
}) {
  if (view === "summary") {
    const last = messages.at(-1);
    const chars = typeof last?.content === "string" ? last.content.length : 0;
    return (
      <p className="bench-summary" data-chars={chars}>
        {messages.length} messages, {chars} characters in the last one
      </p>
    );
  }
  return (
    <div className="bench-messages">
      {messages.map((message, position) => (
        <p key={message.id ?? position} className="bench-text" data-type={message.type}>
          {typeof message.content === "string" ? message.content : JSON.stringify(message.content)}
        </p>
      ))}
    </div>
  );
}
