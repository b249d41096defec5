import { useEffect, useRef } from "react";
import {
  CancelRunButton,
  ConnectionStatus,
  RunStatusBadge,
  StreamEventLog,
  useRunStream,
} from "langgraph-runs-react";
import { ASSISTANT_ID } from "./config";
import { shortId } from "./settings";

/**
 * One run's events, replayed from its first event into a session of its own (a second
 * `useRunStream`): `join(runId, { lastEventId: "-1" })`. Works for a running run and for a
 * finished one that was started with `streamResumable` (the chat's and the demo's background
 * runs are). Mount it with `key={runId}`.
 */
export function RunViewer({
  threadId,
  runId,
  onClose,
}: {
  threadId: string;
  runId: string;
  onClose: () => void;
}) {
  const viewer = useRunStream({
    assistantId: ASSISTANT_ID,
    threadId,
    id: `viewer:${threadId}:${runId}`,
    loadThreadState: false,
  });
  const { join } = viewer;
  // Opened again (same session): continue from what it has; else replay from the start.
  const seenRunId = useRef(viewer.runId);

  useEffect(() => {
    void join(runId, seenRunId.current === runId ? {} : { lastEventId: "-1" });
  }, [join, runId]);

  return (
    <div className="demo-viewer" data-run-id={runId}>
      <div className="demo-viewer__head">
        <h3>
          Run <code title={runId}>{shortId(runId)}</code>
        </h3>
        <RunStatusBadge run={viewer} srPrefix="Run status:" />
        <ConnectionStatus run={viewer} />
        <span className="demo-spacer" />
        <CancelRunButton run={viewer} size="small" />
        <button type="button" className="lgr-button" data-size="small" onClick={onClose}>
          Close
        </button>
      </div>
      {viewer.error && viewer.error.kind !== "stream" ? (
        <p className="demo-error" role="alert">
          Could not replay this run ({viewer.error.kind}): {viewer.error.message}
        </p>
      ) : null}
      <StreamEventLog run={viewer} label={`Events of run ${shortId(runId)}`} />
    </div>
  );
}
