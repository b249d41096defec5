// @vitest-environment node
import { describe, expect, it } from "vitest";
import { parseTranscript, type Transcript } from "../../../src/testing";
import { transcripts } from "../../fixtures/transcripts";
import chatTokensJson from "../../fixtures/transcripts/chat-tokens.json";

const VALID: Transcript = {
  version: 1,
  name: "valid",
  request: { method: "POST", path: "/threads/t/runs/stream", body: { assistant_id: "agent" } },
  response: { status: 200, headers: { "content-type": "text/event-stream" } },
  frames: [
    { atMs: 0, text: "event: metadata\n" },
    { atMs: 1.5, text: 'data: {"run_id":"r"}\n\n' },
  ],
};

/** A copy of VALID with one change applied to its JSON. */
function broken(change: (json: Record<string, unknown>) => void): unknown {
  const json = structuredClone(VALID) as unknown as Record<string, unknown>;
  change(json);
  return json;
}

describe("parseTranscript", () => {
  it("accepts every fixture and a JSON string, unchanged", () => {
    for (const transcript of Object.values(transcripts)) {
      expect(parseTranscript(structuredClone(transcript))).toEqual(transcript);
    }
    expect(parseTranscript(JSON.stringify(VALID))).toEqual(VALID);
    expect(parseTranscript(chatTokensJson)).toEqual(transcripts["chat-tokens"]);
  });

  it("keeps an optional description, lower-cases header names, upper-cases the method", () => {
    const parsed = parseTranscript(
      broken((json) => {
        json.description = "about";
        (json.request as { method: string }).method = "post";
        (json.response as { headers: object }).headers = { "Content-Type": "text/event-stream" };
      }),
    );
    expect(parsed.description).toBe("about");
    expect(parsed.request.method).toBe("POST");
    expect(parsed.response.headers).toEqual({ "content-type": "text/event-stream" });
  });

  it.each<[string, unknown, RegExp]>([
    ["not JSON", "{nope", /not JSON/],
    ["not an object", [1, 2], /the transcript must be an object/],
    ["a null", null, /must be an object/],
    ["another version", broken((j) => (j.version = 2)), /unsupported version 2/],
    ["no version", broken((j) => delete j.version), /unsupported version undefined/],
    ["no name", broken((j) => delete j.name), /name must be a non-empty string/],
    ["a bad description", broken((j) => (j.description = 3)), /description must be a string/],
    ["no request", broken((j) => delete j.request), /request must be an object/],
    [
      "a bad method",
      broken((j) => ((j.request as { method: string }).method = "PO ST")),
      /request\.method/,
    ],
    [
      "a relative path",
      broken((j) => ((j.request as { path: string }).path = "threads/x")),
      /request\.path/,
    ],
    [
      "a bad status",
      broken((j) => ((j.response as { status: number }).status = 99)),
      /response\.status/,
    ],
    [
      "a header that is not a string",
      broken((j) => ((j.response as { headers: object }).headers = { "content-type": 1 })),
      /response\.headers\["content-type"\] must be a string/,
    ],
    ["frames that are not a list", broken((j) => (j.frames = {})), /frames must be an array/],
    [
      "a frame that is not an object",
      broken((j) => (j.frames = ["x"])),
      /frames\[0\] must be an object/,
    ],
    [
      "a frame without text",
      broken((j) => (j.frames = [{ atMs: 0 }])),
      /frames\[0\]\.text must be a string/,
    ],
    [
      "a negative time",
      broken((j) => (j.frames = [{ atMs: -1, text: "" }])),
      /frames\[0\]\.atMs must be a finite number/,
    ],
    [
      "a time going back",
      broken(
        (j) =>
          (j.frames = [
            { atMs: 5, text: "" },
            { atMs: 4, text: "" },
          ]),
      ),
      /frames\[1\]\.atMs goes back in time/,
    ],
  ])("rejects %s with a clear message", (_what, json, message) => {
    expect(() => parseTranscript(json)).toThrow(TypeError);
    expect(() => parseTranscript(json)).toThrow(message);
  });

  it("names the transcript in the message when it has a name", () => {
    expect(() => parseTranscript(broken((j) => (j.frames = null)))).toThrow(
      'invalid transcript "valid": frames must be an array',
    );
  });
});
