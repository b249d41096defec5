import { useState } from "react";
import { RunsTable, StreamEventLog } from "langgraph-runs-react";
import { BackgroundRun } from "./BackgroundRun";
import { RunViewer } from "./RunViewer";
import { chatKey, shortId, type RunSettings } from "./settings";

type LogTab = "chat" | "run";

/**
 * The dashboard pane: a background run starter (in its head), the current thread's runs, live
 * (`RunsTable`), and an event log filling the rest of the pane: the chat's own stream, or a run
 * opened from the table (replayed into its own session).
 */
export function RunsDashboard({ threadId, settings }: { threadId: string; settings: RunSettings }) {
  const [openRunId, setOpenRunId] = useState<string | null>(null);
  const [tab, setTab] = useState<LogTab>("chat");
  const open = (runId: string) => {
    setOpenRunId(runId);
    setTab("run");
  };
  const close = () => {
    setOpenRunId(null);
    setTab("chat");
  };

  return (
    <section className="demo-panel demo-dashboard" aria-labelledby="dashboard-title">
      <div className="demo-panel__head">
        <h2 id="dashboard-title">Runs on this thread</h2>
        <BackgroundRun threadId={threadId} settings={settings} onJoin={open} />
      </div>
      <div className="demo-dashboard__body">
        <RunsTable
          threadId={threadId}
          pageSize={5}
          pageSizes={[5, 10, 20]}
          caption="Runs, newest first"
          formatTime={(date) => date.toLocaleTimeString()}
          onOpenRun={open}
        />

        <div className="demo-log">
          <div className="demo-tabs" role="group" aria-label="Event log source">
            <button
              type="button"
              className="demo-tab"
              aria-pressed={tab === "chat"}
              onClick={() => setTab("chat")}
            >
              Chat stream
            </button>
            <button
              type="button"
              className="demo-tab"
              aria-pressed={tab === "run"}
              disabled={openRunId === null}
              onClick={() => setTab("run")}
            >
              {openRunId ? `Run ${shortId(openRunId)}` : "Open a run from the table"}
            </button>
          </div>
          {tab === "run" && openRunId ? (
            <RunViewer key={openRunId} threadId={threadId} runId={openRunId} onClose={close} />
          ) : (
            <StreamEventLog run={{ id: chatKey(threadId) }} label="Events of the chat's stream" />
          )}
        </div>
      </div>
    </section>
  );
}
