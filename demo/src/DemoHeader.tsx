import { ASSISTANT_ID, SERVER_LABEL } from "./config";
import { Icon } from "./icons";
import { shortId } from "./settings";
import type { Theme } from "./useTheme";

/** The page's header: what it is, the thread (and a new one), and the theme switch. */
export function DemoHeader({
  threadId,
  onNewThread,
  theme,
  onToggleTheme,
}: {
  threadId: string | null;
  onNewThread: () => void;
  theme: Theme;
  onToggleTheme: () => void;
}) {
  return (
    <header className="demo-header">
      <div className="demo-brand">
        <h1>langgraph-runs-react</h1>
        <p className="demo-muted demo-brand__about">
          Demo on the {SERVER_LABEL}, assistant <code>{ASSISTANT_ID}</code>
        </p>
      </div>
      <div className="demo-header__actions">
        <span className="demo-thread" data-testid="thread-id">
          Thread {threadId ? <code title={threadId}>{shortId(threadId)}</code> : "…"}
        </span>
        <button type="button" className="lgr-button" data-size="small" onClick={onNewThread}>
          <Icon name="plus" /> New thread
        </button>
        <button
          type="button"
          className="lgr-button demo-theme-toggle"
          data-size="small"
          aria-pressed={theme === "dark"}
          onClick={onToggleTheme}
          title="Switch between the light and dark theme"
        >
          <Icon name={theme === "dark" ? "moon" : "sun"} />
          <span className="demo-theme-toggle__label">Dark theme</span>
        </button>
      </div>
    </header>
  );
}
