import { useState } from "react";
import { ChatPanel } from "./ChatPanel";
import { ASSISTANT_ID, SERVER_LABEL } from "./config";
import { RunsDashboard } from "./RunsDashboard";
import { DEFAULT_SETTINGS, shortId, type RunSettings } from "./settings";
import { useTheme } from "./useTheme";
import { useThread } from "./useThread";

export function App() {
  const { theme, toggle } = useTheme();
  const thread = useThread();
  const [settings, setSettings] = useState<RunSettings>(DEFAULT_SETTINGS);

  return (
    <div className="demo">
      <header className="demo-header">
        <div className="demo-brand">
          <h1>langgraph-runs-react</h1>
          <p className="demo-muted">
            Demo on the {SERVER_LABEL}, assistant <code>{ASSISTANT_ID}</code>
          </p>
        </div>
        <div className="demo-header__actions">
          <span className="demo-thread" data-testid="thread-id">
            Thread{" "}
            {thread.threadId ? (
              <code title={thread.threadId}>{shortId(thread.threadId)}</code>
            ) : (
              "…"
            )}
          </span>
          <button type="button" className="lgr-button" onClick={thread.newThread}>
            New thread
          </button>
          <button
            type="button"
            className="lgr-button"
            aria-pressed={theme === "dark"}
            onClick={toggle}
            title="Switch between the light and dark theme"
          >
            <span aria-hidden="true">{theme === "dark" ? "☾" : "☀"}</span> Dark theme
          </button>
        </div>
      </header>

      {thread.error ? (
        <p className="demo-error demo-banner" role="alert">
          Could not reach the Agent Server: {thread.error.message}{" "}
          <button type="button" className="lgr-button" data-size="small" onClick={thread.newThread}>
            Try again
          </button>
        </p>
      ) : null}

      {thread.threadId ? (
        <main className="demo-main">
          <ChatPanel
            key={`chat:${thread.threadId}`}
            threadId={thread.threadId}
            settings={settings}
            onSettingsChange={setSettings}
          />
          <RunsDashboard
            key={`runs:${thread.threadId}`}
            threadId={thread.threadId}
            settings={settings}
          />
        </main>
      ) : thread.error ? null : (
        <p className="demo-loading">Opening a thread…</p>
      )}
    </div>
  );
}
