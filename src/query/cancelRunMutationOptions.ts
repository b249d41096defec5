import { mutationOptions, type QueryClient, type UseMutationOptions } from "@tanstack/react-query";
import type { LangGraphRunsClient } from "../client/createClient";
import { RunsClientError } from "../client/RunsClientError";
import {
  FINAL_RUN_STATUSES,
  isRunActive,
  type CancelAction,
  type CancelManyOptions,
  type Run,
} from "../client/types";
import { asRunsClientError } from "../store/toSessionError";
import { invalidateRunQueries } from "./invalidateRunQueries";
import { runKeys } from "./runKeys";

/** One run to cancel. */
export interface CancelRunVariables {
  threadId: string;
  runId: string;
  action?: CancelAction;
}

/** Several runs to cancel: by ids, or every pending/running run of a thread (`status`). */
export type CancelRunsVariables = Omit<CancelManyOptions, "signal">;

/** The mutation key of every cancel of one run (`useIsCancelling` looks for it). */
export const CANCEL_RUN_MUTATION_KEY = [...runKeys.all, "cancel"] as const;

const CONFIRM_POLL_MS = 250;
const CONFIRM_TIMEOUT_MS = 30_000;

/**
 * Mutation options for cancelling runs, with the kit's one invalidation policy (the thread's
 * lists and the cancelled runs' details, never a waiting or finished join).
 *
 * - One run (default): cancels it and waits until the server confirms a final status (a 202 is
 *   only a request). Resolves with the final run, or null when a rollback deleted it.
 * - `"many"`: cancels several runs through `/runs/cancel`; servers without it (the JS server)
 *   get one cancel per run instead.
 *
 * @example
 * const cancel = useMutation(cancelRunMutationOptions(client, queryClient));
 * cancel.mutate({ threadId, runId, action: "rollback" });
 * const cancelAll = useMutation(cancelRunMutationOptions(client, queryClient, "many"));
 * cancelAll.mutate({ threadId, status: "all" });
 */
export function cancelRunMutationOptions(
  client: LangGraphRunsClient,
  queryClient: QueryClient,
): UseMutationOptions<Run | null, RunsClientError, CancelRunVariables>;
export function cancelRunMutationOptions(
  client: LangGraphRunsClient,
  queryClient: QueryClient,
  scope: "many",
): UseMutationOptions<void, RunsClientError, CancelRunsVariables>;
export function cancelRunMutationOptions(
  client: LangGraphRunsClient,
  queryClient: QueryClient,
  scope: "one" | "many" = "one",
):
  | UseMutationOptions<Run | null, RunsClientError, CancelRunVariables>
  | UseMutationOptions<void, RunsClientError, CancelRunsVariables> {
  return scope === "many" ? cancelMany(client, queryClient) : cancelOne(client, queryClient);
}

function cancelOne(client: LangGraphRunsClient, queryClient: QueryClient) {
  return mutationOptions<Run | null, RunsClientError, CancelRunVariables>({
    mutationKey: CANCEL_RUN_MUTATION_KEY,
    mutationFn: typedErrors(
      async ({ threadId, runId, action = "interrupt" }: CancelRunVariables) => {
        await client.runs.cancel(threadId, runId, false, action);
        return confirmFinal(() => client.runs.get(threadId, runId));
      },
    ),
    onMutate: ({ threadId, runId }) =>
      queryClient.cancelQueries({ queryKey: runKeys.detail(threadId, runId) }),
    onSuccess: async (run, { threadId, runId }) => {
      const queryKey = runKeys.detail(threadId, runId);
      // A poll that left before the server confirmed would land after this and bring back
      // "running": drop it first.
      await queryClient.cancelQueries({ queryKey });
      if (run) queryClient.setQueryData(queryKey, run);
      else queryClient.removeQueries({ queryKey });
    },
    onSettled: (_run, _error, { threadId, runId }) =>
      invalidateRunQueries(queryClient, threadId, runId),
  });
}

function cancelMany(client: LangGraphRunsClient, queryClient: QueryClient) {
  return mutationOptions<void, RunsClientError, CancelRunsVariables>({
    mutationFn: typedErrors(async (options: CancelRunsVariables) => {
      try {
        await client.runs.cancelMany(options);
      } catch (error) {
        if (!(error instanceof RunsClientError && error.kind === "not_found" && options.threadId))
          throw error;
        await cancelOneByOne(client, { ...options, threadId: options.threadId });
      }
    }),
    onSettled: (_result, _error, { threadId, runIds }) =>
      invalidateRunQueries(queryClient, threadId, runIds),
  });
}

/**
 * The mutation's errors are what its type says: the client throws `RunsClientError`s, and
 * anything else (a custom `fetch` throwing its own error) becomes a `network` one.
 */
function typedErrors<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
): (variables: TVariables) => Promise<TResult> {
  return (variables) =>
    mutationFn(variables).catch((error: unknown) => {
      throw asRunsClientError(error);
    });
}

async function cancelOneByOne(
  client: LangGraphRunsClient,
  { threadId, runIds, status = "all", action }: CancelRunsVariables & { threadId: string },
): Promise<void> {
  const ids =
    runIds ??
    (await client.runs.list(threadId, { limit: 100 }))
      .filter((run) => (status === "all" ? isRunActive(run) : run.status === status))
      .map((run) => run.run_id);
  await Promise.all(ids.map((runId) => client.runs.cancel(threadId, runId, false, action)));
}

async function confirmFinal(get: () => Promise<Run>): Promise<Run | null> {
  const deadline = Date.now() + CONFIRM_TIMEOUT_MS;
  for (;;) {
    try {
      const run = await get();
      if (FINAL_RUN_STATUSES.has(run.status) || Date.now() > deadline) return run;
    } catch (error) {
      if (error instanceof RunsClientError && error.kind === "not_found") return null;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_POLL_MS));
  }
}
