// Benchmark 2: render under a token storm, in Chromium.
//
//   node --import tsx bench/renderStorm.bench.mjs            # 20,000 tokens (empty chat, 100 prior
//                                                             # messages) and 200,000 tokens
//   node --import tsx bench/renderStorm.bench.mjs --quick    # 20,000 tokens, 2 rounds, no history
//   ... --tokens 20000,200000 --rounds 7 --warmup 1 --history 0,100,500 --only ours,floor --json /tmp/storm.json
//   ... --peers-at 200000     # also run the peers at 200,000 tokens (minutes per run)
//
// A chat view renders a messages-tuple stream that is entirely available at once
// (`createReplayFetch(generateTokenTranscript({ tokens }), { speed: 0 })`: no timer, no yield
// between chunks). Contenders, each in a fresh page, same bytes and chunks (see lib/browser.mjs):
//   ours             useRunStream, messages rendered as plain text (one <p> per message)
//   ours-mstream     useRunController + <MessageStream run> with the kit's stylesheet
//   floor            eventsource-parser + JSON.parse, one setState per frame, the same plain view
//   official         @langchain/langgraph-sdk/react useStream (the legacy hook), the same plain view
//   langchain-react  @langchain/react useStream (thread protocol, its recorded stream), the same view
// Scenarios: the reply streams into an empty chat, into a chat of 100 prior messages loaded from
// the thread's state when the app mounted (at most 3 rounds, no warm-up), and a 200,000-token
// reply into an empty chat (at most 3 rounds; the peers only with --peers-at 200000: the legacy
// hook commits once per token).
import * as fs from "node:fs/promises";
import { parseArgs, pairedRatio } from "./lib/harness.mjs";
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
const quick = args.quick === true;
const TOKENS = String(args.tokens ?? (quick ? "20000" : "20000,200000"))
  .split(",")
  .map(Number);
const HISTORIES = String(args.history ?? (quick ? "0" : "0,100"))
  .split(",")
  .map(Number);
const WARMUP = Number(args.warmup ?? (quick ? 0 : 1));
const ROUNDS = Number(args.rounds ?? (quick ? 2 : 5));
const PEERS_AT = String(args["peers-at"] ?? "20000")
  .split(",")
  .map(Number);
const SELECTED = selectContenders(args, ["ours", "ours-mstream", "floor", ...PEERS]);
const log = (line) => console.log(line);

const server = await preparePages({ args, log });
const browser = await launchChromium();
log(
  `render storm: ${TOKENS.join(", ")} tokens at once (speed 0), 16 events per chunk; ` +
    `Chromium ${browser.version()}; ${await peerVersions()}; rotating order; prior messages: ` +
    `${HISTORIES.join(", ")} (at ${TOKENS[0]} tokens); load average ${loadAverage()}`,
);

// Every token count with an empty chat; the first one also with each history.
const scenarios = [];
for (const tokens of TOKENS) {
  for (const history of tokens === TOKENS[0] ? HISTORIES : [0]) scenarios.push({ tokens, history });
}

const results = [];
try {
  for (const { tokens, history } of scenarios) {
    const heavy = tokens > 50_000;
    const warmup = history === 0 && !heavy ? WARMUP : 0;
    const rounds = history === 0 && !heavy ? ROUNDS : Math.min(ROUNDS, 3);
    const contenders = server.withBaseline(
      SELECTED.filter((name) => !PEERS.includes(name) || PEERS_AT.includes(tokens)),
    );
    log("");
    log(
      `--- ${tokens} tokens, ${history} prior messages: ${warmup} warm-up + ${rounds} rounds ` +
        `(load average ${loadAverage()})`,
    );
    const runs = await runRoundsInBrowser({
      contenders,
      warmup,
      rounds,
      log,
      run: (contender) =>
        runInPage({
          browser,
          baseUrl: server.baseUrl,
          contender,
          options: { tokens, speed: 0, view: "text", body: "direct", history },
          sampleHeapEveryMs: 20,
          retained: true,
        }),
      describe: (run) =>
        `${run.timeToFinalTextMs.toFixed(0)} ms (${run.commits} commits, longest task ` +
        `${run.longTasks.maxMs.toFixed(0)} ms wall / ${run.tasks.longestCpuMs.toFixed(0)} ms cpu, ` +
        `busy ${run.tasks.busyCpuMs.toFixed(0)} ms cpu, retained +${MB(run.retainedGrowthBytes)} MB)`,
    });
    results.push({
      tokens,
      history,
      warmup,
      rounds,
      runs,
      ratios: report(tokens, history, contenders, runs),
    });
  }
} finally {
  await browser.close();
  await server.close();
}

if (typeof args.json === "string") {
  await fs.writeFile(args.json, JSON.stringify({ scenarios: results }, null, 2));
}

/** Prints one scenario's medians, ratios and targets; returns the ratios. */
function report(tokens, history, all, runs) {
  const contenders = all.filter((name) => runs[name]);
  const med = (name, pick) => medianOf(runs[name], pick);
  log("");
  log(
    `medians, ${tokens} tokens, ${history} prior messages (ms unless noted; long tasks = ` +
      "PerformanceObserver 'longtask', wall clock;",
  );
  log(" cpu = the renderer main thread's own time per task, from a Chromium trace):");
  log(
    formatTable(
      [
        "contender",
        "final text",
        "done",
        "commits",
        "frames",
        "max commits/frame",
        "mid-stream",
        "long tasks",
        "longest",
        "long total",
        "longest cpu",
        ">50 cpu",
        "busy cpu",
        "busy wall",
        "script",
        "layout",
        "react",
        "peak growth MB",
        "retained MB",
      ],
      contenders.map((name) => [
        name,
        med(name, (r) => r.timeToFinalTextMs).toFixed(0),
        med(name, (r) => r.timeToDoneMs).toFixed(0),
        med(name, (r) => r.commits).toFixed(0),
        med(name, (r) => r.frames).toFixed(0),
        med(name, (r) => r.maxCommitsPerFrame).toFixed(0),
        med(name, (r) => r.maxCommitsPerFrameMidStream).toFixed(0),
        med(name, (r) => r.longTasks.count).toFixed(0),
        med(name, (r) => r.longTasks.maxMs).toFixed(0),
        med(name, (r) => r.longTasks.totalMs).toFixed(0),
        med(name, (r) => r.tasks.longestCpuMs).toFixed(0),
        med(name, (r) => r.tasks.overCpu).toFixed(0),
        med(name, (r) => r.tasks.busyCpuMs).toFixed(0),
        med(name, (r) => r.tasks.busyWallMs).toFixed(0),
        med(name, (r) => r.scriptMs).toFixed(0),
        med(name, (r) => r.layoutMs).toFixed(0),
        med(name, (r) => r.renderMs).toFixed(0),
        MB(med(name, (r) => r.peakGrowthBytes)),
        `+${MB(med(name, (r) => r.retainedGrowthBytes))}`,
      ]),
    ),
  );

  const ours = contenders.filter((name) => name.includes("ours"));
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
        `  ${name.padEnd(13)} ${metric(peer, name, "final text", (r) => r.timeToFinalTextMs)}, ` +
          `${metric(peer, name, "commits", (r) => r.commits)}, ` +
          `${metric(peer, name, "busy cpu", (r) => r.tasks.busyCpuMs)}, ` +
          `${metric(peer, name, "retained", (r) => r.retainedGrowthBytes)}`,
      );
    }
  }
  if (runs.floor) {
    log("");
    log("ours / floor, main-thread cpu (target <= 1.5 in a burst):");
    for (const name of ours) {
      log(`  ${name.padEnd(13)} ${metric(name, "floor", "busy cpu", (r) => r.tasks.busyCpuMs)}`);
    }
  }

  log("");
  log("targets (ours):");
  const mark = (ok) => (ok ? "met" : "MISSED");
  for (const name of ours) {
    const worst = (pick) => Math.max(...runs[name].map(pick));
    const maxPerFrame = worst((r) => r.maxCommitsPerFrame);
    const maxMidStream = worst((r) => r.maxCommitsPerFrameMidStream);
    const longest = worst((r) => r.longTasks.maxMs);
    const longestCpu = worst((r) => r.tasks.longestCpuMs);
    const ratio = runs.official
      ? med("official", (r) => r.timeToFinalTextMs) / med(name, (r) => r.timeToFinalTextMs)
      : NaN;
    log(
      `  ${name}: one commit per frame mid-stream: ${mark(maxMidStream <= 1)} (worst ${maxMidStream}; ` +
        `worst frame of the whole run ${maxPerFrame}, lifecycle commits included); ` +
        `final text <= 1/4 of official: ${Number.isNaN(ratio) ? "n/a" : `${mark(ratio >= 4)} (${ratio.toFixed(2)}x)`}; ` +
        `no task > 50 ms: wall ${mark(longest <= 50)} (longest ${longest.toFixed(0)} ms), ` +
        `thread time ${mark(longestCpu <= 50)} (longest ${longestCpu.toFixed(0)} ms), over all rounds`,
    );
  }

  return ratios;
}
