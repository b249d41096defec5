// Benchmark 1: client stream throughput on a recorded 50,000-token `messages-tuple` run.
//
//   npm run bench:client                # node --expose-gc --import tsx bench/clientThroughput.bench.mjs
//   npm run bench:client -- --chunk-kib 64 --rounds 9 --warmup 3 --only ours-v1,floor --json /tmp/out.json
//   npm run bench:client -- --baseline .scratch/client-before/index.ts   # A/B a client change
//
// The bytes come from the real embedded Agent Server (recorded once into bench/.cache/); the
// timed part serves them from memory through a fake `fetch`, in the same fixed-size chunks for
// every contender.
import { createParser } from "eventsource-parser";
import { Client } from "@langchain/langgraph-sdk";
import { createClient } from "../src/client/index.ts";
import { median, pairedRatio, parseArgs, runRounds } from "./lib/harness.mjs";
import { loadTranscript } from "./lib/transcript.mjs";
import * as fs from "node:fs/promises";

const args = parseArgs(process.argv.slice(2));
const TOKENS = Number(args.tokens ?? 50_000);
const CHUNK_BYTES = Number(args["chunk-kib"] ?? 16) * 1024;
const WARMUP = Number(args.warmup ?? 3);
const ROUNDS = Number(args.rounds ?? 9);
const API_URL = "http://bench.invalid";
const log = (line) => console.log(line);

const transcript = await loadTranscript({ tokens: TOKENS, refresh: args.refresh === true, log });
const { bytes, threadId, runId } = transcript;
const EXPECTED_EVENTS = TOKENS + 1; // one metadata event + one messages event per token

// Fixed chunks, cut once and shared by every contender and round (never mutated by a reader).
const chunks = [];
for (let offset = 0; offset < bytes.byteLength; offset += CHUNK_BYTES) {
  chunks.push(bytes.slice(offset, offset + CHUNK_BYTES));
}

const runRecord = JSON.stringify({ run_id: runId, thread_id: threadId, status: "success" });
let streamRequests = 0;

/** Serves the recording; answers a run's GET (status check after the stream closes) too. */
async function fakeFetch(input, init = {}) {
  const url = String(input);
  const method = init.method ?? "GET";
  if (method === "POST" && url.endsWith(`/threads/${threadId}/runs/stream`)) {
    const body = JSON.parse(String(init.body));
    if (JSON.stringify(body.stream_mode) !== '["messages-tuple"]') {
      throw new Error(`unexpected stream_mode ${JSON.stringify(body.stream_mode)}`);
    }
    streamRequests++;
    let next = 0;
    const stream = new ReadableStream(
      {
        pull(controller) {
          if (next < chunks.length) controller.enqueue(chunks[next++]);
          else controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(stream, {
      status: 200,
      headers: { ...transcript.headers, "content-type": "text/event-stream" },
    });
  }
  if (method === "GET" && url.startsWith(`${API_URL}/threads/${threadId}/runs/${runId}`)) {
    return new Response(runRecord, {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }
  throw new Error(`fake fetch: unexpected ${method} ${url}`);
}

// Every contender does the same consumer work per event: count it, and for a `messages`
// event read the chunk's text, so no side can skip decoding what it yields.
const input = { messages: [{ type: "human", content: `/tokens ${TOKENS}` }] };
const ours = createClient({ apiUrl: API_URL, fetch: fakeFetch });
const official = new Client({ apiUrl: API_URL, callerOptions: { fetch: fakeFetch } });

async function runOurs(streamVersion, client = ours) {
  let events = 0;
  let messages = 0;
  let chars = 0;
  const stream = client.runs.stream(threadId, "agent", {
    input,
    streamMode: ["messages-tuple"],
    ...(streamVersion ? { streamVersion } : {}),
  });
  for await (const item of stream) {
    events++;
    const type = streamVersion === "v2" ? item.type : item.event;
    if (type === "messages") {
      messages++;
      chars += item.data[0].content.length;
    }
  }
  return { events, messages, chars };
}

async function runOfficial() {
  let events = 0;
  let messages = 0;
  let chars = 0;
  const stream = official.runs.stream(threadId, "agent", {
    input,
    streamMode: ["messages-tuple"],
  });
  for await (const part of stream) {
    events++;
    if (part.event === "messages") {
      messages++;
      chars += part.data[0].content.length;
    }
  }
  return { events, messages, chars };
}

/** The floor: one reader loop, streaming TextDecoder, eventsource-parser, JSON.parse. */
async function runFloor() {
  let events = 0;
  let messages = 0;
  let chars = 0;
  const response = await fakeFetch(`${API_URL}/threads/${threadId}/runs/stream`, {
    method: "POST",
    body: JSON.stringify({ assistant_id: "agent", input, stream_mode: ["messages-tuple"] }),
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent(message) {
      const data = JSON.parse(message.data);
      events++;
      if (message.event === "messages") {
        messages++;
        chars += data[0].content.length;
      }
    },
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  parser.feed(decoder.decode());
  return { events, messages, chars };
}

const allContenders = [
  { name: "ours-v1", run: () => runOurs(undefined) },
  { name: "ours-v2", run: () => runOurs("v2") },
  { name: "official", run: runOfficial },
  { name: "floor", run: runFloor },
];
// `--baseline <path to a copy of src/client/index.ts>` adds that copy as baseline-v1/-v2 (an
// A/B of a change to the client: `cp -r src/client .scratch/client-before` before editing).
if (typeof args.baseline === "string") {
  const baselineModule = await import(new URL(args.baseline, `file://${process.cwd()}/`).href);
  const baseline = baselineModule.createClient({ apiUrl: API_URL, fetch: fakeFetch });
  allContenders.push(
    { name: "baseline-v1", run: () => runOurs(undefined, baseline) },
    { name: "baseline-v2", run: () => runOurs("v2", baseline) },
  );
}
const only = typeof args.only === "string" ? args.only.split(",") : undefined;
const contenders = only ? allContenders.filter((c) => only.includes(c.name)) : allContenders;

// "t0 " … "t<N-1> ": the exact number of characters every side must have read.
let expectedChars = 0;
for (let i = 0; i < TOKENS; i++) expectedChars += `t${i} `.length;

function check(name, result) {
  const ok =
    result.events === EXPECTED_EVENTS &&
    result.messages === TOKENS &&
    result.chars === expectedChars;
  if (!ok) {
    throw new Error(
      `${name}: got ${JSON.stringify(result)}, expected ${EXPECTED_EVENTS} events, ` +
        `${TOKENS} messages, ${expectedChars} chars`,
    );
  }
}

const sdkVersion = JSON.parse(
  await fs.readFile(
    new URL("../node_modules/@langchain/langgraph-sdk/package.json", import.meta.url),
  ),
).version;
const parserVersion = JSON.parse(
  await fs.readFile(new URL("../node_modules/eventsource-parser/package.json", import.meta.url)),
).version;

log(
  `client stream throughput: ${EXPECTED_EVENTS} events (${TOKENS} messages-tuple + metadata), ` +
    `${(bytes.byteLength / 1e6).toFixed(1)} MB recorded from the real server, ` +
    `${chunks.length} chunks of ${CHUNK_BYTES / 1024} KiB; Node ${process.version}; ` +
    `@langchain/langgraph-sdk ${sdkVersion}; eventsource-parser ${parserVersion}; ` +
    `gc between runs: ${globalThis.gc ? "yes" : "no (run with --expose-gc)"}`,
);
log(`${WARMUP} warm-up rounds, ${ROUNDS} measured rounds, rotating order`);

const requestsBefore = streamRequests;
const { wall, cpu } = await runRounds(contenders, { warmup: WARMUP, rounds: ROUNDS, check, log });
if (streamRequests - requestsBefore !== contenders.length * (WARMUP + ROUNDS)) {
  throw new Error("a contender opened more than one stream per run (reconnected?)");
}

const medianOf = (table) =>
  Object.fromEntries(Object.entries(table).map(([name, ms]) => [name, median(ms)]));
const medians = medianOf(wall);
const cpuMedians = medianOf(cpu);
const mins = Object.fromEntries(Object.entries(wall).map(([name, ms]) => [name, Math.min(...ms)]));
const perSecond = (ms) => Math.round(EXPECTED_EVENTS / (ms / 1000));

log("");
log("contender   median ms   events/s     MB/s    min ms   cpu median ms");
for (const [name, ms] of Object.entries(medians)) {
  log(
    `${name.padEnd(10)} ${ms.toFixed(1).padStart(10)} ${perSecond(ms)
      .toLocaleString("en-US")
      .padStart(10)} ${(bytes.byteLength / 1e6 / (ms / 1000)).toFixed(0).padStart(8)} ${mins[name]
      .toFixed(1)
      .padStart(9)} ${cpuMedians[name].toFixed(1).padStart(15)}`,
  );
}

// Ratios of medians (wall and CPU), and the median of the per-round ratios (same round, so a
// slow phase of the machine hits both sides).
const ratios = {};
const pairs = [];
const ourSides = ["ours-v1", "ours-v2", "baseline-v1", "baseline-v2"];
for (const v of ourSides) {
  if (wall.official && wall[v]) pairs.push([`official/${v}`, "official", v, "target >= 4"]);
}
for (const v of ourSides) {
  if (wall.floor && wall[v]) pairs.push([`${v}/floor`, v, "floor", "target <= 1.25"]);
}
log("");
log("ratio (time)        of medians   cpu medians   per-round median   of minimums");
for (const [label, a, b, target] of pairs) {
  ratios[label] = {
    wallMedians: medians[a] / medians[b],
    cpuMedians: cpuMedians[a] / cpuMedians[b],
    pairedWall: pairedRatio(wall[a], wall[b]),
    wallMinimums: mins[a] / mins[b],
  };
  const r = ratios[label];
  log(
    `${label.padEnd(18)} ${r.wallMedians.toFixed(2).padStart(10)}x ${r.cpuMedians
      .toFixed(2)
      .padStart(12)}x ${r.pairedWall.toFixed(2).padStart(17)}x ${r.wallMinimums
      .toFixed(2)
      .padStart(12)}x   (${target})`,
  );
}

if (typeof args.json === "string") {
  await fs.writeFile(
    args.json,
    JSON.stringify(
      {
        node: process.version,
        sdkVersion,
        parserVersion,
        events: EXPECTED_EVENTS,
        bytes: bytes.byteLength,
        chunkBytes: CHUNK_BYTES,
        chunks: chunks.length,
        warmup: WARMUP,
        rounds: ROUNDS,
        wall,
        cpu,
        medians,
        mins,
        cpuMedians,
        ratios,
        recordedWith: transcript.recordedWith,
      },
      null,
      2,
    ),
  );
}
