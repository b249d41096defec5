// The Node side of the browser benchmarks (2–4): builds bench/pages with Vite (production React,
// profiling build so <Profiler> reports commits), serves it, and drives Chromium with
// playwright-core and the Chrome DevTools Protocol.
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import { chromiumArgs, chromiumPath } from "../../scripts/chromium.mjs";
import { median } from "./harness.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
export const PAGES_DIR = path.join(ROOT, "bench/pages");
/**
 * Where the pages are built. Under node_modules/.cache, not bench/.cache: ESLint ignores
 * node_modules but would lint built JavaScript in bench/.cache (`npm run lint` runs `eslint .`).
 */
export const PAGES_ROOT = path.join(ROOT, "node_modules/.cache/langgraph-runs-react-bench");
export const PAGES_OUT = path.join(PAGES_ROOT, "pages");
/** The same page built against another copy of src/ (`--baseline <dir>`). */
export const BASELINE_OUT = path.join(PAGES_ROOT, "pages-baseline");

/**
 * Builds the benchmark page (one HTML page; each contender is its own chunk, loaded by
 * `?contender=`). Production mode, React's profiling build (`react-dom/profiling`: production
 * code plus <Profiler> callbacks), not minified (readable CPU profiles; minifying changes
 * parse time only).
 */
export async function buildPages({ log = () => {}, srcDir, outDir = PAGES_OUT } = {}) {
  const started = performance.now();
  // react-dom/profiling takes its shared internals from react-dom itself: alias only the
  // client entry.
  const alias = [{ find: /^react-dom\/client$/, replacement: "react-dom/profiling" }];
  // The page imports the kit as ../../src/… (or ../../../src/…): point those at the copy.
  if (srcDir) alias.push({ find: /^(?:\.\.\/)+src\//, replacement: `${path.resolve(srcDir)}/` });
  await build({
    configFile: false,
    root: PAGES_DIR,
    base: "./",
    logLevel: "error",
    mode: "production",
    plugins: [react()],
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    resolve: { alias },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      target: "es2022",
    },
  });
  log(
    `built bench/pages${srcDir ? ` against ${srcDir}` : ""} in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * Builds the page (and, with `--baseline <copy of src>`, the same page against that copy, for an
 * A/B of a change: `cp -r src .scratch/src-before` before editing) and serves both. Contenders
 * named `baseline:<name>` load from the baseline build.
 */
export async function preparePages({ args, log }) {
  await buildPages({ log });
  const baseline = typeof args.baseline === "string" ? args.baseline : undefined;
  if (baseline) await buildPages({ log, srcDir: baseline, outDir: BASELINE_OUT });
  const server = await serveStatic(PAGES_ROOT);
  return {
    baseUrl: server.url,
    close: server.close,
    /** The contenders plus `baseline:<name>` for each of ours, when there is a baseline. */
    withBaseline: (contenders) =>
      baseline
        ? [
            ...contenders,
            ...contenders
              .filter((name) => name.startsWith("ours"))
              .map((name) => `baseline:${name}`),
          ]
        : contenders,
  };
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Serves a directory on 127.0.0.1 (a free port). */
export async function serveStatic(dir) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const file = path.join(
      dir,
      url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname,
    );
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Headless Chromium with precise `performance.memory` and `gc()` in pages (the page calls it
 * only while preparing, untimed); `jsFlags` adds V8 flags.
 */
export function launchChromium({ jsFlags = [] } = {}) {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      ...chromiumArgs,
      "--enable-precise-memory-info",
      `--js-flags=${["--expose-gc", ...jsFlags].join(" ")}`,
    ],
  });
}

/**
 * A fresh context and page on `?contender=name`, with a CDP session (Performance and
 * HeapProfiler enabled). Console errors and page errors are collected.
 */
export async function openContender(browser, baseUrl, contender) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  await cdp.send("HeapProfiler.enable");
  const [dir, name] = contender.startsWith("baseline:")
    ? ["pages-baseline", contender.slice("baseline:".length)]
    : ["pages", contender];
  await page.goto(`${baseUrl}/${dir}/?contender=${name}`);
  await page.waitForFunction(() => typeof window.__bench === "object");
  return { context, page, cdp, errors, close: () => context.close() };
}

/** The renderer main thread's accumulated task time (ms), from CDP `Performance.getMetrics`. */
export async function taskDuration(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const value = (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    taskMs: value("TaskDuration") * 1000,
    scriptMs: value("ScriptDuration") * 1000,
    layoutMs: value("LayoutDuration") * 1000,
    styleMs: value("RecalcStyleDuration") * 1000,
  };
}

/**
 * Samples `Runtime.getHeapUsage` every `everyMs` until stopped (V8 answers the inspector even
 * while the page runs a long task). Resolves with the peak used size and the sample count.
 */
export function sampleHeap(cdp, everyMs = 20) {
  let running = true;
  let peak = 0;
  let samples = 0;
  let longestGap = 0;
  const loop = (async () => {
    let last = performance.now();
    while (running) {
      const { usedSize } = await cdp.send("Runtime.getHeapUsage");
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      peak = Math.max(peak, usedSize);
      samples++;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { peakBytes: peak, samples, longestGapMs: longestGap };
  };
}

/** Full GC (twice: weak references), then the heap's used size in bytes. */
export async function retainedHeap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

/** The order of contenders in a round: rotated by the round, backwards every other round. */
export function roundOrder(contenders, round) {
  const n = contenders.length;
  const rotated = contenders.map((_, i) => contenders[(i + round) % n]);
  return round % 2 ? rotated.reverse() : rotated;
}

/** Median of a field over runs (`pick(run)`), ignoring undefined. */
export function medianOf(runs, pick) {
  const values = runs
    .map(pick)
    .filter((value) => typeof value === "number" && !Number.isNaN(value));
  return values.length ? median(values) : NaN;
}

/** Right-aligned table rows for the console. */
export function formatTable(header, rows) {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, i) =>
        i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]),
      )
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

export const MB = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Records a Chromium trace (top-level tasks of the renderer, user timing marks) around `fn`.
 * Cheap: one event per task, not per function call.
 */
export async function withTrace(cdp, fn) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on("Tracing.dataCollected", onData);
  await cdp.send("Tracing.start", {
    categories:
      "disabled-by-default-devtools.timeline,devtools.timeline,disabled-by-default-v8.gc,blink.user_timing",
    transferMode: "ReportEvents",
  });
  let result;
  try {
    result = await fn();
  } finally {
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await complete;
    cdp.off("Tracing.dataCollected", onData);
  }
  return { result, events };
}

/**
 * The renderer main thread's tasks between the `bench-start` and `bench-end` marks: wall and
 * thread (CPU) durations. On a shared machine the wall duration of a task includes the time the
 * OS gave the core to another process; the thread duration does not.
 */
export function mainThreadTasks(events, { longMs = 50 } = {}) {
  const mark = (name) =>
    events.find((event) => event.name === name && event.cat === "blink.user_timing");
  const start = mark("bench-start");
  const end = mark("bench-end");
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!start || !end || !main) return undefined;
  const tasks = events.filter(
    (e) =>
      e.name === "RunTask" &&
      e.ph === "X" &&
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.ts + e.dur >= start.ts &&
      e.ts <= end.ts,
  );
  const wall = tasks.map((task) => task.dur / 1000);
  const cpu = tasks.map((task) => (task.tdur ?? task.dur) / 1000);
  const sum = (values) => values.reduce((total, value) => total + value, 0);
  // What the longest task (thread time) was made of: its nested trace events, summed by name.
  const longest = tasks[cpu.indexOf(Math.max(...cpu))];
  const inside = new Map();
  if (longest) {
    for (const e of events) {
      if (e.ph !== "X" || e.pid !== main.pid || e.tid !== main.tid || e === longest) continue;
      if (e.ts < longest.ts || e.ts + (e.dur ?? 0) > longest.ts + longest.dur) continue;
      inside.set(e.name, (inside.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
  }
  return {
    longestTaskAtMs: longest ? (longest.ts - start.ts) / 1000 : undefined,
    longestTaskParts: [...inside]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
      .join(", "),
    count: tasks.length,
    busyWallMs: sum(wall),
    busyCpuMs: sum(cpu),
    longestWallMs: Math.max(0, ...wall),
    longestCpuMs: Math.max(0, ...cpu),
    overWall: wall.filter((ms) => ms > longMs).length,
    overCpu: cpu.filter((ms) => ms > longMs).length,
  };
}

/** A run that takes longer than this failed (a contender that never shows the whole reply). */
const RUN_TIMEOUT_MS = Number(process.env.BENCH_RUN_TIMEOUT_MS ?? 15 * 60_000);

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One run of one contender in a fresh page: `prepare(options)` (untimed), then `start()` with a
 * trace of the main thread's tasks and, optionally, heap sampling or memory checkpoints.
 * Validates the run (the whole reply painted, exactly one stream request, no page error).
 *
 * @param {object} setup
 * @param {import("playwright-core").Browser} setup.browser
 * @param {string} setup.baseUrl
 * @param {string} setup.contender
 * @param {object} setup.options  what `window.__bench.prepare` takes
 * @param {boolean} [setup.sampleHeapEveryMs]  sample `Runtime.getHeapUsage` during the run
 * @param {boolean} [setup.checkpoints]  expose `__checkpoint` (GC + heap at each memory gate)
 * @param {boolean} [setup.retained]  measure the retained heap (full GC) after the run
 */
export async function runInPage({
  browser,
  baseUrl,
  contender,
  options,
  sampleHeapEveryMs,
  checkpoints,
  retained,
  trace = true,
}) {
  // @langchain/react speaks the thread protocol: its stream is built from a recording.
  if (contender.endsWith("langchain-react") && !options.protocolRecording) {
    const { loadProtocolRecording } = await import("./protocolRecording.mjs");
    options = { ...options, protocolRecording: await loadProtocolRecording({ tokens: 20 }) };
  }
  const { page, cdp, errors, close } = await openContender(browser, baseUrl, contender);
  try {
    const heapAt = [];
    if (checkpoints) {
      await page.exposeFunction("__checkpoint", async (label) => {
        heapAt.push({ label, bytes: await retainedHeap(cdp) });
      });
    }
    await page.evaluate((o) => window.__bench.prepare(o), options);
    const baselineHeapBytes = await retainedHeap(cdp);
    const before = await taskDuration(cdp);
    const stopHeap = sampleHeapEveryMs ? sampleHeap(cdp, sampleHeapEveryMs) : undefined;
    const startRun = () =>
      withTimeout(
        page.evaluate(() => window.__bench.start()),
        RUN_TIMEOUT_MS,
        () =>
          `${contender}: the run did not finish in ${RUN_TIMEOUT_MS / 1000} s (${errors.join("; ")})`,
      );
    // Without a trace (memory only): a side that commits per token overflows the trace buffer
    // at 200,000 tokens, and the heap figures need no task timings.
    const { result, events } = trace
      ? await withTrace(cdp, startRun)
      : { result: await startRun(), events: undefined };
    const heap = stopHeap ? await stopHeap() : undefined;
    const after = await taskDuration(cdp);
    const retainedAfterBytes = checkpoints || retained ? await retainedHeap(cdp) : undefined;
    const tasks = events === undefined ? undefined : mainThreadTasks(events);
    if (trace && !tasks) {
      throw new Error(`${contender}: the trace has no bench-start/bench-end marks`);
    }
    if (!result.textOk) throw new Error(`${contender}: the painted text is not the expected reply`);
    if (result.streamRequests !== 1) {
      throw new Error(`${contender}: ${result.streamRequests} stream requests (expected 1)`);
    }
    if (errors.length > 0) throw new Error(`${contender}: page errors: ${errors.join("; ")}`);
    return {
      ...result,
      tasks,
      busyMs: after.taskMs - before.taskMs,
      scriptMs: after.scriptMs - before.scriptMs,
      layoutMs: after.layoutMs - before.layoutMs,
      styleMs: after.styleMs - before.styleMs,
      baselineHeapBytes,
      ...(heap && {
        peakHeapBytes: heap.peakBytes,
        peakGrowthBytes: heap.peakBytes - baselineHeapBytes,
        heapSamples: heap.samples,
        heapLongestGapMs: heap.longestGapMs,
      }),
      ...(checkpoints && { heapAt }),
      ...(retainedAfterBytes !== undefined && {
        retainedAfterBytes,
        retainedGrowthBytes: retainedAfterBytes - baselineHeapBytes,
      }),
    };
  } finally {
    await close();
  }
}

/**
 * Runs every contender once per round (rotating order, backwards every other round), after
 * warm-up rounds. `run(contender, measured)` returns the run; `describe(run)` one log item.
 */
export async function runRoundsInBrowser({ contenders, warmup, rounds, run, describe, log }) {
  const runs = Object.fromEntries(contenders.map((name) => [name, []]));
  // A contender whose run fails is reported and left out of the later rounds; the others go on
  // (the benchmark still exits non-zero, see `failures`).
  const failed = new Set();
  for (let round = 0; round < warmup + rounds; round++) {
    const measured = round >= warmup;
    const line = [];
    for (const contender of roundOrder(contenders, round)) {
      if (failed.has(contender)) continue;
      try {
        const result = await run(contender, measured);
        if (measured) runs[contender].push(result);
        line.push(`${contender} ${describe(result)}`);
      } catch (error) {
        failed.add(contender);
        failures.push(`${contender}: ${error instanceof Error ? error.message : String(error)}`);
        line.push(`${contender} FAILED (${failures.at(-1)})`);
      }
    }
    log(
      `${measured ? "round" : "warm-up"} ${measured ? round - warmup + 1 : round + 1}: ${line.join(", ")}`,
    );
  }
  for (const name of failed) delete runs[name];
  return runs;
}

/** Every failed run so far (a benchmark exits non-zero when there is one). */
export const failures = [];

process.on("beforeExit", () => {
  if (failures.length > 0 && process.exitCode === undefined) {
    console.error(`failed runs:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  }
});

/** The versions of the peers' packages, for the log. */
export async function peerVersions() {
  const version = async (name) =>
    JSON.parse(
      await fs.promises.readFile(path.join(ROOT, "node_modules", name, "package.json"), "utf8"),
    ).version;
  return (
    `@langchain/langgraph-sdk ${await version("@langchain/langgraph-sdk")} (official), ` +
    `@langchain/react ${await version("@langchain/react")} (langchain-react), ` +
    `eventsource-parser ${await version("eventsource-parser")} (floor)`
  );
}

/**
 * The contenders: ours with a plain view (`ours`) and with `<MessageStream>` (`ours-mstream`);
 * the legacy hook (`official`: `@langchain/langgraph-sdk/react` `useStream`); `@langchain/react`
 * 1.1.0 (`langchain-react`); and the no-library floor (`floor`).
 */
export const CONTENDERS = ["ours", "ours-mstream", "floor", "official", "langchain-react"];

/** The peers (every contender that is not ours and not the floor). */
export const PEERS = ["official", "langchain-react"];

/** `--only a,b` applied to a default list (names from `all`, in the default list's order). */
export function selectContenders(args, defaults, all = CONTENDERS) {
  if (typeof args.only !== "string") return defaults;
  const only = args.only.split(",");
  return all.filter((name) => only.includes(name));
}

/** The machine's load average (1, 5, 15 minutes): the benchmarks share two cores. */
export function loadAverage() {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}
