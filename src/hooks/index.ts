"use client";
export { RunsProvider, type RunsProviderProps } from "./RunsProvider";
export { useRunsClient } from "./useRunsClient";
export { useRunStream, type UseRunStreamResult } from "./useRunStream";
export { useRunController, type UseRunStreamOptions, type RunControls } from "./useRunController";
export {
  useRunSession,
  useRunStatus,
  useRunMessages,
  useRunValues,
  useRunInterrupts,
  useRunEvents,
  useRunConnection,
  useRunError,
  useRunCancelling,
} from "./useRunSlices";
export { useRun } from "./useRun";
export { useRunsList } from "./useRunsList";
export { useCreateRun, type CreateRunVariables } from "./useCreateRun";
export { useCreateBatch } from "./useCreateBatch";
export { useWaitRun, type WaitRunVariables } from "./useWaitRun";
export { useJoinRun } from "./useJoinRun";
export { useCancelRun, useIsCancelling, type CancelRunVariables } from "./useCancelRun";
export { useCancelRuns } from "./useCancelRuns";
export { useDeleteRun, type DeleteRunVariables } from "./useDeleteRun";
export { sessionStoragePersistence } from "./sessionStoragePersistence";
export { useOptionalRunSession } from "./useOptionalRunSession";
