// cancelRunMutationOptions stays internal (the cancel hooks share it): a mutation is no
// server-side prefetch, and this entry keeps to keys and query options.
export { runKeys, type RunsListFilters } from "./runKeys";
export { runQueryOptions, type RunQueryOptionsConfig } from "./runQueryOptions";
export { isRunActive } from "../client/types";
export { runsListQueryOptions, type RunsListQueryOptionsConfig } from "./runsListQueryOptions";
export {
  threadStatusQueryOptions,
  type ThreadStatusQueryOptionsConfig,
} from "./threadStatusQueryOptions";
