// Runs every benchmark (bench/*.bench.mjs, bench/*.bench.ts), one after another, each in its own
// `node --expose-gc --import tsx` process. Extra arguments are passed to every benchmark.
//   npm run bench                 # all
//   npm run bench -- --rounds 15  # all, with an option they understand
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const files = fs
  .readdirSync(HERE)
  .filter((name) => /\.bench\.(mjs|ts)$/.test(name))
  .sort();
if (files.length === 0) {
  console.error("no bench/*.bench.{mjs,ts} files");
  process.exit(1);
}
const failed = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", path.join(HERE, file), ...process.argv.slice(2)],
    { stdio: "inherit", cwd: path.resolve(HERE, "..") },
  );
  if (result.status !== 0) failed.push(`${file} (exit ${result.status ?? result.signal})`);
}
console.log(`\n${files.length - failed.length} benchmarks ran, ${failed.length} failed`);
if (failed.length > 0) {
  console.error(`failed: ${failed.join(", ")}`);
  process.exit(1);
}
