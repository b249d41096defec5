// @vitest-environment node
import { describe, expect, it } from "vitest";
import { SECRET_KEY_PATTERNS, sanitizeTranscript, type Transcript } from "../../../src/testing";

function transcriptWith(body: unknown, frames: string[] = []): Transcript {
  return {
    version: 1,
    name: "secrets",
    request: { method: "POST", path: "/runs/stream", body },
    response: { status: 200, headers: { "content-type": "text/event-stream" } },
    frames: frames.map((text, index) => ({ atMs: index, text })),
  };
}

describe("sanitizeTranscript removes secrets by key name", () => {
  const body = {
    assistant_id: "agent",
    input: {
      messages: [{ type: "human", content: "hi" }],
      openai_api_key: "sk-openai-111111",
      credentials: { password: "hunter2-pw", username: "ada" },
    },
    config: {
      configurable: {
        access_token: "at-222222",
        refresh_token: "rt-333333",
        client_secret: "cs-444444",
        openaiApiKey: "sk-camel-555555",
        "X-Api-Key": "xk-666666",
        Authorization: "Bearer az-777777",
        cookie: "sid=ck-888888",
      },
    },
    context: { TOKEN: "tk-999999", secret: "se-101010", apikey: "ak-121212" },
    metadata: { private_key: "pk-131313", id_token: "it-141414", note: "kept" },
  };

  it("drops every credential field in input, config, context and metadata, whatever its case", () => {
    const safe = sanitizeTranscript(transcriptWith(body));
    const text = JSON.stringify(safe);
    for (const value of [
      "sk-openai-111111",
      "hunter2-pw",
      "at-222222",
      "rt-333333",
      "cs-444444",
      "sk-camel-555555",
      "xk-666666",
      "az-777777",
      "ck-888888",
      "tk-999999",
      "se-101010",
      "ak-121212",
      "pk-131313",
      "it-141414",
    ]) {
      expect(text).not.toContain(value);
    }
    expect(safe.request.body).toMatchObject({
      input: { messages: [{ type: "human", content: "hi" }] },
      metadata: { note: "kept" },
    });
  });

  it("redacts those values where the stream echoes them, too", () => {
    const safe = sanitizeTranscript(
      transcriptWith(body, [
        'event: values\ndata: {"pw":"hunter2-',
        'pw","k":"sk-openai-111111"}\n\n',
      ]),
    );
    const text = safe.frames.map((frame) => frame.text).join("");
    expect(text).not.toContain("hunter2-pw");
    expect(text).not.toContain("sk-openai-111111");
    expect(text).toContain("[redacted]");
  });

  it("keeps fields that only look alike (max_tokens, tokens, token_count, secretary)", () => {
    const kept = {
      max_tokens: 100,
      tokens: ["a"],
      token_count: 3,
      secretary: "Bo",
      keyboard: "qwerty",
    };
    const safe = sanitizeTranscript(transcriptWith({ config: { configurable: kept } }));
    expect(safe.request.body).toEqual({ config: { configurable: kept } });
  });

  it("takes extra key names to remove (strings, case-insensitive, or patterns)", () => {
    const safe = sanitizeTranscript(
      transcriptWith({ input: { SSN: "123-45-6789", tenant_pin: "9876", name: "ada" } }),
      { secretKeys: ["ssn", /_pin$/i] },
    );
    expect(safe.request.body).toEqual({ input: { name: "ada" } });
  });

  it("publishes its list of key patterns", () => {
    const matches = (key: string) => SECRET_KEY_PATTERNS.some((pattern) => pattern.test(key));
    for (const key of [
      "api_key",
      "apikey",
      "x_api_key",
      "anthropic_api_key",
      "access_token",
      "refresh_token",
      "token",
      "password",
      "secret",
      "client_secret",
      "authorization",
      "cookie",
      "set_cookie",
      "private_key",
    ]) {
      expect(matches(key), key).toBe(true);
    }
  });
});
