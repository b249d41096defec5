// Records (once) what `@langchain/react`'s `useStream` exchanges with the real embedded Agent
// Server for one run of the demo graph (`/tokens N`): it speaks the newer thread protocol
// (`POST /threads/{t}/commands`, `POST /threads/{t}/stream/events`), not the Runs API, so the
// Runs API transcripts the other contenders replay do not fit it. The recording drives the very
// controller the hook wraps (`StreamController` of the `@langchain/langgraph-sdk` copy that
// `@langchain/react` depends on) in Node, with a fetch that keeps every request and response.
// Cached in bench/.cache/ (gitignored); benchmarks only read it.
import * as fs from "node:fs/promises";
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { CACHE_DIR } from "./transcript.mjs";

const require = createRequire(import.meta.url);

/** The `@langchain/langgraph-sdk` that `@langchain/react` resolves (its own nested copy). */
async function reactSdk() {
  const reactEntry = require.resolve("@langchain/react");
  const reactRequire = createRequire(reactEntry);
  const sdkPackage = reactRequire.resolve("@langchain/langgraph-sdk/package.json");
  const sdkDir = path.dirname(sdkPackage);
  const version = JSON.parse(await fs.readFile(sdkPackage, "utf8")).version;
  const reactVersion = JSON.parse(
    await fs.readFile(path.join(path.dirname(reactEntry), "..", "package.json"), "utf8"),
  ).version;
  const load = (file) => import(pathToFileURL(path.join(sdkDir, file)).href);
  const [{ Client }, { StreamController }] = await Promise.all([
    load("dist/client/index.js"),
    load("dist/stream/index.js"),
  ]);
  return { Client, StreamController, version, reactVersion };
}

/** Tokens ("t0 ", "t1 ", …) in a message's text, whether a string or text blocks. */
function countTokens(message) {
  const content = message?.content;
  const text =
    typeof content === "string"
      ? content
      : Array.isArray(content)
        ? content.map((block) => (typeof block?.text === "string" ? block.text : "")).join("")
        : "";
  return text.split(" ").filter(Boolean).length;
}

/**
 * One recorded exchange. Bodies are text; a streaming response keeps its body as recorded
 * (the replay re-cuts it into events).
 *
 * @typedef {{ method: string, path: string, requestBody?: string, status: number,
 *   headers: Record<string, string>, body: string, streaming: boolean }} Exchange
 */

/**
 * The recording for `/tokens <tokens>`, made once from the real server.
 *
 * @param {{ tokens: number, refresh?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ tokens: number, exchanges: Exchange[], recordedWith: Record<string, string> }>}
 */
export async function loadProtocolRecording({ tokens, refresh = false, log = () => {} }) {
  const file = path.join(CACHE_DIR, `langchain-react-${tokens}.recording`);
  if (!refresh) {
    try {
      return JSON.parse(await fs.readFile(file, "utf8"));
    } catch {
      // not recorded yet
    }
  }
  log(`recording @langchain/react's stream of /tokens ${tokens} from the embedded Agent Server`);
  const { Client, StreamController, version, reactVersion } = await reactSdk();
  const { startAgentServer } = await import("../../devserver/startAgentServer.mjs");
  const server = await startAgentServer();
  const exchanges = [];
  const recordingFetch = async (input, init = {}) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const requestBody = request.body ? await request.clone().text() : undefined;
    const response = await fetch(request);
    const url = new URL(request.url);
    const headers = Object.fromEntries(response.headers);
    const streaming = (headers["content-type"] ?? "").includes("text/event-stream");
    const exchange = {
      method: request.method,
      path: url.pathname + url.search,
      requestBody,
      status: response.status,
      headers,
      body: "",
      streaming,
    };
    exchanges.push(exchange);
    if (!response.body) return response;
    // Tee: the controller reads one copy while the other is kept as it arrives (the thread's
    // event streams stay open after the run: what came until then is the recording).
    const [mine, theirs] = response.body.tee();
    const reader = mine.getReader();
    const decoder = new TextDecoder();
    readers.push(reader);
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        exchange.body += decoder.decode(value, { stream: true });
      }
    })();
    return new Response(theirs, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  const readers = [];
  const started = performance.now();
  try {
    const info = await (await fetch(`${server.url}/info`)).json();
    const client = new Client({ apiUrl: server.url, callerOptions: { fetch: recordingFetch } });
    const controller = new StreamController({
      assistantId: "agent",
      client,
      threadId: null,
      fetch: recordingFetch,
      messagesKey: "messages",
    });
    const dispose = controller.activate();
    if (process.env.DEBUG_RECORDING)
      setInterval(() => {
        const s = controller.rootStore.getSnapshot();
        log(
          `loading ${s.isLoading} tokens ${countTokens(s.messages?.at(-1))} exchanges ${exchanges.length}`,
        );
      }, 1000).unref();
    await controller.submit({ messages: [{ type: "human", content: `/tokens ${tokens}` }] });
    // The run is over when the controller stops loading and shows every token.
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      const snapshot = controller.rootStore.getSnapshot();
      if (!snapshot.isLoading && countTokens(snapshot.messages?.at(-1)) >= tokens) break;
      if (Date.now() > deadline) throw new Error("the recorded run did not finish in 10 minutes");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // What the streams sent until now is the run; later requests (the controller re-opening
    // its thread streams once the run is over) are not part of it.
    const recorded = exchanges.splice(0);
    // A tee branch's cancel settles only once the other branch is cancelled too: do not wait.
    for (const reader of readers) void reader.cancel().catch(() => {});
    if (typeof dispose === "function") dispose();
    exchanges.push(...recorded);
    const recording = {
      tokens,
      exchanges,
      recordedWith: {
        date: new Date().toISOString(),
        reactVersion,
        sdkVersion: version,
        server: JSON.stringify(info),
        liveSeconds: ((performance.now() - started) / 1000).toFixed(2),
      },
    };
    await fs.mkdir(CACHE_DIR, { recursive: true });
    await fs.writeFile(file, JSON.stringify(recording));
    log(
      `recorded ${exchanges.length} exchanges (${exchanges.map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, ":id")} ${e.status}`).join(", ")}) in ${recording.recordedWith.liveSeconds} s`,
    );
    return recording;
  } finally {
    await server.stop();
  }
}

/**
 * Checks the synthesized stream against a real recording of `tokens` tokens: the same events in
 * the same order with the same data, once run ids, message ids, checkpoint ids, task namespaces
 * and timestamps (which differ from run to run) are blanked. Prints the verdict; resolves true
 * when they match.
 *
 * @example node --import tsx bench/lib/protocolRecording.mjs --check 20000
 */
export async function checkProtocolSynthesis({ tokens, log = console.log }) {
  const { protocolStreams } = await import("../pages/protocolTranscript.ts");
  const template = await loadProtocolRecording({ tokens: 20, log });
  const real = await loadProtocolRecording({ tokens, log });
  const synthesized = protocolStreams(template, { tokens, eventsPerFrame: 1, msPerToken: 0 });
  const blank = (text) =>
    text
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
      .replace(/"timestamp":\d+/g, '"timestamp":0');
  const realContent = real.exchanges.find(
    (e) => e.path.endsWith("/stream/events") && (e.requestBody ?? "").includes('"messages"'),
  );
  const expected = blank(realContent.body).split("\n\n");
  const actual = blank(synthesized.content.map((frame) => frame.text).join("")).split("\n\n");
  const firstDifference = expected.findIndex((event, i) => event !== actual[i]);
  const same = firstDifference < 0 && expected.length === actual.length;
  log(
    same
      ? `synthesized ${tokens}-token stream = real recording (${expected.length - 1} events, ids and timestamps blanked)`
      : `synthesized stream differs at event ${firstDifference}: ${expected[firstDifference]?.slice(0, 300)} / ${actual[firstDifference]?.slice(0, 300)}`,
  );
  return same;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf("--check");
  const tokens = Number(process.argv[at + 1] ?? 20_000);
  const same = await checkProtocolSynthesis({ tokens });
  process.exit(same ? 0 : 1);
}
