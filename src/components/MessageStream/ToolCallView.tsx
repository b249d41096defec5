"use client";
import { Icon, type IconName } from "../icons/Icon";
import type { ToolCallItem } from "./buildMessageItems";
import { ContentParts } from "./ContentParts";
import { Disclosure } from "./Disclosure";
import { formatDuration } from "./formatDuration";

/**
 * Where a tool call is: its arguments still streaming (`pending`), waiting for the tool
 * (`running`), answered (`done`), failed (`error`), or left without an answer by a run that
 * ended (`none`).
 */
export type ToolCallStatus = "pending" | "running" | "done" | "error" | "none";

const STATUS: Record<ToolCallStatus, { label: string; icon: IconName }> = {
  pending: { label: "Preparing", icon: "spinner" },
  running: { label: "Running", icon: "spinner" },
  done: { label: "Done", icon: "check" },
  error: { label: "Error", icon: "cross" },
  none: { label: "No result", icon: "stop" },
};

/**
 * The status of a tool call: from its result (a `tool` message with its `tool_call_id`, and that
 * message's `status`), and whether the run still goes.
 *
 * @example toolCallStatus(call, true) // "running" while no result came
 */
export function toolCallStatus(call: ToolCallItem, running: boolean): ToolCallStatus {
  if (call.result) return call.result.status === "error" ? "error" : "done";
  if (!running) return "none";
  return call.partial ? "pending" : "running";
}

/**
 * A tool call, collapsed: a button with the tool's name, a status chip and the duration when
 * known; it opens the arguments and the result.
 *
 * @example <ToolCallView call={item.toolCalls[0]} running={isStreaming} />
 */
export function ToolCallView({ call, running }: { call: ToolCallItem; running: boolean }) {
  const status = toolCallStatus(call, running);
  const { label, icon } = STATUS[status];
  const result = call.result;
  return (
    <li
      className="lgr-tool-call"
      data-partial={call.partial ? "true" : "false"}
      data-invalid={call.invalid ? "true" : "false"}
      data-result={result ? (status === "error" ? "error" : "success") : "pending"}
      data-status={status}
    >
      <Disclosure
        summary={
          <>
            {/* Spaces between the parts: the button's accessible name is their text. */}
            <Icon name="tool" className="lgr-tool-call__icon" />
            <code className="lgr-tool-call__name">{call.name || "(unnamed)"}</code>{" "}
            <span className="lgr-tool-call__status">
              <Icon name={icon} />
              {label}
            </span>
            {call.invalid && (
              <>
                {" "}
                <span className="lgr-tool-call__note">
                  <Icon name="alert" />
                  invalid arguments
                </span>
              </>
            )}
            {call.durationMs !== undefined && (
              <>
                {" "}
                <span className="lgr-tool-call__duration">{formatDuration(call.durationMs)}</span>
              </>
            )}
          </>
        }
        panelClassName="lgr-tool-call__panel"
      >
        <p className="lgr-tool-call__label">
          Arguments
          {call.partial && " (streaming…)"}
        </p>
        <pre className="lgr-tool-call__args">{call.argsText}</pre>
        {result && (
          <div
            className="lgr-tool-call__result"
            data-status={status === "error" ? "error" : "success"}
          >
            <p className="lgr-tool-call__label">{status === "error" ? "Error" : "Result"}</p>
            <ContentParts parts={call.resultParts} streaming={false} />
          </div>
        )}
      </Disclosure>
    </li>
  );
}
