// Benchmark 5: bundle size of what an app imports for a streaming chat.
//
//   node bench/bundle.bench.mjs            # (no rounds: a build is deterministic)
//   node bench/bundle.bench.mjs --json /tmp/bundle.json
//
// Each entry below is bundled on its own by Vite (production mode, minified, ES module, lib
// mode so the entry's exports are kept, tree-shaken to those exports) and measured as gzip
// (level 9) of the output. Both sides are bundled from what npm installs: ours from the built
// package (dist/, run `npm run build` first), the official SDK from node_modules. Two policies:
//   A. only react and react-dom external: everything else an app would ship is in the bundle
//      (ours: zustand, @tanstack/react-query, eventsource-parser, @tanstack/react-virtual;
//      official: @langchain/core, p-queue, p-retry, ...). The fair comparison.
//   B. every peer dependency external (ours: react, react-dom, zustand, @tanstack/react-query;
//      official: react, react-dom, @langchain/core), runtime dependencies bundled: what the
//      package adds over the peers an app already has. This is how .size-limit.json measures
//      (there from dist/), and what the targets (client + hooks < 15 kB, with components
//      < 35 kB) are checked against.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { parseArgs } from "./lib/harness.mjs";
import { formatTable } from "./lib/browser.mjs";

const args = parseArgs(process.argv.slice(2));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
if (!existsSync(path.join(dist, "index.js"))) {
  console.error("dist/ is missing: run `npm run build` first (`npm run bench` does).");
  process.exit(1);
}
// Entry files and nothing else (the builds are not written). Not in bench/.cache: ESLint would
// lint them there.
const work = path.join(root, "node_modules/.cache/langgraph-runs-react-bench/bundle");
const log = (line) => console.log(line);

/** name → [label, entry code, peers of that side] */
const REACT = [/^react($|\/)/, /^react-dom($|\/)/];
const OUR_PEERS = [...REACT, /^zustand($|\/)/, /^@tanstack\/react-query($|\/)/];
const OFFICIAL_PEERS = [...REACT, /^@langchain\/core($|\/)/];
const ENTRIES = [
  [
    "ours: client + hooks",
    "RunsProvider + useRunStream (+ createClient, the slice hooks useRunController/useRunMessages)",
    `export { RunsProvider, useRunStream, useRunController, useRunMessages, createClient } from "${dist}/index.js";`,
    OUR_PEERS,
  ],
  [
    "ours: + MessageStream",
    "client + hooks + <MessageStream> (a streaming chat)",
    `export { RunsProvider, useRunStream, useRunController, useRunMessages, createClient, MessageStream } from "${dist}/index.js";`,
    OUR_PEERS,
  ],
  [
    "ours: everything",
    "export * of the package root (every hook, query hook and component)",
    `export * from "${dist}/index.js";`,
    OUR_PEERS,
  ],
  [
    "ours: client only",
    "export * of langgraph-runs-react/client",
    `export * from "${dist}/client.js";`,
    OUR_PEERS,
  ],
  [
    "official: useStream",
    'import { useStream } from "@langchain/langgraph-sdk/react"',
    `export { useStream } from "@langchain/langgraph-sdk/react";`,
    OFFICIAL_PEERS,
  ],
  [
    "official: useStream + Client",
    "useStream and the Client class (to pass callerOptions, as in the benchmarks)",
    `export { useStream } from "@langchain/langgraph-sdk/react";\nexport { Client } from "@langchain/langgraph-sdk";`,
    OFFICIAL_PEERS,
  ],
  [
    "official: react entry",
    'export * from "@langchain/langgraph-sdk/react"',
    `export * from "@langchain/langgraph-sdk/react";`,
    OFFICIAL_PEERS,
  ],
];

async function bundle(name, code, external) {
  const entry = path.join(work, `${name}.js`);
  writeFileSync(entry, `${code}\n`);
  const result = await build({
    configFile: false,
    root,
    logLevel: "error", // not the "use client" directive warnings: apps bundle them the same way
    mode: "production",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      target: "es2022",
      lib: { entry, formats: ["es"], fileName: name },
      rolldownOptions: { external, output: { minify: true, codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const js = outputs
    .filter((item) => item.type === "chunk")
    .map((item) => item.code)
    .join("\n");
  const css = outputs
    .filter((item) => item.type === "asset" && item.fileName.endsWith(".css"))
    .map((item) => String(item.source))
    .join("\n");
  return { js, css };
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const kB = (bytes) => (bytes / 1000).toFixed(1);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const version = (pkg) =>
  JSON.parse(readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")).version;
log(
  `bundle: Vite ${version("vite")} production build, minified, gzip -9; @langchain/langgraph-sdk ` +
    `${version("@langchain/langgraph-sdk")}, @langchain/core ${version("@langchain/core")}, ` +
    `zustand ${version("zustand")}, @tanstack/react-query ${version("@tanstack/react-query")}`,
);

const results = [];
for (const [label, what, code, peers] of ENTRIES) {
  const slug = label.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
  const allIn = await bundle(`${slug}-a`, code, REACT);
  const peersOut = await bundle(`${slug}-b`, code, peers);
  results.push({
    label,
    what,
    reactExternal: { minified: allIn.js.length, gzip: gzip(allIn.js) },
    peersExternal: { minified: peersOut.js.length, gzip: gzip(peersOut.js) },
  });
}

log("");
log("kB (1000 bytes); A = only react/react-dom external; B = every peer external");
log(
  formatTable(
    ["bundle", "A gzip", "A minified", "B gzip", "B minified"],
    results.map((r) => [
      r.label,
      kB(r.reactExternal.gzip),
      kB(r.reactExternal.minified),
      kB(r.peersExternal.gzip),
      kB(r.peersExternal.minified),
    ]),
  ),
);
for (const r of results) log(`  ${r.label}: ${r.what}`);

const byLabel = Object.fromEntries(results.map((r) => [r.label, r]));
const official = byLabel["official: useStream"];
log("");
log("official / ours (gzip, policy A):");
for (const ours of ["ours: client + hooks", "ours: + MessageStream", "ours: everything"]) {
  log(
    `  official useStream / ${ours.slice(6)}: ${(official.reactExternal.gzip / byLabel[ours].reactExternal.gzip).toFixed(2)}x`,
  );
}
log("");
log("targets (gzip, policy B, as .size-limit.json measures):");
const check = (label, limitKb) => {
  const bytes = byLabel[label].peersExternal.gzip;
  log(
    `  ${label} < ${limitKb} kB: ${bytes < limitKb * 1000 ? "met" : "MISSED"} (${kB(bytes)} kB; all-in A ${kB(byLabel[label].reactExternal.gzip)} kB)`,
  );
};
check("ours: client + hooks", 15);
check("ours: + MessageStream", 35);
check("ours: everything", 35);

if (typeof args.json === "string") writeFileSync(args.json, JSON.stringify(results, null, 2));
