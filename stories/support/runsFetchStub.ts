import type { FetchLike, Run, RunStatus } from "../../src/client/types";

/**
 * A tiny in-memory stand-in for the runs routes a `RunsTable` (or a `CancelRunButton`) calls, for
 * stories that need data but no server. It is NOT a transcript replay (see `src/testing` for
 * that): it only answers
 * - `GET /threads/:t/runs?limit&offset&status` (oldest first, like the JS server),
 * - `GET /threads/:t/runs/:r`,
 * - `POST /threads/:t/runs/:r/cancel` (the run turns `interrupted` after `cancelDelayMs`;
 *   `action=rollback` deletes it),
 * - `DELETE /threads/:t/runs/:r`,
 * and 404s everything else.
 */
export interface RunsFetchStubOptions {
  /** The runs the stub starts with (any thread). */
  runs?: readonly Run[];
  /** Latency of every answer, in ms (default 0). `Infinity` never answers list requests. */
  delayMs?: number;
  /** Fail this many list requests with a 500 before answering (default 0; `Infinity`: always). */
  failLists?: number;
  /** How long a cancelled run stays active before it turns `interrupted`, in ms (default 300). */
  cancelDelayMs?: number;
  /** Answer cancel requests with a 500 (default false). */
  failCancel?: boolean;
  /** Answer delete requests with a 500 (default false). */
  failDelete?: boolean;
  /** Called with every request (method and path with query), e.g. a `fn()` spy in a play function. */
  onRequest?: (request: { method: string; path: string }) => void;
}

export interface RunsFetchStub {
  fetch: FetchLike;
  /** The runs as the stub holds them now. */
  runs: () => Run[];
}

const JSON_HEADERS = { "content-type": "application/json" };

/**
 * @example
 * const stub = createRunsFetchStub({ runs: sampleRuns("thread-1", 12) });
 * decorators: [withRunsProvider({ fetch: stub.fetch })]
 */
export function createRunsFetchStub(options: RunsFetchStubOptions = {}): RunsFetchStub {
  let runs = [...(options.runs ?? [])];
  let failuresLeft = options.failLists ?? 0;
  const delayMs = options.delayMs ?? 0;
  const cancelDelayMs = options.cancelDelayMs ?? 300;

  const setRun = (runId: string, change: Partial<Run>) => {
    runs = runs.map((run) =>
      run.run_id === runId ? { ...run, ...change, updated_at: new Date().toISOString() } : run,
    );
  };

  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const method = (init.method ?? "GET").toUpperCase();
    options.onRequest?.({ method, path: url.pathname + url.search });
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const isList = method === "GET" && parts.length === 3;
    if (isList && delayMs === Infinity) return new Promise<Response>(() => undefined);
    await sleep(delayMs, init.signal ?? undefined);

    // The thread itself (RunsTable reads its status for "Needs input"): idle, never paused.
    if (method === "GET" && parts[0] === "threads" && parts.length === 2)
      return Response.json({ thread_id: parts[1], status: "idle", metadata: {} });
    if (parts[0] !== "threads" || parts[2] !== "runs") return notFound(method, url);
    const threadId = parts[1];
    const runId = parts[3];

    if (isList) {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return new Response("Internal Server Error: the stub was asked to fail", { status: 500 });
      }
      const limit = Number(url.searchParams.get("limit") ?? 10);
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const status = url.searchParams.get("status") as RunStatus | null;
      const page = runs
        .filter((run) => run.thread_id === threadId && (!status || run.status === status))
        .slice(offset, offset + limit);
      return Response.json(page, { headers: JSON_HEADERS });
    }

    const run = runs.find((r) => r.thread_id === threadId && r.run_id === runId);
    if (!run) return new Response(`Run ${runId} not found`, { status: 404 });

    if (method === "GET" && parts.length === 4) return Response.json(run);
    if (method === "DELETE" && parts.length === 4) {
      if (options.failDelete)
        return new Response("Internal Server Error: the stub refuses to delete", { status: 500 });
      runs = runs.filter((r) => r !== run);
      return new Response(null, { status: 204 });
    }
    if (method === "POST" && parts[4] === "cancel") {
      if (options.failCancel)
        return new Response("Internal Server Error: the stub refuses to cancel", { status: 500 });
      const action = url.searchParams.get("action");
      setTimeout(() => {
        if (action === "rollback") runs = runs.filter((r) => r.run_id !== run.run_id);
        else if (run.status === "pending" || run.status === "running")
          setRun(run.run_id, { status: "interrupted" });
      }, cancelDelayMs);
      return new Response(null, { status: 202 });
    }
    return notFound(method, url);
  };

  return { fetch, runs: () => runs };
}

function notFound(method: string, url: URL): Response {
  return new Response(`The stub has no route ${method} ${url.pathname}`, { status: 404 });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException("Aborted", "AbortError"));
    });
  });
}

/**
 * One run record (any field can be overridden).
 *
 * @example makeRun({ run_id: "run-1", status: "running" })
 */
export function makeRun(overrides: Partial<Run> & Pick<Run, "run_id">): Run {
  const now = new Date().toISOString();
  return {
    thread_id: "thread-1",
    assistant_id: "agent",
    created_at: now,
    updated_at: now,
    status: "success",
    metadata: {},
    multitask_strategy: "reject",
    ...overrides,
  };
}

const CYCLE: RunStatus[] = ["success", "success", "error", "interrupted", "timeout", "success"];

/**
 * `count` runs on one thread, oldest first, one minute apart; the newest is `running` and every
 * other has a final status with a duration of a few seconds. Times are relative to `now`.
 *
 * @example sampleRuns("thread-1", 25)
 */
export function sampleRuns(threadId: string, count: number, now: number = Date.now()): Run[] {
  return Array.from({ length: count }, (_, index) => {
    const createdAt = now - (count - index) * 60_000;
    const newest = index === count - 1;
    const status: RunStatus = newest ? "running" : (CYCLE[index % CYCLE.length] ?? "success");
    const duration = newest ? 0 : 1_500 + ((index * 7_919) % 40_000);
    return makeRun({
      run_id: `run-${String(index + 1).padStart(3, "0")}`,
      thread_id: threadId,
      status,
      created_at: new Date(createdAt).toISOString(),
      updated_at: new Date(createdAt + duration).toISOString(),
    });
  });
}
