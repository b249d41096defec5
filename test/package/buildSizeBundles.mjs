// Builds what `size-limit` measures (.size-limit.json): for each budget, the built package
// (dist/) as an app would bundle it: minified, tree-shaken to the imports named below, with
// the peers (react, react-dom, @tanstack/react-query, zustand) left out and the runtime
// dependency (eventsource-parser) counted in. One Vite build per
// bundle, so each is one self-contained file. Run `npm run build` first (`npm run size` does).
//
//   node test/package/buildSizeBundles.mjs            # write the bundles size-limit measures
//   node test/package/buildSizeBundles.mjs --report   # and say where the bytes go (gzip)
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, "dist");
const out = join(root, "node_modules/.cache/size-limit-bundles");

/** name → entry code (imports of the built package, as a consumer writes them). */
const bundles = {
  client: `export * from "${dist}/client.js";`,
  query: `export * from "${dist}/query.js";`,
  hooks: `export { RunsProvider, useRunStream } from "${dist}/index.js";`,
  all: `export * from "${dist}/index.js";`,
  markdown: `export * from "${dist}/markdown.js";`,
  styles: `import "${dist}/styles.css";`,
};

const PEERS = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\/react-query($|\/)/,
  /^zustand($|\/)/,
];

/**
 * One minified ES bundle of `code`. Lib mode keeps the entry's exports (an app build would
 * drop them); `output.minify` because lib mode alone keeps the whitespace of ES output.
 */
async function bundle(name, code, { external = PEERS, write = true } = {}) {
  const entry = join(out, "entries", `${name}.js`);
  writeFileSync(entry, `${code}\n`);
  const result = await build({
    configFile: false,
    root,
    logLevel: "error", // not the "use client" directive warning: apps bundle it the same way
    mode: "production",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir: join(out, name),
      emptyOutDir: true,
      write,
      minify: true,
      cssMinify: true,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry, formats: ["es"], fileName: name, cssFileName: name },
      rolldownOptions: { external, output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs
    .filter((item) => item.type === "chunk" || item.fileName.endsWith(".css"))
    .map((item) => (item.type === "chunk" ? item.code : String(item.source)))
    .join("\n");
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

for (const file of ["index.js", "client.js", "query.js", "markdown.js", "styles.css"]) {
  if (!existsSync(join(dist, file))) {
    console.error(`dist/${file} is missing: run \`npm run build\` first (or \`npm run size\`).`);
    process.exit(1);
  }
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "entries"), { recursive: true });

for (const [name, code] of Object.entries(bundles)) await bundle(name, code);
console.log(`size bundles in ${relative(root, out)}/`);

if (process.argv.includes("--report")) {
  const measure = async (name, code, options) =>
    gzip(await bundle(`report-${name}`, code, { write: false, ...options }));
  const hooks = await measure("hooks", bundles.hooks);
  const all = await measure("all", bundles.all);
  const client = await measure("client", bundles.client);
  const query = await measure("query", bundles.query);
  console.log(
    `\ngzip: client ${kB(client)}, query ${kB(query)}, hooks ${kB(hooks)}, everything ${kB(all)}`,
  );

  const dependencyCost = [
    ["eventsource-parser (in client)", client, bundles.client, /^eventsource-parser$/],
  ];
  console.log("\nruntime dependencies (gzip they add):");
  for (const [label, total, code, pattern] of dependencyCost) {
    const without = await measure("dep", code, { external: [...PEERS, pattern] });
    console.log(`  ${kB(total - without).padStart(9)}  ${label}`);
  }

  console.log("\neach component over RunsProvider + useRunStream (gzip it adds alone):");
  const components = [
    "RunStatusBadge",
    "ConnectionStatus",
    "CancelRunButton",
    "MessageStream",
    "StreamEventLog",
    "InterruptPanel",
    "RunsTable",
  ];
  let sum = 0;
  const rows = [];
  for (const component of components) {
    const code = `export { RunsProvider, useRunStream, ${component} } from "${dist}/index.js";`;
    const added = (await measure(component, code)) - hooks;
    sum += added;
    rows.push([component, added]);
  }
  for (const [component, added] of rows.sort((a, b) => b[1] - a[1])) {
    console.log(`  ${kB(added).padStart(9)}  ${component}`);
  }
  console.log(`  ${kB(sum).padStart(9)}  (sum; shared code counted in each)`);
  const everyHook = [
    "RunsProvider",
    "useRunStream",
    "useRunController",
    "useRunsList",
    "useRun",
    "useCreateRun",
    "useCreateBatch",
    "useWaitRun",
    "useJoinRun",
    "useCancelRun",
    "useCancelRuns",
    "useDeleteRun",
    "runKeys",
    "runQueryOptions",
    "runsListQueryOptions",
  ];
  const hooksAndQuery = await measure(
    "every-hook",
    `export { ${everyHook.join(", ")} } from "${dist}/index.js";`,
  );
  console.log(`\nevery hook, no component: ${kB(hooksAndQuery)}`);
}
