import { Icon } from "./icons";

export type Pane = "chat" | "runs";

/**
 * On a narrow screen the two panes take turns: this switch shows one (CSS hides it, and shows
 * both panes, from 960 px up).
 */
export function PaneSwitch({ pane, onChange }: { pane: Pane; onChange: (pane: Pane) => void }) {
  return (
    <div className="demo-pane-switch" role="group" aria-label="Show">
      <button
        type="button"
        className="demo-pane-switch__button"
        aria-pressed={pane === "chat"}
        onClick={() => onChange("chat")}
      >
        <Icon name="chat" /> Chat
      </button>
      <button
        type="button"
        className="demo-pane-switch__button"
        aria-pressed={pane === "runs"}
        onClick={() => onChange("runs")}
      >
        <Icon name="table" /> Runs
      </button>
    </div>
  );
}
