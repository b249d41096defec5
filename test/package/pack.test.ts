/**
 * The package as users get it: `npm pack`, installed with its peers into a scratch Vite + React
 * + TypeScript app outside the repo (so nothing resolves through the repo's node_modules), then
 * type-checked (strict, our .d.ts files included, under `moduleResolution` `"bundler"` and
 * `"nodenext"`, with the run-handle snippet of issue 14), built with Vite, and imported and
 * server-rendered by plain Node; `./core` runs in Node without React. Also checks what the
 * tarball holds, that the shipped .d.ts files import each other with extensions
 * (scripts/resolve-dts-imports.mjs), the package.json fields, the "use client" directives (the React entry only: the client and
 * query entries are for server components too), that no peer is bundled, and the size budgets
 * of .size-limit.json (test/package/buildSizeBundles.mjs, then size-limit).
 *
 * Reuses dist/ when it is newer than every build input (CI builds just before the tests); set
 * PACKAGE_TEST_BUILD=1 to always build. KEEP_PACKAGE_APP=1 keeps the scratch app (path logged).
 * Needs the npm registry or a warm npm cache (the repo's own install warms it: every version
 * the scratch app installs is one the repo pins).
 *
 * Then the Next.js example (examples/nextjs, App Router) with the same tarball, in a copy outside
 * the repo: `next build`, `next start` against the test Agent Server, a server component's
 * prefetched run list (`langgraph-runs-react/query`) in the HTML, and the route-handler proxy (unbuffered SSE, Content-Location,
 * Last-Event-ID, the client's abort, the route allowlist), and in Chromium: a chat turn from
 * /threads/new through the relative `apiUrl`, then the reloaded thread page hydrating the
 * prefetched list without an error. 30-40 s on 2 cores; it downloads
 * `next` unless the npm cache has it. SKIP_NEXTJS_EXAMPLE=1 skips it.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath } from "../../scripts/chromium.mjs";
import { agentServerUrl } from "../support/agentServer";
import { run, start, type Started } from "./run";
import { SCRATCH_FILES, scratchPackageJson } from "./scratchApp";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TIMEOUT = 240_000;

interface PackageJson {
  name: string;
  version: string;
  type?: string;
  main?: string;
  types?: string;
  files?: string[];
  sideEffects?: boolean | string[];
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const repoPkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;

const BUILD_INPUTS = [
  "src",
  "package.json",
  "vite.config.ts",
  "tsconfig.json",
  "tsconfig.build.json",
  "scripts/build-styles.mjs",
  "scripts/resolve-dts-imports.mjs",
];
/** Every file the exports map points to (code, types, the stylesheet). */
const BUILD_OUTPUTS = Object.entries(repoPkg.exports)
  .filter(([entry]) => entry !== "./package.json")
  .flatMap(([, target]) => (typeof target === "string" ? [target] : Object.values(target)));

function newestMtime(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) {
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

function distIsFresh(): boolean {
  if (process.env.PACKAGE_TEST_BUILD) return false;
  const outputs = BUILD_OUTPUTS.map((file) => path.join(ROOT, file));
  if (!outputs.every((file) => fs.existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const newestInput = Math.max(...BUILD_INPUTS.map((file) => newestMtime(path.join(ROOT, file))));
  return newestInput <= oldestOutput;
}

/** `react/jsx-runtime` → `react`, `@tanstack/react-query/x` → `@tanstack/react-query`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Static `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`. */
function importSpecifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) found.add(match[1]!);
  }
  return [...found];
}

/** Code that only exists inside a peer's (or a dependency's) own build. */
const INLINED_PEER_MARKERS: [string, RegExp][] = [
  ["react", /__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS|react\.(production|development)/],
  ["react-dom", /__DOM_INTERNALS_DO_NOT_USE_OR_WARN_USERS|react-dom\.(production|development)/],
  ["react (createElement)", /function createElement\s*\(\s*type\s*,\s*config/],
  ["zustand", /\bcreateStoreImpl\b/],
  ["@tanstack/react-query", /\bclass QueryClient\b|\bQueryClient\s*=\s*class\b|class QueryCache\b/],
  ["@tanstack/react-virtual", /\bclass Virtualizer\b|\bVirtualizer\s*=\s*class\b/],
  ["eventsource-parser", /\bfunction createParser\s*\(/],
];

let work = "";
let app = "";
let installed = "";
let packed: { filename: string; files: { path: string }[]; size: number; unpackedSize: number };
const timings: Record<string, number> = {};

beforeAll(async () => {
  const started = performance.now();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "lgr-package-"));
  app = path.join(work, "app");
  installed = path.join(app, "node_modules", repoPkg.name);

  if (!distIsFresh()) {
    timings.build = (await run("npm", ["run", "build"], { cwd: ROOT, timeoutMs: 120_000 })).ms;
  }

  // --ignore-scripts: this test builds (above); a prepack script must not build again.
  const pack = await run(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", work],
    {
      cwd: ROOT,
      timeoutMs: 60_000,
    },
  );
  timings.pack = pack.ms;
  const reports = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as (typeof packed)[];
  packed = reports[0]!;

  fs.mkdirSync(path.join(app, "src"), { recursive: true });
  const versions = { ...repoPkg.devDependencies, ...repoPkg.dependencies };
  const manifest = scratchPackageJson(path.join(work, packed.filename), versions);
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify(manifest, null, 2));
  for (const [file, text] of Object.entries(SCRATCH_FILES)) {
    fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    fs.writeFileSync(path.join(app, file), text);
  }

  const install = await run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--fetch-timeout=30000",
      "--fetch-retries=1",
    ],
    {
      cwd: app,
      timeoutMs: 150_000,
      hint:
        "Installing the packed tarball and its peers into a scratch app failed. Is the npm " +
        "registry reachable (or the npm cache warm: run `npm ci` in the repo first)?",
    },
  );
  timings.install = install.ms;
  timings.setup = Math.round(performance.now() - started);
}, TIMEOUT);

afterAll(() => {
  console.log(`[package test] ms: ${JSON.stringify(timings)}`);
  if (!work) return;
  if (process.env.KEEP_PACKAGE_APP) console.log(`[package test] scratch app kept in ${app}`);
  else fs.rmSync(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds dist/ (code, types, source maps, the stylesheet), package.json, README and LICENSE only", () => {
    const files = packed.files.map((file) => file.path).sort();
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE"]));
    expect(fs.readFileSync(path.join(installed, "LICENSE"), "utf8")).toMatch(/MIT License/);
    const unexpected = files.filter(
      (file) =>
        !/^dist\/.+\.(js|js\.map|d\.ts|css)$/.test(file) &&
        !/^(package\.json|README\.md|LICENSE(\.md)?)$/.test(file),
    );
    expect(unexpected).toEqual([]);
    // No sources, tests, stories, fixtures or transcripts (they live outside dist/).
    expect(files.filter((file) => /(^|\/)(src|test|tests|stories|fixtures)\//.test(file))).toEqual(
      [],
    );
    expect(files.filter((file) => /\.(test|spec|stories)\.|\.json$/.test(file))).toEqual([
      "package.json",
    ]);
    // Source maps are shipped on purpose: every map a JS file points to is in the tarball and
    // carries its sources (src/ is not shipped). A pure re-export file has none.
    const mapped = files.filter(
      (file) =>
        file.endsWith(".js") &&
        fs.readFileSync(path.join(installed, file), "utf8").includes("//# sourceMappingURL="),
    );
    expect(mapped).toContain("dist/index.js");
    expect(mapped.filter((file) => !files.includes(`${file}.map`))).toEqual([]);
    for (const file of mapped) {
      const map = JSON.parse(fs.readFileSync(path.join(installed, `${file}.map`), "utf8")) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      expect(map.sourcesContent?.length, file).toBe(map.sources.length);
      expect(
        map.sourcesContent?.every((text) => typeof text === "string"),
        file,
      ).toBe(true);
    }
    // Every export target is in it.
    for (const [entry, target] of Object.entries(repoPkg.exports)) {
      const targets = typeof target === "string" ? [target] : Object.values(target);
      for (const file of targets) expect(files, entry).toContain(path.posix.normalize(file));
    }
  });

  it("ships declarations Node's resolution follows: relative imports name a .js with its .d.ts, packages are dependencies or peers", () => {
    const files = new Set(packed.files.map((file) => file.path));
    const declared = new Set([
      repoPkg.name,
      ...Object.keys(repoPkg.dependencies ?? {}),
      ...Object.keys(repoPkg.peerDependencies ?? {}),
    ]);
    const declarations = [...files].filter((file) => file.endsWith(".d.ts"));
    const unresolved: string[] = [];
    const undeclared: string[] = [];
    for (const file of declarations) {
      const code = fs.readFileSync(path.join(installed, file), "utf8");
      for (const specifier of importSpecifiers(code)) {
        if (!specifier.startsWith(".")) {
          if (!declared.has(packageOf(specifier))) undeclared.push(`${file}: ${specifier}`);
          continue;
        }
        // node16/nodenext take an ESM import's path as written: `./x` is no file, `./x.js` is
        // the declaration `./x.d.ts`.
        const target = path.posix.join(path.posix.dirname(file), specifier);
        if (!/\.js$/.test(target) || !files.has(target.replace(/\.js$/, ".d.ts"))) {
          unresolved.push(`${file}: ${specifier}`);
        }
      }
    }
    expect(declarations).toEqual(
      expect.arrayContaining(["dist/index.d.ts", "dist/client/index.d.ts", "dist/core/index.d.ts"]),
    );
    expect(unresolved, "imports in .d.ts files that node16/nodenext cannot resolve").toEqual([]);
    expect(undeclared, "packages .d.ts files import but the package does not declare").toEqual([]);
  });

  it("declares ESM, types first, `files`, and side effects for the stylesheet only", () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(installed, "package.json"), "utf8"),
    ) as PackageJson;
    expect(pkg.type).toBe("module");
    expect(pkg.files).toEqual(["dist", "README.md", "LICENSE"]);
    expect(pkg.sideEffects).toEqual(expect.any(Array));
    expect((pkg.sideEffects as string[]).filter((glob) => !glob.endsWith(".css"))).toEqual([]);
    expect(Object.keys(pkg.exports).sort()).toEqual(
      [
        ".",
        "./client",
        "./core",
        "./markdown",
        "./package.json",
        "./query",
        "./styles.css",
        "./testing",
      ].sort(),
    );
    for (const entry of [".", "./client", "./core", "./markdown", "./query", "./testing"]) {
      const conditions = pkg.exports[entry] as Record<string, string>;
      expect(Object.keys(conditions)[0], entry).toBe("types");
      expect(conditions.import, entry).toMatch(/^\.\/dist\/.+\.js$/);
    }
    expect(pkg.main).toBe((pkg.exports["."] as Record<string, string>).import);
    expect(pkg.types).toBe((pkg.exports["."] as Record<string, string>).types);
    expect(Object.keys(pkg.peerDependencies ?? {}).sort()).toEqual(
      ["@tanstack/react-query", "react", "react-dom", "zustand"].sort(),
    );
  });

  it('keeps "use client" on the React entries only', () => {
    const dist = path.join(installed, "dist");
    const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");
    const first = (file: string) => read(file).split("\n")[0];
    // The main entry and the markdown component's entry are React; nothing else is.
    const reactEntries = ["index.js", "markdown.js"];
    for (const file of reactEntries) expect(first(file), file).toMatch(/^["']use client["'];?$/);
    const others = fs
      .readdirSync(dist)
      .filter((file) => file.endsWith(".js") && !reactEntries.includes(file));
    expect(others).toEqual(
      expect.arrayContaining(["client.js", "core.js", "query.js", "testing.js"]),
    );
    for (const file of others) expect(first(file), file).not.toMatch(/use client/);
    // The server-side entries never reach the React entry: every file they load, transitively,
    // is one a server component can call into (no "use client", no React, no zustand).
    // The core entry may use zustand (vanilla), never React.
    const forbidden: Record<string, RegExp> = {
      "client.js": /^(react|react-dom|zustand)$/,
      "query.js": /^(react|react-dom|zustand)$/,
      "core.js": /^(react|react-dom|@tanstack\/react-query)$/,
    };
    for (const [entry, peers] of Object.entries(forbidden)) {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const specifier of importSpecifiers(read(file))) {
          if (specifier.startsWith(".")) visit(path.posix.normalize(specifier));
          else expect(packageOf(specifier), `${entry} → ${file}`).not.toMatch(peers);
        }
      };
      visit(entry);
      expect([...seen], entry).not.toContain("index.js");
      for (const file of seen)
        expect(read(file), `${entry} → ${file}`).not.toMatch(/^["']use client/m);
    }
  });

  it("bundles no peer: every bare import is a declared dependency or peer, nothing is inlined", () => {
    const dist = path.join(installed, "dist");
    const declared = new Set([
      ...Object.keys(repoPkg.dependencies ?? {}),
      ...Object.keys(repoPkg.peerDependencies ?? {}),
    ]);
    const undeclared: string[] = [];
    const inlined: string[] = [];
    const imported = new Set<string>();
    for (const file of fs.readdirSync(dist).filter((name) => name.endsWith(".js"))) {
      const code = fs.readFileSync(path.join(dist, file), "utf8");
      for (const specifier of importSpecifiers(code)) {
        if (specifier.startsWith(".")) continue;
        imported.add(packageOf(specifier));
        if (!declared.has(packageOf(specifier))) undeclared.push(`${file}: ${specifier}`);
      }
      for (const [peer, marker] of INLINED_PEER_MARKERS) {
        if (marker.test(code)) inlined.push(`${file}: ${peer}`);
      }
    }
    expect(undeclared, "imported by dist/ but not in dependencies or peerDependencies").toEqual([]);
    expect(inlined, "peer/dependency code bundled into dist/").toEqual([]);
    // The peers really are imported (so the checks above looked at real code).
    expect([...imported]).toEqual(expect.arrayContaining(["react", "@tanstack/react-query"]));
  });
});

describe("size", () => {
  it(
    "stays within the budgets of .size-limit.json (minified, gzip, peers excluded)",
    async () => {
      const bundles = await run("node", ["test/package/buildSizeBundles.mjs"], {
        cwd: ROOT,
        timeoutMs: 60_000,
      });
      const limit = await run("node", ["node_modules/size-limit/bin.js", "--json"], {
        cwd: ROOT,
        timeoutMs: 60_000,
        okCodes: [0, 1],
      });
      timings.size = bundles.ms + limit.ms;
      // An app that imports only the provider and the stream hook ships no component: every
      // top-level call in the components (memo, Intl formatters, empty logs) is marked pure.
      const hooksOnly = fs.readFileSync(
        path.join(ROOT, "node_modules/.cache/size-limit-bundles/hooks/hooks.js"),
        "utf8",
      );
      expect(hooksOnly).toContain("runs.stream");
      expect(hooksOnly.match(/lgr-[a-z-]+/g) ?? [], "component code in the hooks bundle").toEqual(
        [],
      );
      const results = JSON.parse(limit.stdout.slice(limit.stdout.indexOf("["))) as {
        name: string;
        passed: boolean;
        size: number;
        sizeLimit: number;
      }[];
      console.log(
        `[package test] gzip bytes: ${results.map((r) => `${r.name}: ${r.size} / ${r.sizeLimit}`).join("; ")}`,
      );
      expect(results.map((r) => r.name)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^langgraph-runs-react\/query\b/)]),
      );
      expect(results.length).toBeGreaterThanOrEqual(5);
      const over = results
        .filter((result) => !result.passed)
        .map((r) => `${r.name}: ${r.size} B gzip > ${r.sizeLimit} B`);
      expect(over, "over budget: see `node test/package/buildSizeBundles.mjs --report`").toEqual(
        [],
      );
    },
    TIMEOUT,
  );
});

describe.concurrent("a consumer app with the installed tarball", () => {
  it(
    "runs the framework-free ./core entry in Node: a controller and a store follow a replayed run",
    async ({ expect }) => {
      const result = await run("node", ["core.mjs"], { cwd: app, timeoutMs: 60_000 });
      const out = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as {
        exports: string[];
        status: string;
        messages: number;
        text: unknown;
      };
      expect(out.exports).toEqual(
        expect.arrayContaining([
          "createRunController",
          "createStreamStore",
          "hydrateSession",
          "selectMessages",
          "createStoragePersistence",
        ]),
      );
      expect(out.exports).not.toContain("RunsProvider");
      expect(out.status).toBe("success");
      expect(out.messages).toBe(1);
      expect(out.text).toBe("t0 t1 t2 t3 t4 ");
    },
    TIMEOUT,
  );

  it(
    "imports every JS entry in Node and server-renders the provider, hooks and components",
    async ({ expect }) => {
      const result = await run("node", ["ssr.mjs"], { cwd: app, timeoutMs: 60_000 });
      timings.ssr = result.ms;
      const out = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as {
        main: string[];
        client: string[];
        testing: string[];
        query: string[];
        queryKey: unknown;
        sharedQuery: boolean;
        sharedClient: boolean;
        styles: string;
        events: string[];
        html: string;
      };
      expect(out.main).toEqual(
        expect.arrayContaining([
          "RunsProvider",
          "useRunStream",
          "useRunsList",
          "runsListQueryOptions",
          "runKeys",
          "RunStatusBadge",
          "MessageStream",
          "StreamEventLog",
          "ConnectionStatus",
          "InterruptPanel",
          "CancelRunButton",
          "RunsTable",
          "createClient",
          "RunScope",
          "useRunController",
        ]),
      );
      // Every name shipped is a promise: the main entry keeps to a small surface.
      expect(
        out.main.length,
        `runtime values on the main entry: ${out.main.join(", ")}`,
      ).toBeLessThanOrEqual(60);
      expect(out.client).toEqual(expect.arrayContaining(["createClient", "RunsClientError"]));
      expect(out.client).not.toContain("RunsProvider");
      expect(out.testing).toEqual(
        expect.arrayContaining(["createReplayFetch", "generateTokenTranscript", "parseTranscript"]),
      );
      // The query entry: keys and options only (no hooks, no components), loaded first and alone.
      expect(out.query).toEqual(
        [
          "isRunActive",
          "runKeys",
          "runQueryOptions",
          "runsListQueryOptions",
          "threadStatusQueryOptions",
        ].sort(),
      );
      expect(out.queryKey).toEqual(["langgraph-runs", "thread", "t", "list", { limit: 10 }]);
      expect(out.sharedQuery).toBe(true);
      // The main entry and the client entry share one copy of the client (instanceof works).
      expect(out.sharedClient).toBe(true);
      expect(out.styles).toMatch(/\/langgraph-runs-react\/dist\/styles\.css$/);
      expect(out.events).toEqual(["metadata", ...Array<string>(5).fill("messages")]);
      expect(out.html).toMatch(/^<main/);
      expect(out.html).toContain("lgr-");
      expect(out.html).toMatch(/idle/i);
    },
    TIMEOUT,
  );

  it.each([
    ["bundler", "tsconfig.json"],
    ["nodenext", "tsconfig.nodenext.json"],
  ])(
    "type-checks (strict, skipLibCheck off, moduleResolution %s): every entry, the run-handle snippet",
    async (resolution, tsconfig) => {
      const result = await run("node", ["node_modules/typescript/bin/tsc", "-p", tsconfig], {
        cwd: app,
        timeoutMs: 120_000,
        hint:
          `The scratch app does not type-check against the packed .d.ts files under ` +
          `moduleResolution ${resolution} (src/runHandle.tsx is the snippet of issue 14).`,
      });
      timings[`tsc-${resolution}`] = result.ms;
    },
    TIMEOUT,
  );

  it(
    "builds with Vite, stylesheet included",
    async ({ expect }) => {
      const result = await run("node", ["node_modules/vite/bin/vite.js", "build"], {
        cwd: app,
        timeoutMs: 120_000,
        env: { NODE_ENV: "production" },
      });
      timings.viteBuild = result.ms;
      const assets = fs.readdirSync(path.join(app, "dist", "assets"));
      const css = assets.filter((file) => file.endsWith(".css"));
      const js = assets.filter((file) => file.endsWith(".js"));
      expect(css).toHaveLength(1);
      expect(js.length).toBeGreaterThan(0);
      expect(fs.readFileSync(path.join(app, "dist", "assets", css[0]!), "utf8")).toContain(".lgr-");
      const bundle = js.map((file) =>
        fs.readFileSync(path.join(app, "dist", "assets", file), "utf8"),
      );
      expect(bundle.join("\n")).toContain("lgr-");
    },
    TIMEOUT,
  );
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The SSE event ids in a stream body, and when (ms after the request) each chunk arrived. */
async function readStream(response: Response, started: number) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const chunks: { atMs: number; text: string }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push({
      atMs: performance.now() - started,
      text: decoder.decode(value, { stream: true }),
    });
  }
  const text = chunks.map((chunk) => chunk.text).join("");
  const ids = [...text.matchAll(/^id: ?(\S+)$/gm)].map((match) => match[1]!);
  return { chunks, text, ids };
}

describe("docs/nextjs.md", () => {
  it("shows the files of examples/nextjs exactly as they are (the ones the test runs)", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs/nextjs.md"), "utf8");
    const example = path.join(ROOT, "examples/nextjs");
    const files = [
      "lib/langgraph.ts",
      "app/api/langgraph/[...path]/route.ts",
      "app/providers.tsx",
      "app/layout.tsx",
      "app/threads/[threadId]/page.tsx",
      "app/threads/[threadId]/Chat.tsx",
    ];
    for (const file of files) {
      const text = fs.readFileSync(path.join(example, file), "utf8").trimEnd();
      expect(doc.includes(`// ${file}`) && doc.includes(`${text}\n\`\`\``), file).toBe(true);
    }
  });
});

describe.skipIf(Boolean(process.env.SKIP_NEXTJS_EXAMPLE))("the Next.js example", () => {
  let server: Started | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    "builds with the tarball, prefetches on the server and proxies the Runs API",
    async () => {
      const example = path.join(work, "nextjs");
      const skip = new Set([
        "node_modules",
        ".next",
        "next-env.d.ts",
        "package-lock.json",
        ".npmrc",
      ]);
      fs.cpSync(path.join(ROOT, "examples/nextjs"), example, {
        recursive: true,
        filter: (source) => !skip.has(path.basename(source)),
      });
      const manifestPath = path.join(example, "package.json");
      const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as PackageJson;
      manifest.dependencies![repoPkg.name] = `file:${path.join(work, packed.filename)}`;
      fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

      const env = { NEXT_TELEMETRY_DISABLED: "1" };
      timings.nextInstall = (
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
          cwd: example,
          timeoutMs: 180_000,
          hint: "Installing the Next.js example failed. Is the npm registry reachable?",
        })
      ).ms;
      const next = ["node_modules/next/dist/bin/next"];
      timings.nextBuild = (
        await run("node", [...next, "build"], { cwd: example, timeoutMs: 180_000, env })
      ).ms;

      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      server = start("node", [...next, "start", "-p", String(port), "-H", "127.0.0.1"], {
        cwd: example,
        env: { ...env, LANGGRAPH_API_URL: agentServerUrl() },
      });
      const ready = performance.now();
      for (;;) {
        const ok = await fetch(`${base}/`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (performance.now() - ready > 30_000) {
          throw new Error(`next start did not answer within 30 s:\n${server.output()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      const api = `${base}/api/langgraph`;
      // The proxy forwards only requests with its header (examples/nextjs/lib/proxyRoute.ts).
      const viaProxy = { "x-lgr-proxy": "1" };
      const json = { "content-type": "application/json", ...viaProxy };
      const thread = (await (
        await fetch(`${api}/threads`, { method: "POST", headers: json, body: "{}" })
      ).json()) as { thread_id: string };
      expect(thread.thread_id).toMatch(/^[0-9a-f-]{36}$/);

      // A streamed run through the proxy: SSE as it happens, with the headers the client reads.
      const sent = performance.now();
      const stream = await fetch(`${api}/threads/${thread.thread_id}/runs/stream`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({
          assistant_id: "agent",
          input: { messages: [{ type: "human", content: "/slow 800" }] },
          stream_mode: ["custom"],
          stream_resumable: true,
        }),
      });
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(stream.headers.get("x-accel-buffering")).toBe("no");
      const location = stream.headers.get("content-location") ?? "";
      expect(location).toMatch(new RegExp(`/threads/${thread.thread_id}/runs/[0-9a-f-]{36}$`));
      const runId = location.split("/").at(-1)!;
      const streamed = await readStream(stream, sent);
      expect(streamed.text).toContain('"tick"');
      // 8 ticks 100 ms apart: the first must arrive well before the last (not buffered).
      const firstTick = streamed.chunks.find((chunk) => chunk.text.includes('"tick"'))!;
      expect(streamed.chunks.at(-1)!.atMs - firstTick.atMs).toBeGreaterThan(400);

      // Last-Event-ID reaches the server: a join resumes after it.
      const lastId = streamed.ids.at(-3)!;
      const joined = await readStream(
        await fetch(`${api}/threads/${thread.thread_id}/runs/${runId}/stream`, {
          headers: { "last-event-id": lastId, ...viaProxy },
        }),
        performance.now(),
      );
      expect(joined.ids).toEqual(streamed.ids.slice(-2));

      // The server component prefetched the thread's runs: the list is in the HTML.
      const page = await fetch(`${base}/threads/${thread.thread_id}`);
      expect(page.status, server.output()).toBe(200);
      expect(await page.text()).toMatch(/data-testid="run-count">1</);

      // In Chromium: a chat turn on a new thread through the proxy (relative apiUrl), then the
      // thread's page reloaded: server-rendered with its run, hydrated without an error.
      const browserStarted = performance.now();
      browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
      const tab = await browser.newPage();
      tab.setDefaultTimeout(20_000);
      const problems: string[] = [];
      const apiRequests: string[] = [];
      tab.on("pageerror", (error) => problems.push(error.message));
      tab.on("console", (message) => {
        // Failed requests are caught below with their URL (Chromium's /favicon.ico 404 is not).
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          problems.push(message.text());
        }
      });
      tab.on("request", (request) => {
        if (new URL(request.url()).pathname.startsWith("/api/")) {
          apiRequests.push(`${request.method()} ${request.url()}`);
        }
      });
      tab.on("response", (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      // React sets its fiber keys on the DOM nodes it hydrated.
      const hydrated = () =>
        tab.waitForFunction(() =>
          Object.keys(document.querySelector("form") ?? {}).some((key) =>
            key.startsWith("__react"),
          ),
        );
      await tab.goto(`${base}/threads/new`);
      await hydrated();
      await tab.getByLabel("Message").fill("/tokens 5");
      await tab.getByRole("button", { name: "Send" }).click();
      await tab.waitForURL(/\/threads\/[0-9a-f-]{36}$/);
      const newThread = tab.url().split("/").at(-1)!;
      await tab.locator('.lgr-message[data-type="ai"]', { hasText: "t0 t1 t2 t3 t4" }).waitFor();
      await tab.locator('.lgr-messages[data-streaming="false"]').waitFor();
      expect(apiRequests).toContain(`POST ${base}/api/langgraph/threads`);
      expect(apiRequests).toContain(`POST ${base}/api/langgraph/threads/${newThread}/runs/stream`);
      const reloaded = await tab.reload();
      expect(await reloaded!.text()).toMatch(/data-testid="run-count">1</);
      await hydrated();
      expect(await tab.getByTestId("run-count").textContent()).toBe("1 runs on this thread");
      expect(problems, server.output()).toEqual([]);
      timings.nextBrowser = Math.round(performance.now() - browserStarted);

      // The browser going away cancels the upstream request (on_disconnect: cancel).
      const abort = new AbortController();
      const long = await fetch(`${api}/threads/${thread.thread_id}/runs/stream`, {
        method: "POST",
        headers: json,
        signal: abort.signal,
        body: JSON.stringify({
          assistant_id: "agent",
          input: { messages: [{ type: "human", content: "/slow 30000" }] },
          stream_mode: ["custom"],
          on_disconnect: "cancel",
        }),
      });
      const longRun = long.headers.get("content-location")!.split("/").at(-1)!;
      await long.body!.getReader().read();
      abort.abort();
      const deadline = performance.now() + 10_000;
      let status = "";
      while (performance.now() < deadline) {
        const run = (await (
          await fetch(`${api}/threads/${thread.thread_id}/runs/${longRun}`, { headers: viaProxy })
        ).json()) as { status: string };
        status = run.status;
        if (status !== "running" && status !== "pending") break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe("interrupted");

      // Only the Runs API routes are proxied.
      expect(
        (await fetch(`${api}/assistants/search`, { method: "POST", headers: viaProxy })).status,
      ).toBe(404);
      // With the proxy header, so it is the route allowlist that refuses (not the header check).
      expect((await fetch(`${api}/threads/%2e%2e/store/items`, { headers: viaProxy })).status).toBe(
        404,
      );
    },
    TIMEOUT,
  );
});
