// @vitest-environment node
/**
 * `startedNow` and the client under it: a stream's request goes out in the task that started it,
 * so the work a submit does next (rendering the user's message) overlaps the server's answer.
 */
import { describe, expect, it } from "vitest";
import { createClient, type FetchLike } from "../../../src/client";
import { startedNow } from "../../../src/store/startedNow";
import { collect } from "../../support/agentServer";
import { sseResponse } from "../../support/recordingFetch";

async function* counted(log: string[]) {
  log.push("started");
  yield 1;
  yield 2;
}

describe("startedNow", () => {
  it("starts the iterable at once and hands its first step to the later iteration", async () => {
    const log: string[] = [];
    const events = startedNow(() => counted(log));
    expect(log).toEqual(["started"]);
    expect(await collect(events)).toEqual([1, 2]);
    expect(log).toEqual(["started"]);
  });

  it("a factory that throws rejects the first step, not the caller", async () => {
    const events = startedNow<number>(() => {
      throw new Error("no stream");
    });
    await expect(collect(events)).rejects.toThrow("no stream");
  });

  it("a first step that rejects before anyone iterates is not unhandled, and still reaches the loop", async () => {
    // eslint-disable-next-line require-yield -- a stream that fails before its first event
    async function* failing(): AsyncGenerator<number> {
      throw new Error("refused");
    }
    const events = startedNow(failing);
    // Let the rejection settle with nobody iterating yet (an unhandled one would fail the run).
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(collect(events)).rejects.toThrow("refused");
  });

  it("breaking out of the loop returns the underlying iterator", async () => {
    let finished = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        finished = true;
      }
    }
    for await (const value of startedNow(endless)) if (value === 2) break;
    expect(finished).toBe(true);
  });
});

describe("runs.stream's request (fake fetch: counts the calls)", () => {
  const streamBody = 'event: metadata\ndata: {"run_id":"r-1"}\n\nevent: end\ndata: null\n\n';

  it("is sent by the stream's first step, in the same task, when the headers are plain", () => {
    const calls: string[] = [];
    const fetch: FetchLike = (input) => {
      calls.push(input);
      return Promise.resolve(sseResponse([streamBody]));
    };
    const client = createClient({
      apiUrl: "http://server.test",
      fetch,
      defaultHeaders: { a: "1" },
    });
    void client.runs.stream("t-1", "agent", { input: {} })[Symbol.asyncIterator]().next();
    expect(calls).toEqual(["http://server.test/threads/t-1/runs/stream"]);
  });

  it("waits for headers a function gives, and sends them", async () => {
    const sent: Record<string, string>[] = [];
    const fetch: FetchLike = (_input, init) => {
      sent.push(init.headers as Record<string, string>);
      return Promise.resolve(sseResponse([streamBody]));
    };
    const client = createClient({
      apiUrl: "http://server.test",
      fetch,
      defaultHeaders: async () => ({ authorization: "Bearer fresh" }),
    });
    await collect(client.runs.stream("t-1", "agent", { input: {} }));
    expect(sent[0]).toMatchObject({ authorization: "Bearer fresh" });
  });
});
