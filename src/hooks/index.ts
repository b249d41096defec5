"use client";
export { RunsProvider, type RunsProviderProps } from "./RunsProvider";
export { RunScope, useRunHandle, type RunScopeProps } from "./RunScope";
export { useRunsClient } from "./useRunsClient";
export { useRunStream, type UseRunStreamResult, type RunState } from "./useRunStream";
export { useRunController, type UseRunStreamOptions } from "./useRunController";
export {
  useRunSession,
  useRunStatus,
  useRunMessages,
  useRunValues,
  useRunInterrupts,
  useRunEvents,
  useRunConnection,
  useRunError,
  type RunRef,
} from "./useRunSlices";
export { useIsCancelling, type RunIds } from "./useIsCancelling";
export { useRun } from "./useRun";
export { useRunsList } from "./useRunsList";
export {
  useMessageBranches,
  type MessageBranch,
  type MessageBranches,
  type UseMessageBranchesOptions,
} from "./useMessageBranches";
export { useCreateRun, type CreateRunVariables } from "./useCreateRun";
export { useCreateBatch } from "./useCreateBatch";
export { useWaitRun, type WaitRunVariables } from "./useWaitRun";
export { useJoinRun } from "./useJoinRun";
export { useCancelRun, type CancelRunVariables } from "./useCancelRun";
export { useCancelRuns } from "./useCancelRuns";
export { useDeleteRun, type DeleteRunVariables } from "./useDeleteRun";
export { sessionStoragePersistence } from "./sessionStoragePersistence";
