// @vitest-environment node
/**
 * When a request's headers are known, `fetch` is called in the same task as the call that sends
 * it; headers a function gives are awaited first (fake fetch: counts the calls).
 */
import { describe, expect, it } from "vitest";
import { createClient, type FetchLike } from "../../../src/client";
import { collect } from "../../support/agentServer";
import { sseResponse } from "../../support/recordingFetch";

const streamBody = 'event: metadata\ndata: {"run_id":"r-1"}\n\nevent: end\ndata: null\n\n';

describe("request headers (fake fetch)", () => {
  it("plain headers: runs.stream's first step calls fetch in the same task", () => {
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

  it("headers from a function are awaited and sent", async () => {
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

  it("a headers function that throws is a typed network error, without the request", async () => {
    let calls = 0;
    const fetch: FetchLike = () => {
      calls += 1;
      return Promise.resolve(sseResponse([streamBody]));
    };
    const client = createClient({
      apiUrl: "http://server.test",
      fetch,
      defaultHeaders: () => {
        throw new Error("token refresh failed");
      },
    });
    await expect(collect(client.runs.stream("t-1", "agent", { input: {} }))).rejects.toMatchObject({
      kind: "network",
    });
    expect(calls).toBe(0);
  });
});
