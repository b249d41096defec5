import { useRef, useState } from "react";
import {
  Composer,
  ConnectionStatus,
  InterruptPanel,
  MessageActions,
  MessageStream,
  RunScope,
  RunStatusBadge,
  useRunStream,
  type Message,
  type RenderText,
} from "langgraph-runs-react";
import { Markdown } from "langgraph-runs-react/markdown";
import { ASSISTANT_ID } from "./config";
import { RunControls } from "./RunControls";
import { RunOptions } from "./RunOptions";
import { RunProgress } from "./RunProgress";
import { ScenarioCards } from "./ScenarioCards";
import type { Scenario } from "./scenarios";
import { chatKey, humanInput, shortId, type RunSettings } from "./settings";

/** Copy, regenerate and edit (forks from the message's checkpoint), with the branch picker. */
const renderActions = (message: Message) =>
  message.type === "human" || message.type === "ai" ? <MessageActions message={message} /> : null;

export interface ChatPanelProps {
  threadId: string;
  settings: RunSettings;
  onSettingsChange: (settings: RunSettings) => void;
}

/**
 * The chat pane: its status, the message stream (scenario cards while it is empty, then the
 * messages, the slow run's progress and pending interrupts) as the pane's one scroll area, and
 * at the bottom the run's controls, the kit's Composer and the run options, all reading the
 * chat's handle from one `<RunScope>`. Mounted once per thread (its session id names the
 * thread), and re-joins a run that was streaming when the page was reloaded.
 */
export function ChatPanel({ threadId, settings, onSettingsChange }: ChatPanelProps) {
  const chat = useRunStream({
    assistantId: ASSISTANT_ID,
    threadId,
    id: chatKey(threadId),
    streamMode: settings.streamModes,
    reconnectOnMount: true,
  });
  const composerRef = useRef<HTMLFormElement>(null);
  // The composer reports its own message's failures; one sent from a card is reported here.
  const [sentFromCard, setSentFromCard] = useState(false);
  const submitOptions = {
    multitaskStrategy: settings.multitaskStrategy,
    streamSubgraphs: settings.streamSubgraphs,
  };

  const pick = (scenario: Scenario) => {
    setSentFromCard(true);
    void chat.submit(humanInput(scenario.text), { ...submitOptions, ...scenario.options });
    // The cards go away with the first message: the composer takes the focus, not the page.
    composerRef.current?.querySelector("textarea")?.focus();
  };

  const empty =
    chat.messages.length === 0 &&
    chat.turnErrors.length === 0 &&
    chat.interrupts.length === 0 &&
    !chat.isRunning &&
    !chat.isThreadLoading;
  // Run errors stay in the transcript (MessageStream), a message the server never took comes
  // back in the composer; others (a failed cancel or re-join) show here.
  const otherError =
    chat.error &&
    !chat.turnErrors.some((turn) => turn.error === chat.error) &&
    (chat.runId !== null || sentFromCard)
      ? chat.error
      : null;

  return (
    <RunScope run={chat}>
      <section className="demo-panel demo-chat" aria-labelledby="chat-title">
        <div className="demo-panel__head">
          <h2 id="chat-title">Chat</h2>
          <div className="demo-chat__status" data-testid="chat-status">
            <RunStatusBadge announce srPrefix="Run status:" />
            <ConnectionStatus />
            {chat.runId ? (
              <code className="demo-muted" title={chat.runId}>
                run {shortId(chat.runId)}
              </code>
            ) : null}
          </div>
        </div>

        {/* display: contents; the stream is the pane's scroll area, following the newest message. */}
        <div className="demo-chat__messages-slot" data-testid="messages">
          <MessageStream
            className="demo-chat__messages"
            followLatest
            renderActions={renderActions}
            renderText={asMarkdown}
            data-empty-chat={empty ? "true" : undefined}
            emptyText={
              chat.isThreadLoading ? (
                "Loading the thread…"
              ) : (
                <>
                  No messages yet.{" "}
                  <span className="demo-chat__empty-hint">
                    Pick a scenario to see the kit at work, or write a message below.
                  </span>
                </>
              )
            }
          >
            {empty ? <ScenarioCards onPick={pick} /> : null}
            <RunProgress />
            {otherError ? (
              <div className="demo-error" role="alert" data-testid="chat-error">
                <strong>
                  {otherError.kind === "stream" ? "The run failed" : `Error (${otherError.kind})`}:
                </strong>{" "}
                {otherError.message}
              </div>
            ) : null}
            <InterruptPanel className="demo-interrupts" />
          </MessageStream>
        </div>

        <div className="demo-chat__dock">
          {/* The one Stop is RunControls' CancelRunButton: the composer's button stays Send, and
              a message sent while the run goes on meets the busy thread's choices. */}
          <Composer
            ref={composerRef}
            className="demo-composer"
            stop={false}
            submitOptions={submitOptions}
            placeholder="Message, or try /tokens 500"
            onSend={() => setSentFromCard(false)}
          />
          <div className="demo-chat__footer">
            <RunControls chat={chat} />
            <RunOptions settings={settings} onChange={onSettingsChange} />
          </div>
        </div>
      </section>
    </RunScope>
  );
}

/** The assistant's replies as markdown (safe: React elements, never raw HTML). */
const asMarkdown: RenderText = (text, { streaming }) => (
  <Markdown streaming={streaming}>{text}</Markdown>
);
