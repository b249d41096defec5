export { createClient, type LangGraphRunsClient } from "./createClient";
export { RunsClient, type RunStreamItem } from "./RunsClient";
export {
  ThreadsClient,
  type CreateThreadOptions,
  type ThreadHistoryOptions,
} from "./ThreadsClient";
export { RunsClientError, isRunsClientError, isAbortError } from "./RunsClientError";
export type { RunsErrorKind, RunsClientErrorInit } from "./RunsClientError";
export { serializeRunCreate } from "./serializeRunCreate";
export { toStreamEvent } from "./toStreamEvent";
export { encodeSegment } from "./paths";
export { FINAL_RUN_STATUSES } from "./types";
export type * from "./types";
export type { TypedStreamPart, StreamMessage, MessageTupleMetadata } from "./streamPartTypes";
