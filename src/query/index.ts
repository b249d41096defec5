export { runKeys, type RunsListFilters } from "./runKeys";
export { runQueryOptions, isRunActive, type RunQueryOptionsConfig } from "./runQueryOptions";
export { runsListQueryOptions, type RunsListQueryOptionsConfig } from "./runsListQueryOptions";
