"use client";
export { StreamEventLog, type StreamEventLogProps } from "./StreamEventLog";
export {
  useStreamEventLog,
  type CopyState,
  type StreamEventLogState,
  type UseStreamEventLogOptions,
} from "./useStreamEventLog";
export type { EventLogFacets, EventLogFilter, FacetCount } from "./createEventLogIndex";
