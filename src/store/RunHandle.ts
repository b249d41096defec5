import type { CancelAction, ThreadState } from "../client/types";
import type {
  JoinRunOptions,
  ResubmitStrategy,
  RunController,
  SubmitOptions,
} from "./createRunController";
import type { ResumeOf, RunTypes, UpdateOf } from "./RunTypes";

/** Options of `resume` and `resumeAll`: a submit's options without `command` (the answer is it). */
export type ResumeOptions = Omit<SubmitOptions, "command">;

/**
 * One run stream: its session `id` and the actions on it. `useRunController` returns it (stable
 * across renders), `useRunStream` returns it with the session's state on top, and every
 * component takes it as `run={handle}` or from `<RunScope run={handle}>`.
 *
 * @example
 * const chat = useRunController<State>({ assistantId: "agent", id: "chat" });
 * await chat.submit({ messages: [{ type: "human", content: "hi" }] });
 */
export interface RunHandle<TValues = Record<string, unknown>, TTypes extends RunTypes = RunTypes> {
  /** The stream-buffer session this handle drives; slice hooks and components read it. */
  readonly id: string;
  /** The thread the next run goes to (null: the next submit makes one). Read when called. */
  readonly threadId: string | null;
  /** Streams a new run (resumable by default). Resolves when the stream ends; never throws. */
  submit(
    input: UpdateOf<TValues, TTypes> | null | undefined,
    options?: SubmitOptions,
  ): Promise<void>;
  /** Answers the pending interrupt (or a static breakpoint's `null`). */
  resume(answer: ResumeOf<TTypes>, options?: ResumeOptions): Promise<void>;
  /** Answers several pending interrupts at once, by interrupt id. */
  resumeAll(
    answers: Readonly<Record<string, ResumeOf<TTypes>>>,
    options?: ResumeOptions,
  ): Promise<void>;
  /** Cancels the run on the server (held until the run id is known). */
  stop(options?: { action?: CancelAction }): Promise<void>;
  /** Closes the connection only: the run goes on and `join` can re-attach. */
  disconnect(): void;
  /** Attaches to a running (or resumable finished) run. */
  join(runId: string, options?: JoinRunOptions): Promise<void>;
  /**
   * Sends the submit a busy thread refused again (see `refusal`): after the busy run (`"wait"`),
   * or with a multitask strategy (`"enqueue"`, `"interrupt"`, `"rollback"`).
   */
  resubmit(strategy: ResubmitStrategy): Promise<void>;
  /** Forgets the refused submit. */
  dismissRefusal(): void;
  /**
   * Shows the thread as it was at a checkpoint (another branch: a message's other version), and
   * the next run continues from there. Takes a state from `threads.getHistory` or a checkpoint id.
   */
  showCheckpoint(
    checkpoint: string | ThreadState<unknown>,
    options?: { signal?: AbortSignal },
  ): Promise<void>;
}

/**
 * Which run to read: a handle, or any `{ id }` naming a session. What slice hooks and the
 * read-only components (badge, connection, messages, event log) accept.
 */
export type RunRef = { readonly id: string };

/** Any run handle, whatever its state and types: what components that act on a run accept. */
// Methods are bivariant in their parameters, so every `RunHandle<S, T>` is assignable here.
export type AnyRunHandle = RunHandle<never, RunTypes>;

/**
 * The handle of a controller: an object of plain functions (so `{ ...handle }` keeps them) whose
 * `threadId` reads the controller's thread when asked.
 *
 * @example const chat = createRunHandle(createRunController({ client, store, id: "chat", assistantId }));
 */
export function createRunHandle<
  TValues = Record<string, unknown>,
  TTypes extends RunTypes = RunTypes,
>(controller: RunController): RunHandle<TValues, TTypes> {
  return {
    id: controller.id,
    get threadId() {
      return controller.getThreadId();
    },
    submit: (input, options) => controller.submit(input, options),
    resume: (answer, options) => controller.resume(answer, options),
    resumeAll: (answers, options) => controller.resume({ ...answers }, options),
    stop: (options) => controller.stop(options),
    disconnect: () => controller.disconnect(),
    join: (runId, options) => controller.join(runId, options),
    resubmit: (strategy) => controller.resubmit(strategy),
    dismissRefusal: () => controller.dismissRefusal(),
    showCheckpoint: (checkpoint, options) => controller.showCheckpoint(checkpoint, options),
  };
}
