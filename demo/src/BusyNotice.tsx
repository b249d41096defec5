import type { ResubmitStrategy, SubmitRefusal } from "langgraph-runs-react";

const CHOICES: readonly { strategy: ResubmitStrategy; label: string; hint: string }[] = [
  {
    strategy: "wait",
    label: "Send when it finishes",
    hint: "Waits for the current run, then sends",
  },
  { strategy: "enqueue", label: "Queue it", hint: "The server queues it behind the current run" },
  {
    strategy: "interrupt",
    label: "Interrupt it",
    hint: "The server stops the current run and runs yours",
  },
  {
    strategy: "rollback",
    label: "Roll it back",
    hint: "The server deletes the current run and runs yours",
  },
];

/**
 * The thread was busy and refused the message: not an error. Offers the server's multitask
 * strategies (and waiting) as actions; the message stays in the composer meanwhile.
 */
export function BusyNotice({
  refusal,
  onChoose,
  onDismiss,
}: {
  refusal: SubmitRefusal;
  onChoose: (strategy: ResubmitStrategy) => void;
  onDismiss: () => void;
}) {
  return (
    <div className="demo-notice" role="status" data-testid="busy-notice">
      {refusal.waiting ? (
        <p>Your message will be sent when the current run finishes.</p>
      ) : (
        <>
          <p>
            <strong>Not sent yet:</strong> this thread is still running another run.
          </p>
          <div className="demo-notice__actions" role="group" aria-label="What to do with it">
            {CHOICES.map(({ strategy, label, hint }) => (
              <button
                key={strategy}
                type="button"
                className="lgr-button"
                data-size="small"
                title={hint}
                onClick={() => onChoose(strategy)}
              >
                {label}
              </button>
            ))}
          </div>
        </>
      )}
      <button type="button" className="lgr-button" data-size="small" onClick={onDismiss}>
        {refusal.waiting ? "Don't send" : "Dismiss"}
      </button>
    </div>
  );
}
