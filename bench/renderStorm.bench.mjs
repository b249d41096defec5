// Benchmark 2: render under a token storm, in Chromium.
//
//   node --import tsx bench/renderStorm.bench.mjs            # 1 warm-up + 5 rounds (+ 3 with history)
//   node --import tsx bench/renderStorm.bench.mjs --quick    # 0 warm-up + 2 rounds, no history
//   ... --tokens 20000 --rounds 7 --warmup 1 --history 0,100,500 --only ours,official --json /tmp/storm.json
//
// A chat view renders a 20,000-token messages-tuple stream that is entirely available at once
// (`createReplayFetch(generateTokenTranscript({ tokens }), { speed: 0 })`: no timer, no yield
// between chunks). Contenders, each in a fresh page, same bytes and chunks:
//   ours          useRunStream, messages rendered as plain text (one <p> per message)
//   ours-mstream  useRunController + <MessageStream runKey> with the kit's stylesheet
//   official      @langchain/langgraph-sdk/react useStream (Client with callerOptions.fetch),
//                 messages rendered as plain text, exactly like `ours`
// Scenarios (`--history`): the reply streams into an empty chat (0), and into a chat of 100
// prior messages loaded from the thread's state when the app mounted (at most 3 rounds, no
// warm-up).
import * as fs from "node:fs/promises";
import { parseArgs, pairedRatio } from "./lib/harness.mjs";
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
const quick = args.quick === true;
const TOKENS = Number(args.tokens ?? 20_000);
const HISTORIES = String(args.history ?? (quick ? "0" : "0,100"))
  .split(",")
  .map(Number);
const WARMUP = Number(args.warmup ?? (quick ? 0 : 1));
const ROUNDS = Number(args.rounds ?? (quick ? 2 : 5));
const ALL = ["ours", "ours-mstream", "official"];
const only = typeof args.only === "string" ? args.only.split(",") : undefined;
const SELECTED = only ? ALL.filter((name) => only.includes(name)) : ALL;
const log = (line) => console.log(line);

const sdk = await sdkVersion();
const server = await preparePages({ args, log });
const CONTENDERS = server.withBaseline(SELECTED);
const browser = await launchChromium();
log(
  `render storm: ${TOKENS} tokens at once (speed 0), 16 events per chunk; Chromium ${browser.version()}; ` +
    `@langchain/langgraph-sdk ${sdk}; rotating order; prior messages: ${HISTORIES.join(", ")}`,
);

const scenarios = [];
try {
  for (const history of HISTORIES) {
    const warmup = history === 0 ? WARMUP : 0;
    const rounds = history === 0 ? ROUNDS : Math.min(ROUNDS, 3);
    log("");
    log(`--- ${history} prior messages: ${warmup} warm-up + ${rounds} rounds`);
    const runs = await runRoundsInBrowser({
      contenders: CONTENDERS,
      warmup,
      rounds,
      log,
      run: (contender) =>
        runInPage({
          browser,
          baseUrl: server.baseUrl,
          contender,
          options: { tokens: TOKENS, speed: 0, view: "text", body: "direct", history },
          sampleHeapEveryMs: 20,
        }),
      describe: (run) =>
        `${run.timeToFinalTextMs.toFixed(0)} ms (${run.commits} commits, longest task ` +
        `${run.longTasks.maxMs.toFixed(0)} ms wall / ${run.tasks.longestCpuMs.toFixed(0)} ms cpu)`,
    });
    scenarios.push({ history, warmup, rounds, runs, ratios: report(history, runs) });
  }
} finally {
  await browser.close();
  await server.close();
}

if (typeof args.json === "string") {
  await fs.writeFile(
    args.json,
    JSON.stringify({ tokens: TOKENS, sdkVersion: sdk, scenarios }, null, 2),
  );
}

/** Prints one scenario's medians, ratios and targets; returns the ratios. */
function report(history, runs) {
  const med = (name, pick) => medianOf(runs[name], pick);
  log("");
  log(
    `medians, ${history} prior messages (ms unless noted; long tasks = PerformanceObserver 'longtask', wall clock;`,
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
        "peak heap MB",
        "peak growth MB",
      ],
      CONTENDERS.map((name) => [
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
        MB(med(name, (r) => r.peakHeapBytes)),
        MB(med(name, (r) => r.peakGrowthBytes)),
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
        `  ${ours.padEnd(13)} ${metric("final text", (r) => r.timeToFinalTextMs)}, ` +
          `${metric("commits", (r) => r.commits)}, ${metric("busy cpu", (r) => r.tasks.busyCpuMs)}, ` +
          `${metric("peak heap growth", (r) => r.peakGrowthBytes)}`,
      );
    }
  }

  log("");
  log("targets (ours):");
  const mark = (ok) => (ok ? "met" : "MISSED");
  for (const ours of CONTENDERS.filter((name) => name !== "official")) {
    const worst = (pick) => Math.max(...runs[ours].map(pick));
    const maxPerFrame = worst((r) => r.maxCommitsPerFrame);
    const maxMidStream = worst((r) => r.maxCommitsPerFrameMidStream);
    const longest = worst((r) => r.longTasks.maxMs);
    const longestCpu = worst((r) => r.tasks.longestCpuMs);
    const ratio = runs.official
      ? med("official", (r) => r.timeToFinalTextMs) / med(ours, (r) => r.timeToFinalTextMs)
      : NaN;
    log(
      `  ${ours}: one commit per frame mid-stream: ${mark(maxMidStream <= 1)} (worst ${maxMidStream}; ` +
        `worst frame of the whole run ${maxPerFrame}, lifecycle commits included); ` +
        `final text <= 1/4 of official: ${Number.isNaN(ratio) ? "n/a" : `${mark(ratio >= 4)} (${ratio.toFixed(2)}x)`}; ` +
        `no task > 50 ms: wall ${mark(longest <= 50)} (longest ${longest.toFixed(0)} ms), ` +
        `thread time ${mark(longestCpu <= 50)} (longest ${longestCpu.toFixed(0)} ms), over all rounds`,
    );
  }

  return ratios;
}
