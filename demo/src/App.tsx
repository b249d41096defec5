import { useState } from "react";
import { ChatPanel } from "./ChatPanel";
import { DemoHeader } from "./DemoHeader";
import { LoadingPanes } from "./LoadingPanes";
import { PaneSwitch, type Pane } from "./PaneSwitch";
import { RunsDashboard } from "./RunsDashboard";
import { DEFAULT_SETTINGS, type RunSettings } from "./settings";
import { useTheme } from "./useTheme";
import { useThread } from "./useThread";

/**
 * The page: a header, and two panes as tall as the window (the chat, and the thread's runs with
 * their events), each scrolling inside; the page itself never scrolls. Below 960 px the panes
 * take turns (PaneSwitch).
 */
export function App() {
  const { theme, toggle } = useTheme();
  const thread = useThread();
  const [settings, setSettings] = useState<RunSettings>(DEFAULT_SETTINGS);
  const [pane, setPane] = useState<Pane>("chat");

  return (
    <div className="demo" data-pane={pane}>
      <DemoHeader
        threadId={thread.threadId}
        onNewThread={thread.newThread}
        theme={theme}
        onToggleTheme={toggle}
      />

      {thread.error ? (
        <p className="demo-error demo-banner" role="alert">
          Could not reach the Agent Server: {thread.error.message}{" "}
          <button type="button" className="lgr-button" data-size="small" onClick={thread.newThread}>
            Try again
          </button>
        </p>
      ) : null}

      {thread.threadId ? (
        <>
          <PaneSwitch pane={pane} onChange={setPane} />
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
        </>
      ) : thread.error ? null : (
        <LoadingPanes />
      )}
    </div>
  );
}
