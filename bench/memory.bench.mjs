// Benchmark 4: memory bound, in Chromium.
//
//   node --import tsx bench/memory.bench.mjs             # 20,000 and 200,000 events, 2 rounds
//   node --import tsx bench/memory.bench.mjs --quick     # 20,000 events, 1 round
//   ... --tokens 20000,200000 --rounds 2 --only ours,official
//   node --expose-gc --import tsx bench/memory.bench.mjs --event-log   # the event log's byte cap:
//       200 events of 1 MB through the store (Node); retained heap < byte cap + 4 MB
//
// A 20,000- and a 200,000-token messages-tuple stream (`generateTokenTranscript`, all at once:
// speed 0, 16 events per chunk) through each contender (ours, ours-mstream, the floor, the legacy
// hook, @langchain/react with its recorded protocol stream). The page's body pauses after the
// chunks holding a quarter, half and three quarters of the tokens; once the page shows every
// token delivered so far, the Node side forces a full GC (CDP `HeapProfiler.collectGarbage`,
// twice) and reads `Runtime.getHeapUsage`. Once more after the stream ended. The plain views show
// counts only (`data-chars`), not a 1.6 MB text node per render, so the heap is the hook's; the
// text itself (about 1.5 MB for 200k tokens) is held by every contender. `ours-mstream` renders
// the text with <MessageStream> (its V8 heap holds what the component keeps, not the DOM's text).
//
// The page also holds the synthesized transcript (about 1 KB per event: ~200 MB of strings for
// 200k events), the same for every contender: every figure is also given as growth over the
// heap measured the same way right before the stream started.
import * as fs from "node:fs/promises";
import { parseArgs } from "./lib/harness.mjs";
import {
  MB,
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
if (args["event-log"] === true) {
  // node --expose-gc --import tsx bench/memory.bench.mjs --event-log: the log's byte cap, in Node.
  const { measureEventLogByteCap } = await import("./lib/eventLogByteCap.mjs");
  const result = await measureEventLogByteCap({ log: console.log });
  process.exit(result.met ? 0 : 1);
}
const quick = args.quick === true;
const TOKENS = String(args.tokens ?? (quick ? "20000" : "20000,200000"))
  .split(",")
  .map(Number);
const WARMUP = Number(args.warmup ?? 0);
const ROUNDS = Number(args.rounds ?? (quick ? 1 : 2));
const SELECTED = selectContenders(args, ["ours", "ours-mstream", "floor", ...PEERS]);
// @langchain/react did not finish a 200,000-token run in 15 minutes (its time grows faster than
// the stream): by default it runs at 20,000 tokens only (`--peers-at 20000,200000` for both).
const SLOW_PEER = "langchain-react";
const SLOW_PEER_AT = String(args["peers-at"] ?? "20000")
  .split(",")
  .map(Number);
const log = (line) => console.log(line);

const server = await preparePages({ args, log });
const CONTENDERS = server.withBaseline(SELECTED);
// V8 drops the bytecode of functions unused for a few GCs: the page's start-up code would leave
// the heap between checkpoints (each forces two full GCs) and look like a shrinking footprint.
const browser = await launchChromium({ jsFlags: ["--no-flush-bytecode"] });
log(
  `memory: ${TOKENS.join(" and ")} tokens at once (speed 0), 16 events per chunk, checkpoints at ` +
    `a quarter, half and three quarters and after the end; Chromium ${browser.version()}; ` +
    `${await peerVersions()}; ${WARMUP} warm-up + ${ROUNDS} rounds, rotating order; ` +
    `load average ${loadAverage()}`,
);

const results = [];
try {
  for (const tokens of TOKENS) {
    const checkpoints = [0.25, 0.5, 0.75].map((share) => Math.round(tokens * share));
    log("");
    log(`--- ${tokens} tokens (load average ${loadAverage()})`);
    const contenders = CONTENDERS.filter(
      (name) => name !== SLOW_PEER || SLOW_PEER_AT.includes(tokens),
    );
    const runs = await runRoundsInBrowser({
      contenders,
      warmup: WARMUP,
      rounds: ROUNDS,
      log,
      run: async (contender) => {
        const run = await runInPage({
          browser,
          baseUrl: server.baseUrl,
          contender,
          options: { tokens, speed: 0, view: "summary", body: "gated", checkpoints },
          checkpoints: true,
          trace: false,
        });
        const points = [
          ...run.heapAt.map((point) => ({ tokens: Number(point.label), bytes: point.bytes })),
          { tokens, bytes: run.retainedAfterBytes },
        ];
        return {
          ...run,
          points: points.map((point) => ({
            ...point,
            growth: point.bytes - run.baselineHeapBytes,
          })),
        };
      },
      describe: (run) =>
        `${run.points.map((p) => `${Math.round(p.tokens / 1000)}k +${MB(p.growth)}`).join(", ")} MB ` +
        `(${(run.timeToDoneMs / 1000).toFixed(1)} s, ${run.commits} commits)`,
    });
    report(tokens, contenders, runs);
    results.push({ tokens, checkpoints, runs });
  }
} finally {
  await browser.close();
  await server.close();
}

if (typeof args.json === "string") {
  await fs.writeFile(args.json, JSON.stringify({ rounds: ROUNDS, results }, null, 2));
}

function report(tokens, all, runs) {
  const contenders = all.filter((name) => runs[name]);
  if (contenders.length === 0) {
    log(`\n${tokens} tokens: every contender failed (see above)`);
    return;
  }
  const med = (name, pick) => medianOf(runs[name], pick);
  const labels = runs[contenders[0]][0].points.map((point) => point.tokens);
  const last = labels.length - 1;
  log("");
  log(
    `retained heap after a full GC, ${tokens} tokens (MB, medians over rounds): absolute / growth over the heap before the stream`,
  );
  log(
    formatTable(
      [
        "contender",
        "before",
        ...labels.map((count) => `${count.toLocaleString("en-US")} events`),
        "slope MB/100k (2nd half)",
        "time s",
        "commits",
      ],
      contenders.map((name) => {
        const at = (i) => med(name, (r) => r.points[i].bytes);
        const growth = (i) => med(name, (r) => r.points[i].growth);
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
  log("targets (ours): retained heap growth below every peer's; under 50 MB after 200,000 events");
  const peers = PEERS.filter((name) => runs[name]);
  for (const name of contenders.filter((contender) => contender.includes("ours"))) {
    const growth = med(name, (r) => r.points[last].growth);
    const best = Math.min(...peers.map((peer) => med(peer, (r) => r.points[last].growth)));
    log(
      `  ${name}: +${MB(growth)} MB after ${tokens.toLocaleString("en-US")} events: ` +
        `${peers.length === 0 ? "no peer ran" : `${growth < best ? "met" : "MISSED"} (lowest peer +${MB(best)} MB)`}; ` +
        `under 50 MB: ${growth < 50 * 1024 * 1024 ? "met" : "MISSED"}`,
    );
  }
}
