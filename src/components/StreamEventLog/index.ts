"use client";
export { StreamEventLog, type StreamEventLogProps } from "./StreamEventLog";
export {
  useStreamEventLog,
  type CopyState,
  type StreamEventLogState,
  type UseStreamEventLogOptions,
} from "./useStreamEventLog";
export {
  useFollowTailVirtualizer,
  type FollowTailVirtualizer,
  type UseFollowTailVirtualizerOptions,
} from "./useFollowTailVirtualizer";
export {
  useVirtualRows,
  type RowKey,
  type ScrollAlign,
  type UseVirtualRowsOptions,
  type VirtualRow,
  type VirtualRows,
} from "./useVirtualRows";
export {
  createEventLogIndex,
  EventLogIndex,
  type EventLogFacets,
  type EventLogFilter,
  type EventLogView,
  type FacetCount,
} from "./createEventLogIndex";
export {
  formatRelativeTime,
  namespaceLabel,
  namespaceOf,
  prettyEvent,
  previewEvent,
} from "./formatEvent";
