// @vitest-environment node
import { describe, expect, it } from "vitest";
import { readTranscriptRun, routeShape, type Transcript } from "../../../src/testing";
import { transcripts } from "../../fixtures/transcripts";
import { parseFrames } from "./parseFrames";

describe("readTranscriptRun", () => {
  it("reads the run id, thread and assistant of every fixture", () => {
    for (const transcript of Object.values(transcripts)) {
      const run = readTranscriptRun(transcript);
      const metadata = parseFrames(transcript)[0]!;
      expect(metadata.event).toBe("metadata");
      expect(run.runId).toBe((metadata.data as { run_id: string }).run_id);
      expect(transcript.request.path).toBe(`/threads/${run.threadId}/runs/stream`);
      expect(run.assistantId).toBe("agent");
    }
  });

  it("derives the status from an error event", () => {
    const statuses = Object.fromEntries(
      Object.entries(transcripts).map(([name, t]) => [name, readTranscriptRun(t).status]),
    );
    expect(statuses["error-run"]).toBe("error");
    expect(Object.entries(statuses).filter(([, s]) => s === "error")).toHaveLength(1);
  });

  it("finds the run id in the metadata event without headers, and an error event split across frames", () => {
    const transcript: Transcript = {
      version: 1,
      name: "split",
      request: { method: "POST", path: "/runs/stream" },
      response: { status: 200, headers: { "content-type": "text/event-stream" } },
      frames: [
        { atMs: 0, text: 'event: metadata\ndata: {"run_id":"r-7","attempt":1}\n\nevent: er' },
        { atMs: 1, text: 'ror\ndata: {"error":"Error","message":"x"}\n\n' },
      ],
    };
    expect(readTranscriptRun(transcript)).toEqual({
      runId: "r-7",
      threadId: undefined,
      assistantId: undefined,
      status: "error",
    });
  });
});

describe("routeShape", () => {
  it.each([
    ["/threads/0b1c-2/runs/stream", "/threads/:id/runs/stream"],
    ["/threads/t/runs/r/cancel?wait=true&action=interrupt", "/threads/:id/runs/:id/cancel"],
    ["/threads/t/runs/r", "/threads/:id/runs/:id"],
    ["/threads/t/runs?limit=10", "/threads/:id/runs"],
    ["/threads/t/runs/r/stream", "/threads/:id/runs/:id/stream"],
    ["/threads/t/runs/r/join", "/threads/:id/runs/:id/join"],
    ["/threads/t/state/cp-1", "/threads/:id/state/:id"],
    ["/threads/t/state", "/threads/:id/state"],
    ["/threads", "/threads"],
    ["/runs/stream", "/runs/stream"],
    ["/runs/batch", "/runs/batch"],
    ["/runs/r/stream", "/runs/:id/stream"],
    ["/assistants/search", "/assistants/search"],
    ["/assistants/a-1", "/assistants/:id"],
  ])("%s → %s", (path, shape) => {
    expect(routeShape(path)).toBe(shape);
  });
});
