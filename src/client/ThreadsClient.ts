import type { HttpTransport } from "./HttpTransport";
import { encodeSegment, threadPath } from "./paths";
import type { Checkpoint, Config, JsonObject, RequestOptions, Thread, ThreadState } from "./types";

export interface CreateThreadOptions extends RequestOptions {
  threadId?: string;
  metadata?: JsonObject;
  /** What to do when `threadId` exists: `raise` (default) or `do_nothing`. */
  ifExists?: "raise" | "do_nothing";
  graphId?: string;
}

/** Which of a thread's past states `getHistory` lists (the official client's options). */
export interface ThreadHistoryOptions extends RequestOptions {
  /** How many states, newest first (default 10, as the official client). */
  limit?: number;
  /**
   * Only states older than this checkpoint: its id (what the JS server accepts), or the official
   * client's `{ configurable: { checkpoint_id } }` (Python server). Sent as given.
   */
  before?: string | Config;
  /** Only states on this checkpoint namespace / before this checkpoint id. */
  checkpoint?: Checkpoint;
  /** Only states whose checkpoint metadata has these keys and values. */
  metadata?: JsonObject;
  /** Fields of each state to return (servers that know it; others return every field). */
  select?: string[];
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

  /**
   * The thread's past states, newest first: one per checkpoint, each with its `checkpoint` and
   * `parent_checkpoint` (forks show as two states with the same parent). The same request as
   * the official client's `threads.getHistory` (`POST /threads/{id}/history`).
   *
   * @example
   * const states = await client.threads.getHistory(threadId, { limit: 50 });
   * const firstTurn = states.at(-1)?.checkpoint?.checkpoint_id;
   */
  async getHistory<TValues = JsonObject>(
    threadId: string,
    options: ThreadHistoryOptions = {},
  ): Promise<ThreadState<TValues>[]> {
    const { limit = 10, before, checkpoint, metadata, select } = options;
    const body: Record<string, unknown> = { limit };
    if (before !== undefined) body.before = before;
    if (metadata !== undefined) body.metadata = metadata;
    if (checkpoint !== undefined) body.checkpoint = checkpoint;
    if (select !== undefined) body.select = select;
    return this.#http.json<ThreadState<TValues>[]>({
      method: "POST",
      path: `${threadPath(threadId)}/history`,
      json: body,
      signal: options.signal,
      headers: options.headers,
      // Reads only: safe to retry like a GET.
      idempotent: true,
      describe: "threads.getHistory",
    });
  }
}
