// @vitest-environment node
/**
 * Parsing and leak cases a real Agent Server cannot produce (CR-only line endings, non-Latin-1
 * event ids, a huge error body, a body that ignores the abort signal): served by a fake fetch.
 */
import { describe, expect, it } from "vitest";
import { createClient, type FetchLike, type StreamPart } from "../../../src/client";
import { parseRunLocation } from "../../../src/client/paths";
import { collect } from "../../support/agentServer";
import { fakeFetch, sseResponse } from "../../support/recordingFetch";

async function collectUntilError<T>(
  stream: AsyncIterable<T>,
): Promise<{ parts: T[]; error: unknown }> {
  const parts: T[] = [];
  try {
    for await (const part of stream) parts.push(part);
    return { parts, error: undefined };
  } catch (error) {
    return { parts, error };
  }
}

/** A body that sends `text`, then fails like a dropped connection. */
function brokenSse(text: string): Response {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(new TypeError("terminated"));
      sent = true;
      controller.enqueue(new TextEncoder().encode(text));
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream", "content-location": "/runs/r-1" },
  });
}

describe("parsing (fake fetch)", () => {
  it("CR-only line endings deliver the stream's last event", async () => {
    const { fetch } = fakeFetch(() =>
      sseResponse([
        'event: custom\rdata: {"i":1}\rid: 1\r\revent: custom\rdata: {"i":2}\rid: 2\r\r',
      ]),
    );
    const client = createClient({ apiUrl: "http://127.0.0.1:1", fetch });
    const parts = await collect(client.runs.stream(null, "agent"));
    expect(parts.map((p) => p.data)).toEqual([{ i: 1 }, { i: 2 }]);
  });

  it("a server id outside Latin-1 is sent back UTF-8 encoded, so the re-join works and nothing is lost", async () => {
    const id = "ид-1🙂";
    const lastEventIds: (string | null)[] = [];
    const { fetch } = fakeFetch((url, init) => {
      if (url.pathname.endsWith("/runs/stream")) {
        return brokenSse(`event: custom\ndata: {"i":1}\nid: ${id}\n\nevent: cus`);
      }
      lastEventIds.push(new Headers(init.headers).get("last-event-id"));
      return sseResponse(['event: custom\ndata: {"i":2}\nid: next\n\n']);
    });
    const client = createClient({ apiUrl: "http://127.0.0.1:1", fetch });
    const { parts, error } = await collectUntilError(
      client.runs.stream(null, "agent", {
        streamResumable: true,
        reconnectBaseDelayMs: 1,
      }),
    );
    expect(error).toBeUndefined();
    expect(parts.map((p) => p.data)).toEqual([{ i: 1 }, { i: 2 }]);
    // The header carries the id's UTF-8 bytes (as EventSource does); decoding gives the id back.
    const sent = lastEventIds[0]!;
    expect(new TextDecoder().decode(Uint8Array.from(sent, (c) => c.charCodeAt(0)))).toBe(id);
  });
});

describe("error bodies are read only up to a cap (fake fetch: a 200 KB+ error body)", () => {
  it("reads and keeps at most 64 KiB of an error body and stops pulling the rest", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(97);
    const { fetch } = fakeFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled += chunk.length;
              // 4 MiB in all; reading it whole is what the cap prevents.
              if (pulled > 4 * 1024 * 1024) controller.close();
              else controller.enqueue(chunk);
            },
          }),
          { status: 500, headers: { "content-type": "text/plain" } },
        ),
    );
    const client = createClient({ apiUrl: "http://127.0.0.1:1", fetch, maxRetries: 0 });
    const error = await client.runs.get("t", "r").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "server", status: 500 });
    const body = (error as { body: unknown }).body;
    expect(typeof body).toBe("string");
    expect((body as string).length).toBeLessThanOrEqual(64 * 1024);
    expect(pulled).toBeLessThan(1024 * 1024);
  });
});

describe("leaks", () => {
  it("an API key with a stray newline appears nowhere in the error, its message or its causes", async () => {
    const apiKey = "sk-live-abc\ndef-123";
    const client = createClient({ apiUrl: "http://127.0.0.1:9", apiKey, maxRetries: 0 });
    const error = await client.runs.get("t", "r").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const everything = dump(error);
    expect(everything).not.toContain("sk-live-abc");
    expect(everything).not.toContain("def-123");
  });

  it("user:pass@ in apiUrl is not echoed in network error messages", async () => {
    const client = createClient({ apiUrl: "http://alice:s3cr3t@127.0.0.1:9", maxRetries: 0 });
    const error = await client.runs.get("t", "r").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "network" });
    const everything = dump(error);
    expect(everything).not.toContain("s3cr3t");
    expect(everything).not.toContain("alice:");
  });
});

describe("abort with a body not tied to the signal (fake fetch)", () => {
  it("stops at the next event instead of yielding what is buffered", async () => {
    const frames = Array.from(
      { length: 50 },
      (_, i) => `event: custom\ndata: {"i":${i}}\nid: ${i}\n\n`,
    ).join("");
    // The fake ignores init.signal: its body keeps going after the abort.
    const fetch: FetchLike = async () => sseResponse([frames]);
    const client = createClient({ apiUrl: "http://127.0.0.1:1", fetch });
    const controller = new AbortController();
    const parts: StreamPart[] = [];
    for await (const part of client.runs.stream(null, "agent", { signal: controller.signal })) {
      parts.push(part);
      if (parts.length === 2) controller.abort();
    }
    expect(parts).toHaveLength(2);
  });
});

describe("Location names the run (issue 11 item 9)", () => {
  it("reads /threads/t/runs/r/stream and /runs/r/stream as naming run r", () => {
    const api = "http://127.0.0.1:1";
    expect(parseRunLocation("/threads/t/runs/r/stream", api)).toEqual({
      thread_id: "t",
      run_id: "r",
    });
    expect(parseRunLocation("/runs/r/stream", api)).toEqual({ run_id: "r" });
    expect(parseRunLocation("/threads/t/runs/stream", api)).toBeUndefined();
    expect(parseRunLocation("/threads/t/runs/r", api)).toEqual({ thread_id: "t", run_id: "r" });
  });
});

/** Everything an error would show when logged: message, stack, and every cause's too. */
function dump(error: unknown): string {
  const seen: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (current instanceof Error) {
      seen.push(current.name, current.message, current.stack ?? "");
      seen.push(JSON.stringify(current));
      current = (current as { cause?: unknown }).cause;
    } else {
      seen.push(typeof current === "string" ? current : JSON.stringify(current));
      current = undefined;
    }
  }
  return seen.join("\n");
}

describe("a clean close's proof re-join (fake fetch: a proxy refuses the re-join)", () => {
  it("a 4xx on the re-join after a complete run asks the run's status and ends complete", async () => {
    const requests: string[] = [];
    const { fetch } = fakeFetch((url, init) => {
      requests.push(`${init.method ?? "GET"} ${url.pathname}`);
      if (url.pathname.endsWith("/runs/stream") && init.method === "POST")
        return sseResponse([
          'event: metadata\ndata: {"run_id":"r-1"}\nid: 0\n\nevent: values\ndata: {"a":1}\nid: 1\n\n',
        ]);
      if (url.pathname.endsWith("/stream")) return new Response("", { status: 400 });
      return Response.json({ run_id: "r-1", thread_id: "t-1", status: "success" });
    });
    const client = createClient({ apiUrl: "http://127.0.0.1:1", fetch });
    const { parts, error } = await collectUntilError(
      client.runs.stream("t-1", "agent", { streamResumable: true, reconnectBaseDelayMs: 1 }),
    );
    expect(error).toBeUndefined();
    expect(parts.map((p: StreamPart) => p.event)).toEqual(["metadata", "values"]);
    expect(requests).toEqual([
      "POST /threads/t-1/runs/stream",
      "GET /threads/t-1/runs/r-1/stream",
      "GET /threads/t-1/runs/r-1",
    ]);
  });
});
