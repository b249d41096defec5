import { Client } from "@langchain/langgraph-sdk";
import { createClient, type FetchLike, type RunsClient } from "../../src/client";
import { agentServerUrl } from "../support/agentServer";
import { newGate } from "../support/gates";
import { recordingFetch, type RecordedRequest } from "../support/recordingFetch";

/**
 * Both clients on the same server, each behind its own recording `fetch`: what a caller sees and
 * what goes over the wire can be compared side by side.
 */
export function parityClients(apiUrl = agentServerUrl(), next?: FetchLike) {
  const oursWire = recordingFetch(next);
  const officialWire = recordingFetch(next);
  const ours: RunsClient = createClient({ apiUrl, apiKey: null, fetch: oursWire.fetch }).runs;
  const official = new Client({
    apiUrl,
    apiKey: null,
    callerOptions: { fetch: officialWire.fetch as typeof fetch, maxRetries: 1 },
  }).runs;
  const oursThreads = createClient({ apiUrl, apiKey: null }).threads;
  return {
    ours,
    official,
    wire: { ours: oursWire.requests, official: officialWire.requests },
    threads: oursThreads,
  };
}

/** What a caller observes from a call: the value, or the error's message, status and name. */
export type Outcome<T> =
  { ok: true; value: T } | { ok: false; message: string; status: number | undefined; name: string };

export async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const e = error as { message?: unknown; status?: unknown; name?: unknown };
    return {
      ok: false,
      message: String(e?.message ?? error),
      status: typeof e?.status === "number" ? e.status : undefined,
      name: String(e?.name ?? typeof error),
    };
  }
}

/** The iteration's parts and how it ended (normally, or with which error). */
export async function iterate<T>(
  iterable: AsyncIterable<T>,
  onPart?: (part: T, index: number) => void | "stop",
): Promise<{ parts: T[]; end: Outcome<void> }> {
  const parts: T[] = [];
  const end = await outcome(async () => {
    for await (const part of iterable) {
      parts.push(part);
      if (onPart?.(part, parts.length - 1) === "stop") break;
    }
  });
  return { parts, end };
}

/** The error message's official prefix, `HTTP <status>:`, when there is one. */
export function httpPrefix(result: Outcome<unknown>): string | undefined {
  return result.ok ? undefined : /^HTTP \d{3}:/.exec(result.message)?.[0];
}

/** A request as both clients should send it: method, path, sorted query, key headers, body. */
export function onTheWire(request: RecordedRequest) {
  const query = [...request.url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  const headers: Record<string, string> = {};
  for (const name of ["content-type", "x-api-key", "last-event-id", "x-tenant"]) {
    if (request.headers[name] !== undefined) headers[name] = request.headers[name]!;
  }
  return { method: request.method, path: request.url.pathname, query, headers, body: request.body };
}

/** The event names of classic parts. */
export const eventNames = (parts: { event: string }[]) => parts.map((part) => part.event);

/** A fresh thread on the server. */
export async function newThread(apiUrl = agentServerUrl()): Promise<string> {
  return (await createClient({ apiUrl, apiKey: null }).threads.create()).thread_id;
}

export const human = (text: string) => ({ messages: [{ type: "human", content: text }] });

/**
 * A run held at a gate on a fresh thread: the thread is certainly busy until `release()`.
 * Resolves once the run has streamed its gate event (so it is running, not pending).
 */
export async function heldRun(apiUrl = agentServerUrl()) {
  const client = createClient({ apiUrl, apiKey: null });
  const threadId = await newThread(apiUrl);
  const gate = newGate("parity", apiUrl);
  const run = await client.runs.create(threadId, "agent", {
    input: human(gate.command),
    streamMode: ["custom"],
    streamResumable: true,
  });
  for await (const part of client.runs.joinStream(threadId, run.run_id, { lastEventId: "-1" })) {
    if (part.event === "custom") break;
  }
  return {
    threadId,
    runId: run.run_id,
    /** Opens the gate and waits for the run to end. */
    async release(): Promise<void> {
      await gate.open();
      await client.runs.join(threadId, run.run_id);
    },
  };
}

/** Data with the ids the server makes up (message, run, thread ids) left out, for comparing. */
export function withoutIds(value: unknown): unknown {
  const volatile = new Set(["id", "run_id", "thread_id", "created_at", "updated_at"]);
  return JSON.parse(JSON.stringify(value ?? null, (key, v) => (volatile.has(key) ? undefined : v)));
}
