// Benchmark 3: latency at a steady rate, in Chromium.
//
//   node --import tsx bench/latency.bench.mjs              # 500 and 2,000 events/s for 10 s, 3 rounds
//   node --import tsx bench/latency.bench.mjs --quick      # 4 s, 1 round, no warm-up
//   ... --rate 500,2000 --seconds 10 --events-per-chunk 1 --rounds 3 --only ours,official
//
// Contenders: ours, ours-mstream, the floor, the legacy hook (official) and @langchain/react
// (langchain-react), see lib/browser.mjs. Besides each token's latency: the first token, from
// submit() and from the stream's first byte (when the pump enqueued the body's first chunk) to
// the end of the frame that painted it; and main-thread CPU against the floor's.
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
  PEERS,
  formatTable,
  launchChromium,
  loadAverage,
  medianOf,
  peerVersions,
  preparePages,
  runInPage,
  runRoundsInBrowser,
  selectContenders,
} from "./lib/browser.mjs";

const args = parseArgs(process.argv.slice(2));
const quick = args.quick === true;
const RATES = String(args.rate ?? (quick ? "2000" : "500,2000"))
  .split(",")
  .map(Number);
const SECONDS = Number(args.seconds ?? (quick ? 4 : 10));
const PER_CHUNK = Number(args["events-per-chunk"] ?? 1);
const WARMUP = Number(args.warmup ?? (quick ? 0 : 1));
const ROUNDS = Number(args.rounds ?? (quick ? 1 : 3));
const SELECTED = selectContenders(args, ["ours", "ours-mstream", "floor", ...PEERS]);
const log = (line) => console.log(line);

const server = await preparePages({ args, log });
const ALL_CONTENDERS = server.withBaseline(SELECTED);
const browser = await launchChromium();
log(
  `latency: ${RATES.join(" and ")} events/s for ${SECONDS} s, ${PER_CHUNK} event(s) per chunk, ` +
    `replay speed 1; Chromium ${browser.version()}; ${await peerVersions()}; ` +
    `${WARMUP} warm-up round(s) of 2 s + ${ROUNDS} rounds, rotating order; load average ${loadAverage()}`,
);

const results = [];
try {
  for (const rate of RATES) {
    const tokens = Math.round(rate * SECONDS);
    log("");
    log(`--- ${rate} events/s, ${tokens} tokens (load average ${loadAverage()})`);
    const runs = await runRoundsInBrowser({
      contenders: ALL_CONTENDERS,
      warmup: WARMUP,
      rounds: ROUNDS,
      log,
      run: (contender, measured) =>
        runInPage({
          browser,
          baseUrl: server.baseUrl,
          contender,
          options: {
            tokens: measured ? tokens : Math.round(rate * 2),
            speed: 1,
            msPerToken: 1000 / rate,
            eventsPerChunk: PER_CHUNK,
            view: "text",
            body: "eager",
          },
        }),
      describe: (run) =>
        `p50 ${run.latency.fromEnqueue.p50.toFixed(1)} / p95 ${run.latency.fromEnqueue.p95.toFixed(1)} ms, ` +
        `first token ${run.firstTokenFromSubmitMs.toFixed(1)} / ${run.firstTokenFromFirstByteMs.toFixed(1)} ms ` +
        `(${run.commits} commits, longest task ${run.tasks.longestCpuMs.toFixed(0)} ms cpu, ` +
        `busy ${run.tasks.busyCpuMs.toFixed(0)} ms cpu)`,
    });
    results.push({ rate, tokens, runs, ratios: report(rate, runs) });
  }
} finally {
  await browser.close();
  await server.close();
}

if (typeof args.json === "string") {
  await fs.writeFile(
    args.json,
    JSON.stringify(
      {
        rates: RATES,
        seconds: SECONDS,
        perChunk: PER_CHUNK,
        warmup: WARMUP,
        rounds: ROUNDS,
        results,
      },
      null,
      2,
    ),
  );
}

/** Prints one rate's medians, ratios and targets; returns the ratios. */
function report(rate, runs) {
  const CONTENDERS = ALL_CONTENDERS.filter((name) => runs[name]);
  const med = (name, pick) => medianOf(runs[name], pick);
  log("");
  log(`medians over rounds, ${rate} events/s (ms; per round: percentiles over every token):`);
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
        "first token (submit)",
        "first token (1st byte)",
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
        med(name, (r) => r.firstTokenFromSubmitMs).toFixed(1),
        med(name, (r) => r.firstTokenFromFirstByteMs).toFixed(1),
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

  const ours = CONTENDERS.filter((name) => name.includes("ours"));
  const ratios = {};
  const metric = (a, b, label, pick) => {
    const ratio = med(a, pick) / med(b, pick);
    const paired = pairedRatio(runs[a].map(pick), runs[b].map(pick));
    ratios[`${a}/${b} ${label}`] = { ofMedians: ratio, paired };
    return `${label} ${ratio.toFixed(2)}x (${paired.toFixed(2)}x)`;
  };
  for (const peer of PEERS.filter((name) => runs[name])) {
    log("");
    log(`${peer} / ours (ratio of medians; median of per-round ratios in brackets):`);
    for (const name of ours) {
      log(
        `  ${name.padEnd(13)} ${metric(peer, name, "p50", (r) => r.latency.fromEnqueue.p50)}, ` +
          `${metric(peer, name, "p95", (r) => r.latency.fromEnqueue.p95)}, ` +
          `${metric(peer, name, "first token (submit)", (r) => r.firstTokenFromSubmitMs)}, ` +
          `${metric(peer, name, "first token (1st byte)", (r) => r.firstTokenFromFirstByteMs)}, ` +
          `${metric(peer, name, "busy cpu", (r) => r.tasks.busyCpuMs)}`,
      );
    }
  }
  if (runs.floor) {
    log("");
    log(`ours / floor, main-thread cpu (target <= 1.1 when paced):`);
    for (const name of ours) {
      log(`  ${name.padEnd(13)} ${metric(name, "floor", "busy cpu", (r) => r.tasks.busyCpuMs)}`);
    }
  }

  log("");
  log("targets (ours): latency p95 <= 33 ms (2 frames); first token no later than any peer's");
  const peers = PEERS.filter((name) => runs[name]);
  for (const name of ours) {
    const p95 = med(name, (r) => r.latency.fromEnqueue.p95);
    const worst = Math.max(...runs[name].map((r) => r.latency.fromEnqueue.p95));
    const first = (pick) => {
      const mine = med(name, pick);
      const best = Math.min(...peers.map((peer) => med(peer, pick)));
      return `${mine <= best ? "met" : "MISSED"} (${mine.toFixed(1)} ms; best peer ${best.toFixed(1)} ms)`;
    };
    log(
      `  ${name}: p95 ${p95 <= 33 ? "met" : "MISSED"} (median ${p95.toFixed(1)} ms, worst round ${worst.toFixed(1)} ms); ` +
        `first token from submit ${first((r) => r.firstTokenFromSubmitMs)}, ` +
        `from the first byte ${first((r) => r.firstTokenFromFirstByteMs)}`,
    );
  }
  return ratios;
}
