import { CancelRunButton, type UseRunStreamResult } from "langgraph-runs-react";

const REJOINABLE_ERRORS = new Set(["network", "timeout"]);

type Chat = UseRunStreamResult;

/**
 * The chat run's controls above the composer: the one Stop (the kit's CancelRunButton, which
 * says "Cancelled" once the server confirms), and Disconnect, or Re-join once the connection is
 * closed while the run may still be going.
 */
export function RunControls({ chat }: { chat: Chat }) {
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
    <div className="demo-chat__controls">
      <CancelRunButton labels={{ cancel: "Stop" }} size="small" />
      {canRejoin ? (
        <button
          type="button"
          className="lgr-button"
          data-size="small"
          onClick={() => void chat.join(chat.runId!)}
          title="Attach to the run again, from the last event this page saw"
        >
          Re-join
        </button>
      ) : (
        <button
          type="button"
          className="lgr-button"
          data-size="small"
          disabled={!connected || !chat.isRunning}
          onClick={() => chat.disconnect()}
          title="Close the connection only: the run goes on"
        >
          Disconnect
        </button>
      )}
      {canRejoin && chat.isRunning ? (
        <span className="demo-muted demo-chat__hint">
          Disconnected: the run goes on without you.
        </span>
      ) : null}
    </div>
  );
}
