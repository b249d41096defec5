// `pretest`: make sure a Chromium executable exists for the browser tests.
// Found: exit 0 quietly. Missing: as root with apt-get, install Debian's `chromium`;
// otherwise (or if that fails) exit 1 with instructions. Never downloads Playwright's browsers.
import { spawnSync } from "node:child_process";
import { findChromium } from "./chromium.mjs";

const found = findChromium();
if (found) {
  if (process.env.CHROMIUM_VERBOSE) console.log(`ensure-chromium: using ${found}`);
  process.exit(0);
}

const HELP = `
Chromium was not found (looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/lib/chromium/chromium,
/usr/bin/chromium-browser, /usr/bin/google-chrome). The browser tests need it.

Install it:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
Or point to an existing Chromium/Chrome binary:
  export CHROMIUM_PATH=/path/to/chromium

(Do not run \`npx playwright install\`: the tests use the system Chromium.)
`;

function fail(reason) {
  console.error(`ensure-chromium: ${reason}`);
  if (process.env.CHROMIUM_PATH) {
    console.error(`ensure-chromium: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  }
  console.error(HELP);
  process.exit(1);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasAptGet = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;

if (!isRoot || !hasAptGet) {
  fail(
    !hasAptGet
      ? "Chromium is missing and apt-get is not available to install it."
      : "Chromium is missing and installing it needs root (not running as root).",
  );
}

/** Run a command with inherited stdio; true when it exits 0. */
function run(cmd, args) {
  console.log(`ensure-chromium: $ ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) console.error(`ensure-chromium: ${cmd}: ${result.error.message}`);
  return result.status === 0;
}

console.log("ensure-chromium: Chromium not found; installing Debian's chromium package");
if (!run("apt-get", ["update"])) {
  // Some lists may still be usable (e.g. one unreachable mirror): try the install anyway.
  console.error("ensure-chromium: `apt-get update` failed; trying the install anyway");
}
if (!run("apt-get", ["install", "-y", "chromium"])) {
  fail("`apt-get install -y chromium` failed.");
}

const installed = findChromium();
if (!installed) fail("apt-get reported success but no Chromium executable was found afterwards.");
console.log(`ensure-chromium: installed ${installed}`);
