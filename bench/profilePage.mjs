// CPU profile (and optionally a Chromium trace) of one contender's run in the benchmark page.
//
//   node --import tsx bench/profilePage.mjs --contender ours --tokens 20000
//   node --import tsx bench/profilePage.mjs --contender official --tokens 2000 --trace
//   node --import tsx bench/profilePage.mjs --contender ours --speed 1 --ms-per-token 0.5 --events-per-chunk 1 --body eager
//
// Writes bench/.cache/prof/<contender>.cpuprofile (open it in Chrome DevTools' Performance
// panel) and prints the self time per function (bench/lib/profileSummary.mjs). With --trace, also
// writes <contender>.trace.json (DevTools timeline: tasks, layout, paint) and sums the main
// thread's top-level event durations by name.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { parseArgs } from "./lib/harness.mjs";
import { CACHE_DIR } from "./lib/transcript.mjs";
import {
  buildPages,
  launchChromium,
  openContender,
  PAGES_ROOT,
  serveStatic,
} from "./lib/browser.mjs";

const args = parseArgs(process.argv.slice(2));
const contender = String(args.contender ?? "ours");
const options = {
  tokens: Number(args.tokens ?? 20_000),
  speed: Number(args.speed ?? 0),
  msPerToken: Number(args["ms-per-token"] ?? 0),
  eventsPerChunk: Number(args["events-per-chunk"] ?? 16),
  view: String(args.view ?? "text"),
  body: String(args.body ?? "direct"),
  history: Number(args.history ?? 0),
};
const outDir = path.join(CACHE_DIR, "prof");
await fs.mkdir(outDir, { recursive: true });

if (args["no-build"] !== true) await buildPages({ log: console.log });
const server = await serveStatic(PAGES_ROOT);
const browser = await launchChromium();
try {
  const { page, cdp, close } = await openContender(browser, server.url, contender);
  if (contender === "langchain-react") {
    const { loadProtocolRecording } = await import("./lib/protocolRecording.mjs");
    options.protocolRecording = await loadProtocolRecording({ tokens: 20 });
  }
  await page.evaluate((o) => window.__bench.prepare(o), options);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  const traceEvents = [];
  if (args.trace === true) {
    cdp.on("Tracing.dataCollected", ({ value }) => traceEvents.push(...value));
    await cdp.send("Tracing.start", {
      categories:
        "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing",
      transferMode: "ReportEvents",
    });
  }
  await cdp.send("Profiler.start");
  const result = await page.evaluate(() => window.__bench.start());
  const { profile } = await cdp.send("Profiler.stop");
  const file = path.join(outDir, `${contender}.cpuprofile`);
  await fs.writeFile(file, JSON.stringify(profile));
  console.log(JSON.stringify(result, null, 1));
  spawnSync(
    process.execPath,
    [new URL("./lib/profileSummary.mjs", import.meta.url).pathname, file, String(args.top ?? 30)],
    {
      stdio: "inherit",
    },
  );
  if (args.trace === true) {
    const finished = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await finished;
    const traceFile = path.join(outDir, `${contender}.trace.json`);
    await fs.writeFile(traceFile, JSON.stringify({ traceEvents }));
    const main = traceEvents.find(
      (e) => e.name === "thread_name" && e.args?.name === "CrRendererMain",
    );
    const byName = new Map();
    for (const event of traceEvents) {
      if (!main || event.tid !== main.tid || event.pid !== main.pid || event.ph !== "X") continue;
      byName.set(event.name, (byName.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
    }
    console.log(
      `\ntrace: ${traceFile}\nmain-thread complete events (ms, nested events counted in their parents too):`,
    );
    for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
      console.log(`${ms.toFixed(1).padStart(10)}  ${name}`);
    }
  }
  await close();
} finally {
  await browser.close();
  await server.close();
}
