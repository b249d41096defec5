// @vitest-environment node
import { describe, expect, it } from "vitest";
import type { FetchLike } from "../../../src/client";
import { recordTranscript, sanitizeTranscript, type Transcript } from "../../../src/testing";
import { agentServerUrl, human, testClient } from "../../support/agentServer";
import { fakeFetch, sseResponse } from "../../support/recordingFetch";
import { parseFrames } from "./parseFrames";

const API_KEY = "lsv2_sk_TEST_0123456789abcdef";
const TOKEN = "Bearer tok-SECRET-42";

describe("recordTranscript against the test server", () => {
  it("records a run: request, kept headers, timed frames that parse into the run's events", async () => {
    const threadId = (await testClient().threads.create()).thread_id;
    const transcript = await recordTranscript({
      apiUrl: `${agentServerUrl()}/`,
      threadId,
      assistantId: "agent",
      payload: { input: human("record me"), streamMode: ["messages-tuple", "values", "custom"] },
      name: "live",
      description: "a live chat turn",
    });
    expect(transcript).toMatchObject({
      version: 1,
      name: "live",
      description: "a live chat turn",
      request: {
        method: "POST",
        path: `/threads/${threadId}/runs/stream`,
        body: {
          assistant_id: "agent",
          input: human("record me"),
          stream_mode: ["messages-tuple", "values", "custom"],
        },
      },
      response: { status: 200 },
    });
    expect(Object.keys(transcript.response.headers).sort()).toEqual([
      "content-location",
      "content-type",
    ]);
    const times = transcript.frames.map((frame) => frame.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const events = parseFrames(transcript);
    expect(events[0]!.event).toBe("metadata");
    expect(events.map((e) => e.event)).toContain("custom");
    const reply = events
      .filter((e) => e.event === "messages")
      .map((e) => (e.data as [{ content: string }])[0].content)
      .join("");
    expect(reply).toBe("You said: record me");
  });

  it("keeps no trace of the API key or of credential headers", async () => {
    const transcript = await recordTranscript({
      apiUrl: agentServerUrl(),
      apiKey: API_KEY,
      headers: { authorization: TOKEN, cookie: "session=SECRET-COOKIE" },
      assistantId: "agent",
      payload: {
        input: human("secret test"),
        streamMode: ["values", "messages-tuple"],
        metadata: { note: `key ${API_KEY}` },
        config: { configurable: { "x-api-key": API_KEY, authorization: TOKEN } },
        extraFields: { api_key: API_KEY },
      },
      name: "stateless",
    });
    expect(transcript.request.path).toBe("/runs/stream");
    expect(transcript.response.status).toBe(200);
    const text = JSON.stringify(transcript);
    for (const secret of [API_KEY, "tok-SECRET-42", "SECRET-COOKIE"]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/x-api-key|authorization|api_key|cookie/i);
    expect(transcript.request.body).toMatchObject({
      metadata: { note: "key [redacted]" },
      config: { configurable: {} },
    });
  });

  it("records a failed request as it was answered", async () => {
    const transcript = await recordTranscript({
      apiUrl: agentServerUrl(),
      threadId: "00000000-0000-4000-8000-00000000dead",
      assistantId: "agent",
      payload: { input: human("nowhere") },
      name: "missing-thread",
    });
    expect(transcript.response.status).toBeGreaterThanOrEqual(400);
    expect(transcript.frames.map((f) => f.text).join("").length).toBeGreaterThan(0);
  });
});

describe("recordTranscript with a scripted server", () => {
  it("redacts a key the server echoes, even when a chunk boundary cuts it", async () => {
    const half = API_KEY.length / 2;
    const { fetch, requests } = fakeFetch(() =>
      sseResponse(
        [
          'event: metadata\ndata: {"run_id":"r-1","attempt":1}\nid: 0\n\n',
          `event: custom\ndata: {"echo":"${API_KEY.slice(0, half)}`,
          `${API_KEY.slice(half)}","ok":true}\nid: 1\n\n`,
        ],
        {
          headers: {
            "content-location": `/runs/r-1?key=${API_KEY}`,
            "set-cookie": `s=${API_KEY}`,
            "x-api-key": API_KEY,
            "x-request-id": "abc",
          },
        },
      ),
    );
    const transcript = await recordTranscript({
      apiUrl: "http://scripted.local",
      apiKey: API_KEY,
      assistantId: "agent",
      name: "echo",
      fetch,
    });
    // The key was sent…
    expect(requests[0]!.headers["x-api-key"]).toBe(API_KEY);
    // …and is nowhere in what was recorded.
    expect(JSON.stringify(transcript)).not.toContain(API_KEY);
    expect(JSON.stringify(transcript)).not.toContain(API_KEY.slice(0, half));
    expect(transcript.response.headers).toEqual({
      "content-type": "text/event-stream",
      "content-location": "/runs/r-1?key=[redacted]",
    });
    expect(parseFrames(transcript)[1]!.data).toEqual({ echo: "[redacted]", ok: true });
    expect(transcript.frames).toHaveLength(3);
  });

  it("reports an unreachable server without the key", async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError(`connect refused (key ${API_KEY})`);
    };
    const failure = await recordTranscript({
      apiUrl: "http://127.0.0.1:1",
      apiKey: API_KEY,
      assistantId: "agent",
      name: "x",
      fetch,
    }).catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      /could not reach http:\/\/127\.0\.0\.1:1\/runs\/stream/,
    );
    expect((failure as Error).message).not.toContain(API_KEY);
  });
});

describe("sanitizeTranscript", () => {
  const transcript: Transcript = {
    version: 1,
    name: "s",
    request: { method: "POST", path: "/runs/stream", body: { assistant_id: "agent" } },
    response: { status: 200, headers: { "content-type": "text/event-stream" } },
    frames: [
      { atMs: 1, text: "data: one SEC" },
      { atMs: 2, text: "R" },
      { atMs: 3, text: "ET two\n\n" },
      { atMs: 4, text: "data: SECRET\n\n" },
    ],
  };

  it("moves a secret cut over several frames whole into the frame that completed it", () => {
    const safe = sanitizeTranscript(transcript, { secrets: ["SECRET", undefined, ""] });
    expect(safe.frames).toEqual([
      { atMs: 1, text: "data: one " },
      { atMs: 3, text: "[redacted] two\n\n" },
      { atMs: 4, text: "data: [redacted]\n\n" },
    ]);
  });

  it("returns an equal copy when there is nothing to redact", () => {
    const safe = sanitizeTranscript(transcript);
    expect(safe).toEqual(transcript);
    expect(safe.frames).not.toBe(transcript.frames);
  });
});

describe("sanitizeTranscript and bearer tokens", () => {
  it("redacts the bare token of a Bearer header wherever it is echoed, split across frames too", () => {
    const transcript: Transcript = {
      version: 1 as const,
      name: "echo",
      request: { method: "POST", path: "/threads/t/runs/stream" },
      response: { status: 200, headers: { "content-type": "text/event-stream" } },
      frames: [
        { atMs: 0, text: 'event: custom\ndata: {"echo":"tok-SEC' },
        { atMs: 1, text: 'RET-42 and Bearer tok-SECRET-42"}\n\n' },
      ],
    };
    const safe = sanitizeTranscript(transcript, { secrets: [TOKEN] });
    const text = JSON.stringify(safe);
    expect(text).not.toContain("tok-SECRET-42");
    expect(text).not.toContain("SECRET");
    expect(text).toContain("[redacted]");
  });
});
