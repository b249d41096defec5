import { useCallback, useEffect, useRef, useState } from "react";
import {
  CancelRunButton,
  ConnectionStatus,
  InterruptPanel,
  MessageStream,
  RunScope,
  RunStatusBadge,
  useRunStream,
  type SubmitOptions,
} from "langgraph-runs-react";
import { BusyNotice } from "./BusyNotice";
import { Composer } from "./Composer";
import { ASSISTANT_ID } from "./config";
import { RunOptions } from "./RunOptions";
import { RunProgress } from "./RunProgress";
import { SCENARIOS } from "./scenarios";
import { chatKey, humanInput, shortId, type RunSettings } from "./settings";

const REJOINABLE_ERRORS = new Set(["network", "timeout"]);

export interface ChatPanelProps {
  threadId: string;
  settings: RunSettings;
  onSettingsChange: (settings: RunSettings) => void;
}

/**
 * The chat: scenario buttons, the message stream, pending interrupts, a composer, and the run's
 * controls, all reading the chat's handle from one `<RunScope>`. Mounted once per thread (its session id names the thread), and re-joins a run that
 * was streaming when the page was reloaded.
 */
export function ChatPanel({ threadId, settings, onSettingsChange }: ChatPanelProps) {
  const chat = useRunStream({
    assistantId: ASSISTANT_ID,
    threadId,
    id: chatKey(threadId),
    streamMode: settings.streamModes,
    reconnectOnMount: true,
  });
  const { submit } = chat;
  const [draft, setDraft] = useState("");
  const lastSent = useRef("");
  // A refused message comes back as the draft (unless the user typed something new since).
  useEffect(() => {
    if (chat.refusal && !chat.refusal.waiting)
      setDraft((current) => (current === "" ? lastSent.current : current));
  }, [chat.refusal]);

  const send = useCallback(
    (text: string, options: Partial<SubmitOptions> = {}) => {
      void submit(humanInput(text), {
        multitaskStrategy: settings.multitaskStrategy,
        streamSubgraphs: settings.streamSubgraphs,
        ...options,
      });
    },
    [submit, settings.multitaskStrategy, settings.streamSubgraphs],
  );

  const { state: connection } = chat.connection;
  const connected =
    connection === "connecting" || connection === "open" || connection === "reconnecting";
  const detached = connection === "closed" || connection === "failed";
  // After a disconnect or a dropped connection the run may still be going, so offer to attach
  // again. (A submit the busy thread refused is no error: the chat follows the run by itself.)
  const canRejoin =
    chat.runId !== null &&
    detached &&
    (chat.isRunning || REJOINABLE_ERRORS.has(chat.error?.kind ?? ""));

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

        <div className="demo-scenarios" role="group" aria-label="Scenarios">
          {SCENARIOS.map((scenario) => (
            <button
              key={scenario.id}
              type="button"
              className="lgr-button demo-scenario"
              data-size="small"
              data-scenario={scenario.id}
              title={`${scenario.description} Sends "${scenario.text}".`}
              onClick={() => send(scenario.text, scenario.options)}
            >
              {scenario.label}
            </button>
          ))}
        </div>

        {/* display: contents; the stream is the scroll area, following the newest message. */}
        <div className="demo-chat__messages-slot" data-testid="messages">
          <MessageStream
            className="demo-chat__messages"
            followLatest
            emptyText="No messages yet. Pick a scenario above or write something."
          >
            <RunProgress />
            {/* Run errors stay in the transcript (MessageStream); others (a failed cancel) show here. */}
            {chat.error && !chat.turnErrors.some((turn) => turn.error === chat.error) ? (
              <div className="demo-error" role="alert" data-testid="chat-error">
                <strong>
                  {chat.error.kind === "stream" ? "The run failed" : `Error (${chat.error.kind})`}:
                </strong>{" "}
                {chat.error.message}
              </div>
            ) : null}
            <InterruptPanel className="demo-interrupts" />
          </MessageStream>
        </div>

        <div className="demo-chat__controls">
          <CancelRunButton labels={{ cancel: "Stop" }} />
          {canRejoin ? (
            <button
              type="button"
              className="lgr-button"
              onClick={() => void chat.join(chat.runId!)}
              title="Attach to the run again, from the last event this page saw"
            >
              Re-join
            </button>
          ) : (
            <button
              type="button"
              className="lgr-button"
              disabled={!connected || !chat.isRunning}
              onClick={() => chat.disconnect()}
              title="Close the connection only: the run goes on"
            >
              Disconnect
            </button>
          )}
          <span className="demo-muted demo-chat__hint">
            {canRejoin && chat.isRunning ? "Disconnected: the run goes on without you." : null}
          </span>
        </div>

        {chat.refusal ? (
          <BusyNotice
            refusal={chat.refusal}
            onChoose={(strategy) => {
              setDraft("");
              void chat.resubmit(strategy);
            }}
            onDismiss={chat.dismissRefusal}
          />
        ) : null}
        <Composer
          value={draft}
          onChange={setDraft}
          onSend={(text) => {
            lastSent.current = text;
            setDraft("");
            send(text);
          }}
        />
        <RunOptions settings={settings} onChange={onSettingsChange} />
      </section>
    </RunScope>
  );
}
