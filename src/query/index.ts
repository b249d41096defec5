export {
  cancelRunMutationOptions,
  type CancelRunVariables,
  type CancelRunsVariables,
} from "./cancelRunMutationOptions";
export { runKeys, type RunsListFilters } from "./runKeys";
export { runQueryOptions, type RunQueryOptionsConfig } from "./runQueryOptions";
export { isRunActive } from "../client/types";
export { runsListQueryOptions, type RunsListQueryOptionsConfig } from "./runsListQueryOptions";
export {
  threadStatusQueryOptions,
  type ThreadStatusQueryOptionsConfig,
} from "./threadStatusQueryOptions";
