import type { StreamMode } from "langgraph-runs-react/client";
import { MULTITASK_STRATEGIES, STREAM_MODES, type RunSettings } from "./settings";

/** Stream-mode checkboxes, subgraph streaming and the multitask strategy of the next runs. */
export function RunOptions({
  settings,
  onChange,
}: {
  settings: RunSettings;
  onChange: (settings: RunSettings) => void;
}) {
  const toggleMode = (mode: StreamMode, on: boolean) => {
    const modes = on
      ? STREAM_MODES.map((m) => m.mode).filter(
          (m) => m === mode || settings.streamModes.includes(m),
        )
      : settings.streamModes.filter((m) => m !== mode);
    onChange({ ...settings, streamModes: modes });
  };
  return (
    <details className="demo-options">
      <summary>
        Run options{" "}
        <span className="demo-options__summary">
          {settings.streamModes.join(", ") || "no stream modes"} · {settings.multitaskStrategy}
          {settings.streamSubgraphs ? " · subgraphs" : ""}
        </span>
      </summary>
      <div className="demo-options__body">
        <fieldset className="demo-options__modes">
          <legend>Stream modes</legend>
          {STREAM_MODES.map(({ mode, hint }) => (
            <label key={mode} className="demo-check" title={hint}>
              <input
                type="checkbox"
                checked={settings.streamModes.includes(mode)}
                onChange={(event) => toggleMode(mode, event.target.checked)}
              />
              <code>{mode}</code>
            </label>
          ))}
          <label className="demo-check" title="Stream events from inside subgraphs too">
            <input
              type="checkbox"
              checked={settings.streamSubgraphs}
              onChange={(event) => onChange({ ...settings, streamSubgraphs: event.target.checked })}
            />
            subgraphs
          </label>
        </fieldset>
        <label className="demo-field">
          <span>When the thread is busy</span>
          <select
            className="lgr-select"
            value={settings.multitaskStrategy}
            onChange={(event) =>
              onChange({
                ...settings,
                multitaskStrategy: event.target.value as RunSettings["multitaskStrategy"],
              })
            }
          >
            {MULTITASK_STRATEGIES.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
}
