// Where Debian's Chromium lives and the flags it needs here (no sandbox as root, no network).
import { existsSync } from "node:fs";

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
].filter(Boolean);

/** The first Chromium executable found, or undefined. */
export function findChromium() {
  return CANDIDATES.find((path) => existsSync(path));
}

/** The Chromium executable, or the default path (the pretest step makes sure it exists). */
export function chromiumPath() {
  return findChromium() ?? "/usr/bin/chromium";
}

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
  "--disable-quic",
];
