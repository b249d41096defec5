import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createClient, type StreamEvent, type StreamMode } from "../../src/client";
import {
  createReplayFetch,
  parseTranscript,
  readTranscriptRun,
  recordTranscript,
} from "../../src/testing";
import { agentServerUrl, collect, human, testClient } from "../support/agentServer";

const live = testClient();

/** Events without the parts that differ between two runs (ids, hosts, timestamps). */
function comparable(events: StreamEvent[]): unknown {
  const text = JSON.stringify(
    events.map(({ type, ns, data, interrupts, id }) => ({ type, ns, data, interrupts, id })),
  );
  return JSON.parse(
    text
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
      .replace(/\b[0-9a-f]{32}\b/g, "<interrupt-id>")
      .replace(/127\.0\.0\.1:\d+/g, "<host>"),
  );
}

async function recordAndReplay(text: string, streamMode: StreamMode[], streamSubgraphs = false) {
  const threadId = (await live.threads.create()).thread_id;
  const transcript = await recordTranscript({
    apiUrl: agentServerUrl(),
    threadId,
    assistantId: "agent",
    payload: { input: human(text), streamMode, streamSubgraphs, streamResumable: true },
    name: "e2e",
  });
  const replayClient = createClient({
    apiUrl: "http://replay.local",
    fetch: createReplayFetch(transcript, { chunking: "byte" }),
  });
  const replayed = await collect(
    replayClient.runs.stream(threadId, "agent", {
      input: human(text),
      streamVersion: "v2",
      raiseError: false,
    }),
  );
  return { threadId, transcript, replayed, replayClient };
}

describe("recordTranscript against the real Agent Server", () => {
  it.each<[string, StreamMode[], boolean]>([
    ["/tools", ["messages-tuple", "values", "updates"], false],
    ["/subgraph", ["messages-tuple", "custom", "updates"], true],
    ["/interrupt", ["values", "updates"], false],
  ])(
    "%s: the replay yields the run's events exactly as the server logged them",
    async (text, streamMode, subgraphs) => {
      const { threadId, transcript, replayed } = await recordAndReplay(text, streamMode, subgraphs);
      const runId = readTranscriptRun(transcript).runId!;
      // The server's own log of the run (resumable runs keep it), replayed from the start.
      const logged = await collect(
        live.runs.joinStream(threadId, runId, { lastEventId: "-1", streamVersion: "v2" }),
      );
      expect(logged.length).toBeGreaterThan(2);
      expect(replayed).toEqual(logged);
    },
  );

  it("the replay yields the same event sequence as a live run of the same input", async () => {
    const streamMode: StreamMode[] = ["messages-tuple", "values", "custom", "updates"];
    const { replayed } = await recordAndReplay("same again", streamMode);
    const threadId = (await live.threads.create()).thread_id;
    const liveEvents = await collect(
      live.runs.stream(threadId, "agent", {
        input: human("same again"),
        streamMode,
        streamResumable: true,
        streamVersion: "v2",
      }),
    );
    expect(liveEvents.map((e) => e.event)).toEqual(replayed.map((e) => e.event));
    expect(comparable(replayed)).toEqual(comparable(liveEvents));
  });

  it("an error run replays to the error event and the run reads as failed", async () => {
    const { threadId, transcript, replayed, replayClient } = await recordAndReplay("/error", [
      "values",
    ]);
    expect(replayed.at(-1)).toMatchObject({
      type: "error",
      data: { error: "Error", message: "Deliberate failure from the demo graph" },
    });
    const { runId } = readTranscriptRun(transcript);
    expect((await live.runs.get(threadId, runId!)).status).toBe("error");
    expect((await replayClient.runs.get(threadId, runId!)).status).toBe("error");
  });
});

describe("scripts/record-transcript.mjs", () => {
  it("records a run and its resume into two transcript files", async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), "transcripts-"));
    try {
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          [
            "--import",
            "tsx",
            "scripts/record-transcript.mjs",
            "--api-url",
            agentServerUrl(),
            "--api-key",
            "cli-SECRET-key",
            "--name",
            "cli",
            "--input",
            "/inbox",
            "--stream-mode",
            "values,updates",
            "--resume",
            '"ok"',
            "--out-dir",
            outDir,
          ],
          { timeout: 60_000 },
          (error, out, err) =>
            error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
        ),
      );
      expect(stdout).toMatch(/cli\.json: status 200/);
      expect(stdout).toMatch(/cli-resume\.json: status 200/);
      const first = parseTranscript(await readFile(path.join(outDir, "cli.json"), "utf8"));
      const resume = parseTranscript(await readFile(path.join(outDir, "cli-resume.json"), "utf8"));
      expect(first.request.path).toBe(resume.request.path);
      expect(resume.request.body).toMatchObject({ command: { resume: "ok" } });
      const text = resume.frames.map((f) => f.text).join("");
      expect(text).toContain('Resumed with: \\"ok\\"');
      expect(JSON.stringify([first, resume])).not.toContain("cli-SECRET-key");
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
