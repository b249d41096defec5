import type { HttpTransport } from "./HttpTransport";
import { encodeSegment, threadPath } from "./paths";
import type { Checkpoint, JsonObject, RequestOptions, Thread, ThreadState } from "./types";

export interface CreateThreadOptions extends RequestOptions {
  threadId?: string;
  metadata?: JsonObject;
  /** What to do when `threadId` exists: `raise` (default) or `do_nothing`. */
  ifExists?: "raise" | "do_nothing";
  graphId?: string;
}

/**
 * The few thread calls the hooks need.
 *
 * @example
 * const thread = await client.threads.create({ metadata: { user: "ada" } });
 */
export class ThreadsClient {
  readonly #http: HttpTransport;

  constructor(http: HttpTransport) {
    this.#http = http;
  }

  async create(options: CreateThreadOptions = {}): Promise<Thread> {
    const body: JsonObject = { metadata: options.metadata ?? {} };
    if (options.threadId !== undefined) body.thread_id = options.threadId;
    if (options.ifExists !== undefined) body.if_exists = options.ifExists;
    if (options.graphId !== undefined)
      body.metadata = { ...(body.metadata as JsonObject), graph_id: options.graphId };
    return this.#http.json<Thread>({
      method: "POST",
      path: "/threads",
      json: body,
      signal: options.signal,
      describe: "threads.create",
    });
  }

  async get(threadId: string, options: RequestOptions = {}): Promise<Thread> {
    return this.#http.json<Thread>({
      method: "GET",
      path: threadPath(threadId),
      signal: options.signal,
      idempotent: true,
      describe: "threads.get",
    });
  }

  /** The thread's current state, or the state at a checkpoint. */
  async getState<TValues = JsonObject>(
    threadId: string,
    checkpoint?: Checkpoint | string,
    options: RequestOptions & { subgraphs?: boolean } = {},
  ): Promise<ThreadState<TValues>> {
    const checkpointId = typeof checkpoint === "string" ? checkpoint : checkpoint?.checkpoint_id;
    const path = checkpointId
      ? `${threadPath(threadId)}/state/${encodeSegment(checkpointId)}`
      : `${threadPath(threadId)}/state`;
    return this.#http.json<ThreadState<TValues>>({
      method: "GET",
      path,
      query: { subgraphs: options.subgraphs ? "true" : undefined },
      signal: options.signal,
      idempotent: true,
      describe: "threads.getState",
    });
  }
}
