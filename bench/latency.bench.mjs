// Benchmark 3: latency at a steady rate, in Chromium.
//
//   node --import tsx bench/latency.bench.mjs              # 2,000 events/s for 10 s, 3 rounds
//   node --import tsx bench/latency.bench.mjs --quick      # 4 s, 1 round, no warm-up
//   ... --rate 2000 --seconds 10 --events-per-chunk 1 --rounds 3 --only ours,official
//
// The replay plays `generateTokenTranscript({ tokens: rate * seconds, msPerToken: 1000 / rate,
// eventsPerFrame })` at its recorded timing (speed 1), every event its own network chunk by
// default. A pump in the page reads the replay's body as it comes (as a socket buffer fills
// while the page is busy) and stamps every chunk when it is enqueued into the body the client
// reads. A token's latency is from that stamp to the end of the first frame that painted it
// (bench/pages/paintTracker.ts). Also reported from the transcript's schedule (stricter: it
// counts the replay's timers running late as latency too).
import * as fs from "node:fs/promises";
import { parseArgs, pairedRatio } from "./lib/harness.mjs";
import {
  formatTable,
  launchChromium,
  medianOf,
  runInPage,
  runRoundsInBrowser,
  sdkVersion,
  preparePages,
} from "./lib/browser.mjs";

const args = parseArgs(process.argv.slice(2));
const quick = args.quick === true;
const RATE = Number(args.rate ?? 2_000);
const SECONDS = Number(args.seconds ?? (quick ? 4 : 10));
const PER_CHUNK = Number(args["events-per-chunk"] ?? 1);
const WARMUP = Number(args.warmup ?? (quick ? 0 : 1));
const ROUNDS = Number(args.rounds ?? (quick ? 1 : 3));
const ALL = ["ours", "ours-mstream", "official"];
const only = typeof args.only === "string" ? args.only.split(",") : undefined;
const SELECTED = only ? ALL.filter((name) => only.includes(name)) : ALL;
const TOKENS = Math.round(RATE * SECONDS);
const log = (line) => console.log(line);

const sdk = await sdkVersion();
const server = await preparePages({ args, log });
const CONTENDERS = server.withBaseline(SELECTED);
const browser = await launchChromium();
log(
  `latency: ${RATE} events/s for ${SECONDS} s (${TOKENS} tokens), ${PER_CHUNK} event(s) per chunk, ` +
    `replay speed 1; Chromium ${browser.version()}; @langchain/langgraph-sdk ${sdk}; ` +
    `${WARMUP} warm-up round(s) of 2 s + ${ROUNDS} rounds, rotating order`,
);

let runs;
try {
  runs = await runRoundsInBrowser({
    contenders: CONTENDERS,
    warmup: WARMUP,
    rounds: ROUNDS,
    log,
    run: (contender, measured) =>
      runInPage({
        browser,
        baseUrl: server.baseUrl,
        contender,
        options: {
          tokens: measured ? TOKENS : Math.round(RATE * 2),
          speed: 1,
          msPerToken: 1000 / RATE,
          eventsPerChunk: PER_CHUNK,
          view: "text",
          body: "eager",
        },
      }),
    describe: (run) =>
      `p50 ${run.latency.fromEnqueue.p50.toFixed(1)} / p95 ${run.latency.fromEnqueue.p95.toFixed(1)} ms ` +
      `(${run.commits} commits, longest task ${run.tasks.longestCpuMs.toFixed(0)} ms cpu)`,
  });
} finally {
  await browser.close();
  await server.close();
}

const med = (name, pick) => medianOf(runs[name], pick);
log("");
log("medians over rounds (ms; per round: percentiles over every token):");
log(
  formatTable(
    [
      "contender",
      "p50",
      "p95",
      "p99",
      "max",
      "p50 sched",
      "p95 sched",
      "enqueue lag p95",
      "done",
      "commits",
      "frames",
      "max commits/frame",
      "longest cpu",
      "longest wall",
      "busy cpu",
    ],
    CONTENDERS.map((name) => [
      name,
      med(name, (r) => r.latency.fromEnqueue.p50).toFixed(1),
      med(name, (r) => r.latency.fromEnqueue.p95).toFixed(1),
      med(name, (r) => r.latency.fromEnqueue.p99).toFixed(1),
      med(name, (r) => r.latency.fromEnqueue.max).toFixed(1),
      med(name, (r) => r.latency.fromSchedule.p50).toFixed(1),
      med(name, (r) => r.latency.fromSchedule.p95).toFixed(1),
      med(name, (r) => r.latency.enqueueLag.p95).toFixed(1),
      med(name, (r) => r.timeToDoneMs).toFixed(0),
      med(name, (r) => r.commits).toFixed(0),
      med(name, (r) => r.frames).toFixed(0),
      med(name, (r) => r.maxCommitsPerFrame).toFixed(0),
      med(name, (r) => r.tasks.longestCpuMs).toFixed(0),
      med(name, (r) => r.tasks.longestWallMs).toFixed(0),
      med(name, (r) => r.tasks.busyCpuMs).toFixed(0),
    ]),
  ),
);

const ratios = {};
if (runs.official) {
  log("");
  log("official / ours (ratio of medians; median of per-round ratios in brackets):");
  for (const ours of CONTENDERS.filter((name) => name !== "official")) {
    const metric = (label, pick) => {
      const ratio = med("official", pick) / med(ours, pick);
      const paired = pairedRatio(runs.official.map(pick), runs[ours].map(pick));
      ratios[`official/${ours} ${label}`] = { ofMedians: ratio, paired };
      return `${label} ${ratio.toFixed(2)}x (${paired.toFixed(2)}x)`;
    };
    log(
      `  ${ours.padEnd(13)} ${metric("p50", (r) => r.latency.fromEnqueue.p50)}, ` +
        `${metric("p95", (r) => r.latency.fromEnqueue.p95)}, ${metric("commits", (r) => r.commits)}, ` +
        `${metric("busy cpu", (r) => r.tasks.busyCpuMs)}`,
    );
  }
}

log("");
log("targets (ours): latency p95 <= 33 ms (2 frames)");
for (const ours of CONTENDERS.filter((name) => name !== "official")) {
  const p95 = med(ours, (r) => r.latency.fromEnqueue.p95);
  const worst = Math.max(...runs[ours].map((r) => r.latency.fromEnqueue.p95));
  const sched = med(ours, (r) => r.latency.fromSchedule.p95);
  log(
    `  ${ours}: ${p95 <= 33 ? "met" : "MISSED"} (median p95 ${p95.toFixed(1)} ms, worst round ${worst.toFixed(1)} ms; ` +
      `from the schedule ${sched.toFixed(1)} ms)`,
  );
}

if (typeof args.json === "string") {
  await fs.writeFile(
    args.json,
    JSON.stringify(
      {
        rate: RATE,
        seconds: SECONDS,
        perChunk: PER_CHUNK,
        warmup: WARMUP,
        rounds: ROUNDS,
        sdkVersion: sdk,
        runs,
        ratios,
      },
      null,
      2,
    ),
  );
}
