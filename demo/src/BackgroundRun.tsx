import { useId, useState, type FormEvent } from "react";
import { isRunsClientError, RunStatusBadge, useCreateRun, useRun } from "langgraph-runs-react";
import { ASSISTANT_ID } from "./config";
import { humanInput, shortId, type RunSettings } from "./settings";

/**
 * Starts a run without streaming it (`useCreateRun`), then offers to join it. One line, in the
 * dashboard's head.
 */
export function BackgroundRun({
  threadId,
  settings,
  onJoin,
}: {
  threadId: string;
  settings: RunSettings;
  onJoin: (runId: string) => void;
}) {
  const createRun = useCreateRun();
  const [text, setText] = useState("/slow 3000");
  const id = useId();
  const created = createRun.data?.thread_id === threadId ? createRun.data : undefined;
  const { data: run, error } = useRun(threadId, created?.run_id ?? null);
  const deleted = isRunsClientError(error) && error.kind === "not_found";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    createRun.mutate({
      threadId,
      assistantId: ASSISTANT_ID,
      payload: {
        input: humanInput(text),
        streamMode: settings.streamModes,
        streamSubgraphs: settings.streamSubgraphs,
        multitaskStrategy: settings.multitaskStrategy,
        // Kept on the server, so "Join" can replay it from the first event, even when finished.
        streamResumable: true,
      },
    });
  };

  return (
    <div className="demo-background">
      <form className="demo-background__form" onSubmit={onSubmit}>
        {/* Named for screen readers; on screen the button beside it says what it is for. */}
        <label htmlFor={id} className="lgr-visually-hidden">
          Background run input
        </label>
        <input
          id={id}
          className="demo-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button
          type="submit"
          className="lgr-button"
          data-size="small"
          disabled={createRun.isPending || text.trim() === ""}
        >
          Start background run
        </button>
      </form>
      {created ? (
        <p
          className="demo-background__result"
          data-testid="background-run"
          data-run-id={created.run_id}
        >
          Started run <code title={created.run_id}>{shortId(created.run_id)}</code>
          {deleted ? (
            <span className="demo-muted">(deleted)</span>
          ) : (
            <>
              <RunStatusBadge status={run?.status ?? created.status} />
              <button
                type="button"
                className="lgr-button"
                data-size="small"
                onClick={() => onJoin(created.run_id)}
              >
                Join
              </button>
            </>
          )}
        </p>
      ) : null}
      {createRun.error ? (
        <p className="demo-error" role="alert">
          Could not start the run: {createRun.error.message}
        </p>
      ) : null}
    </div>
  );
}
