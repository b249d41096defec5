// Lints the package as npm would publish it: packs dist/ (built beforehand: `npm run build`)
// into a temporary tarball and runs one checker on that tarball.
//
//   node scripts/check-packed.mjs attw     types resolve for every entry under node10, node16
//                                          (ESM) and bundler (@arethetypeswrong/cli)
//   node scripts/check-packed.mjs publint  package.json fields and files (publint, strict)
//
// The package is ESM-only: a CommonJS `require` of it is not a supported use, so attw ignores
// its "CJS resolves to ESM" finding (and only that one: node10 is checked too).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

const CHECKERS = {
  attw: (tarball) => [
    bin("attw"),
    [
      tarball,
      "--ignore-rules",
      "cjs-resolves-to-esm",
      // A stylesheet has no types: `import "langgraph-runs-react/styles.css"` needs none.
      "--exclude-entrypoints",
      "./styles.css",
      "--no-definitely-typed",
      "--format",
      "ascii",
    ],
  ],
  publint: (tarball) => [bin("publint"), ["run", tarball, "--strict"]],
};

/** Every file the exports map points to: packing without them would lint an empty package. */
function missingBuildOutputs() {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return Object.values(pkg.exports)
    .flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)))
    .filter((file) => file !== "./package.json" && !existsSync(join(root, file)));
}

function pack(destination) {
  // --ignore-scripts: prepack would build again; the caller built already.
  const result = spawnSync(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", destination],
    { cwd: root, encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`npm pack failed (exit ${result.status}):\n${result.stderr}`);
  }
  const [report] = JSON.parse(result.stdout.slice(result.stdout.indexOf("[")));
  return join(destination, report.filename);
}

function main() {
  const checker = CHECKERS[process.argv[2]];
  if (!checker) {
    console.error(`usage: node scripts/check-packed.mjs <${Object.keys(CHECKERS).join("|")}>`);
    return 2;
  }
  const missing = missingBuildOutputs();
  if (missing.length > 0) {
    console.error(`Not built (run \`npm run build\` first): ${missing.join(", ")}`);
    return 1;
  }
  const work = mkdtempSync(join(tmpdir(), "lgr-packed-"));
  try {
    const [command, args] = checker(pack(work));
    const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
    return result.status ?? 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
