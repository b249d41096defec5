// Benchmark 4: memory bound, in Chromium.
//
//   node --import tsx bench/memory.bench.mjs             # 200,000 events, 2 rounds
//   node --import tsx bench/memory.bench.mjs --quick     # 50,000 events, 1 round
//   ... --tokens 200000 --rounds 2 --only ours,official
//   node --expose-gc --import tsx bench/memory.bench.mjs --event-log   # the event log's byte cap:
//       200 events of 1 MB through the store (Node); retained heap < byte cap + 4 MB
//
// A 200,000-token messages-tuple stream (`generateTokenTranscript`, all at once: speed 0, 16
// events per chunk) through each contender. The page's body pauses after the chunks holding
// 50k, 100k and 150k tokens; once the page shows every token delivered so far, the Node side
// forces a full GC (CDP `HeapProfiler.collectGarbage`, twice) and reads `Runtime.getHeapUsage`.
// Once more after the stream ended. The view shows counts only (`data-chars`), not a 1.6 MB
// text node per render, so the heap is the hook's; the text itself (about 1.5 MB for 200k
// tokens) is held by every contender.
//
// The page also holds the synthesized transcript (about 1 KB per event: ~200 MB of strings for
// 200k events), the same for every contender: every figure is also given as growth over the
// heap measured the same way right before the stream started.
import * as fs from "node:fs/promises";
import { parseArgs } from "./lib/harness.mjs";
import {
  MB,
  formatTable,
  launchChromium,
  medianOf,
  runInPage,
  runRoundsInBrowser,
  sdkVersion,
  preparePages,
} from "./lib/browser.mjs";

const args = parseArgs(process.argv.slice(2));
if (args["event-log"] === true) {
  // node --expose-gc --import tsx bench/memory.bench.mjs --event-log: the log's byte cap, in Node.
  const { measureEventLogByteCap } = await import("./lib/eventLogByteCap.mjs");
  const result = await measureEventLogByteCap({ log: console.log });
  process.exit(result.met ? 0 : 1);
}
const quick = args.quick === true;
const TOKENS = Number(args.tokens ?? (quick ? 50_000 : 200_000));
const WARMUP = Number(args.warmup ?? 0);
const ROUNDS = Number(args.rounds ?? (quick ? 1 : 2));
const ALL = ["ours", "official"];
const only = typeof args.only === "string" ? args.only.split(",") : undefined;
const SELECTED = only ? [...ALL, "ours-mstream"].filter((name) => only.includes(name)) : ALL;
const CHECKPOINTS = [0.25, 0.5, 0.75].map((share) => Math.round(TOKENS * share));
const log = (line) => console.log(line);

const sdk = await sdkVersion();
const server = await preparePages({ args, log });
const CONTENDERS = server.withBaseline(SELECTED);
// V8 drops the bytecode of functions unused for a few GCs: the page's start-up code would leave
// the heap between checkpoints (each forces two full GCs) and look like a shrinking footprint.
const browser = await launchChromium({ jsFlags: ["--no-flush-bytecode"] });
log(
  `memory: ${TOKENS} tokens at once (speed 0), 16 events per chunk, checkpoints at ` +
    `${CHECKPOINTS.join(", ")} and after the end; Chromium ${browser.version()}; ` +
    `@langchain/langgraph-sdk ${sdk}; ${WARMUP} warm-up + ${ROUNDS} rounds, rotating order`,
);

let runs;
try {
  runs = await runRoundsInBrowser({
    contenders: CONTENDERS,
    warmup: WARMUP,
    rounds: ROUNDS,
    log,
    run: async (contender) => {
      const run = await runInPage({
        browser,
        baseUrl: server.baseUrl,
        contender,
        options: {
          tokens: TOKENS,
          speed: 0,
          view: "summary",
          body: "gated",
          checkpoints: CHECKPOINTS,
        },
        checkpoints: true,
      });
      const points = [
        ...run.heapAt.map((point) => ({ tokens: Number(point.label), bytes: point.bytes })),
        { tokens: TOKENS, bytes: run.retainedAfterBytes },
      ];
      return {
        ...run,
        points: points.map((point) => ({ ...point, growth: point.bytes - run.baselineHeapBytes })),
      };
    },
    describe: (run) =>
      `${run.points.map((p) => `${Math.round(p.tokens / 1000)}k +${MB(p.growth)}`).join(", ")} MB ` +
      `(${(run.timeToDoneMs / 1000).toFixed(1)} s, ${run.commits} commits)`,
  });
} finally {
  await browser.close();
  await server.close();
}

const med = (name, pick) => medianOf(runs[name], pick);
const labels = runs[CONTENDERS[0]][0].points.map((point) => point.tokens);
log("");
log(
  "retained heap after a full GC (MB, medians over rounds): absolute / growth over the heap before the stream",
);
log(
  formatTable(
    [
      "contender",
      "before",
      ...labels.map((tokens) => `${tokens.toLocaleString("en-US")} events`),
      "slope MB/100k (2nd half)",
      "time s",
      "commits",
    ],
    CONTENDERS.map((name) => {
      const at = (i) => med(name, (r) => r.points[i].bytes);
      const growth = (i) => med(name, (r) => r.points[i].growth);
      const last = labels.length - 1;
      const half = Math.floor(last / 2);
      const slope = ((growth(last) - growth(half)) / (labels[last] - labels[half])) * 100_000;
      return [
        name,
        MB(med(name, (r) => r.baselineHeapBytes)),
        ...labels.map((_, i) => `${MB(at(i))} / +${MB(growth(i))}`),
        MB(slope),
        (med(name, (r) => r.timeToDoneMs) / 1000).toFixed(1),
        med(name, (r) => r.commits).toFixed(0),
      ];
    }),
  ),
);

log("");
log("targets (ours): retained heap after 200,000 events < 50 MB, and flat");
for (const ours of CONTENDERS.filter((name) => name !== "official")) {
  const last = labels.length - 1;
  const growth = med(ours, (r) => r.points[last].growth);
  const first = med(ours, (r) => r.points[0].growth);
  log(
    `  ${ours}: growth after ${labels[last].toLocaleString("en-US")} events ${MB(growth)} MB: ` +
      `${growth < 50 * 1024 * 1024 ? "met" : "MISSED"}; from ${labels[0].toLocaleString("en-US")} events on ` +
      `it grew ${MB(growth - first)} MB over ${(labels[last] - labels[0]).toLocaleString("en-US")} events ` +
      `(the text itself grows ${MB((labels[last] - labels[0]) * 7.5)} MB at ~7.5 chars per token, 1 byte each)`,
  );
}

if (typeof args.json === "string") {
  await fs.writeFile(
    args.json,
    JSON.stringify(
      { tokens: TOKENS, checkpoints: CHECKPOINTS, rounds: ROUNDS, sdkVersion: sdk, runs },
      null,
      2,
    ),
  );
}
