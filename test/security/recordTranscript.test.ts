/**
 * recordTranscript never follows a redirect: a followed redirect would carry `x-api-key`, the
 * extra headers and the run's input to wherever `Location` points, another origin included.
 * A local server answers every request with a redirect to a second local server (another
 * origin), which must receive nothing.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordTranscript } from "../../src/testing";

const API_KEY = "lsv2_sk_REDIRECT_TEST_0123456789";
const INPUT_SECRET = "input-that-must-stay-home";

interface Served {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

async function serve(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const served: Served = {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return served;
}

let elsewhere: Served;
beforeAll(async () => {
  elsewhere = await serve((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end('event: metadata\ndata: {"run_id":"stolen"}\n\n');
  });
});
afterAll(async () => {
  await elsewhere?.close();
});

describe("recordTranscript and redirects", () => {
  it.each([301, 302, 303, 307, 308])(
    "refuses a %i to another origin and sends it nothing",
    async (status) => {
      const redirecting = await serve((_req, res) => {
        res.writeHead(status, { location: `${elsewhere.url}/collect` });
        res.end();
      });
      try {
        const recording = recordTranscript({
          apiUrl: redirecting.url,
          apiKey: API_KEY,
          headers: { authorization: "Bearer redirect-token-123" },
          assistantId: "agent",
          payload: { input: { messages: [{ type: "human", content: INPUT_SECRET }] } },
          name: "redirected",
        });
        const error = await recording.then(
          () => undefined,
          (failure: unknown) => failure as Error,
        );
        expect(error).toBeInstanceOf(Error);
        expect(error!.message).toMatch(new RegExp(`redirect.*${status}|${status}.*redirect`, "i"));
        expect(error!.message).not.toContain(API_KEY);
        expect(redirecting.hits).toEqual(["POST /runs/stream"]);
        expect(elsewhere.hits).toEqual([]);
      } finally {
        await redirecting.close();
      }
    },
  );
});
