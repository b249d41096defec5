import { afterEach, describe, expect, it, vi } from "vitest";
import { agentServerUrl, collect, human, testClient } from "../support/agentServer";
import { startFaultProxy, type FaultProxy } from "../support/faultProxy";

const direct = testClient();
let proxy: FaultProxy | undefined;

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

/** Reads a body to its end or its break; returns the bytes that arrived and how it ended. */
async function drain(
  body: ReadableStream<Uint8Array>,
): Promise<{ bytes: number; broken: boolean }> {
  const reader = body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes, broken: false };
      bytes += value.byteLength;
    }
  } catch {
    return { bytes, broken: true };
  }
}

/** A finished resumable run: re-joining it from the start sends everything in a few big chunks. */
async function finishedRun(): Promise<{ threadId: string; runId: string; total: number }> {
  const threadId = (await direct.threads.create()).thread_id;
  let runId = "";
  await collect(
    direct.runs.stream(threadId, "agent", {
      input: human("/tokens 300"),
      streamMode: ["messages-tuple"],
      streamResumable: true,
      onRunCreated: (meta) => (runId = meta.run_id),
    }),
  );
  const whole = await fetch(joinUrl(agentServerUrl(), threadId, runId), {
    headers: { "Last-Event-ID": "-1" },
  });
  const { bytes } = await drain(whole.body!);
  return { threadId, runId, total: bytes };
}

function joinUrl(base: string, threadId: string, runId: string): string {
  return `${base}/threads/${threadId}/runs/${runId}/stream`;
}

// The reliability suites trust the proxy's byte counts; these tests check that promise itself.
describe("the fault proxy (test harness) delivers exactly the planned bytes", () => {
  it("a cut delivers the first N bytes of a large burst, then breaks the body", async () => {
    const run = await finishedRun();
    const cutAfterBytes = 7_777;
    expect(run.total).toBeGreaterThan(cutAfterBytes * 4);
    proxy = await startFaultProxy(agentServerUrl(), () => ({ cutAfterBytes }));
    const response = await fetch(joinUrl(proxy.url, run.threadId, run.runId), {
      headers: { "Last-Event-ID": "-1" },
    });
    expect(await drain(response.body!)).toEqual({ bytes: cutAfterBytes, broken: true });
    expect(proxy.faults).toBe(1);
  });

  it("an early close delivers the first N bytes, then ends the body cleanly", async () => {
    const run = await finishedRun();
    proxy = await startFaultProxy(agentServerUrl(), () => ({ closeAfterBytes: 4_321 }));
    const response = await fetch(joinUrl(proxy.url, run.threadId, run.runId), {
      headers: { "Last-Event-ID": "-1" },
    });
    expect(await drain(response.body!)).toEqual({ bytes: 4_321, broken: false });
  });
});

describe("the fault proxy's frame-boundary closes and answers of its own (test harness)", () => {
  it("closeAfterFrames delivers exactly N whole frames, then ends the body cleanly", async () => {
    const run = await finishedRun();
    proxy = await startFaultProxy(agentServerUrl(), () => ({
      closeAfterFrames: 7,
      afterUpstreamEnd: true,
    }));
    const response = await fetch(joinUrl(proxy.url, run.threadId, run.runId), {
      headers: { "Last-Event-ID": "-1" },
    });
    const text = await response.text();
    expect(text.endsWith("\n\n")).toBe(true);
    expect(text.split("\n\n").filter((frame) => frame !== "")).toHaveLength(7);
    expect(proxy.faults).toBe(1);
  });

  it("respond answers without the server; cutBeforeHead breaks the request before any head", async () => {
    proxy = await startFaultProxy(agentServerUrl(), (_req, index) =>
      index === 0 ? { respond: { status: 503, body: "overloaded" } } : { cutBeforeHead: true },
    );
    const answered = await fetch(`${proxy.url}/ok`);
    expect(answered.status).toBe(503);
    expect(await answered.text()).toBe("overloaded");
    await expect(fetch(`${proxy.url}/ok`)).rejects.toThrow();
    expect(proxy.faults).toBe(2);
  });

  it("holdResponse never sends a head: the request is still waiting when the client gives up", async () => {
    proxy = await startFaultProxy(agentServerUrl(), () => ({ holdResponse: true }));
    const controller = new AbortController();
    const pending = fetch(`${proxy.url}/ok`, { signal: controller.signal });
    await vi.waitFor(() => expect(proxy!.openResponses()).toBe(1), { timeout: 20_000 });
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});
