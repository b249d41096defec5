// Screenshots of key stories, in the light and the dark theme, into docs/screenshots/.
//
//   node scripts/screenshot-stories.mjs            # builds storybook-static/ if missing
//   node scripts/screenshot-stories.mjs --build    # rebuilds it first
//   node scripts/screenshot-stories.mjs RunsTable  # only shots whose name contains this
//
// Serves storybook-static/ with a tiny static server on 127.0.0.1, opens
// iframe.html?id=<story>&globals=theme:<theme> in headless Chromium (playwright-core, the
// machine's Chromium), waits for the story (and its play function) to settle, and saves the
// `.lgr-story` wrapper as docs/screenshots/<name>-<theme>.png. Add your stories to SHOTS.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "./chromium.mjs";

/**
 * name: file stem; story: Storybook story id; width: viewport width (default 900);
 * waitFor: a CSS selector to wait for (e.g. a state a play function reaches);
 * settleMs: extra wait after that (default 300).
 */
const SHOTS = [
  { name: "RunStatusBadge", story: "components-runstatusbadge--all-statuses", width: 420 },
  { name: "ConnectionStatus", story: "components-connectionstatus--all-states", width: 460 },
  {
    name: "ConnectionStatus-reconnecting",
    story: "components-connectionstatus--reconnecting-with-countdown",
    width: 460,
  },
  {
    name: "CancelRunButton",
    story: "components-cancelrunbutton--all-states",
    width: 620,
    waitFor: ".lgr-cancel__confirm",
  },
  { name: "Composer", story: "components-composer--ready", width: 720 },
  { name: "Composer-busy", story: "components-composer--busy-thread", width: 720 },
  { name: "RunsTable", story: "components-runstable--all-statuses", width: 1000 },
  { name: "RunsTable-paginated", story: "components-runstable--paginated", width: 1000 },
  { name: "RunsTable-loading", story: "components-runstable--loading", width: 1000 },
  { name: "RunsTable-bulk", story: "components-runstable--bulk-selection", width: 1000 },
  {
    name: "RunsTable-menu",
    story: "components-runstable--menu-open",
    width: 1000,
    waitFor: "[role=menu]",
  },
  { name: "RunsTable-phone", story: "components-runstable--phone-width", width: 420 },
  { name: "StreamEventLog", story: "components-streameventlog--run", width: 900 },
  {
    name: "StreamEventLog-expanded",
    story: "components-streameventlog--expanded",
    width: 900,
    waitFor: '.lgr-log__row[data-expanded="true"]',
  },
  { name: "StreamEventLog-search", story: "components-streameventlog--search", width: 900 },
  { name: "StreamEventLog-paused", story: "components-streameventlog--paused", width: 900 },
  { name: "StreamEventLog-two-runs", story: "components-streameventlog--two-runs", width: 900 },
  {
    name: "StreamEventLog-previews",
    story: "components-streameventlog--readable-previews",
    width: 900,
  },
  { name: "StreamEventLog-mobile", story: "components-streameventlog--mobile", width: 420 },
  { name: "StreamEventLog-dropped", story: "components-streameventlog--dropped", width: 900 },
  { name: "MessageStream", story: "components-messagestream--tool-calls", width: 720 },
  { name: "MessageStream-streaming", story: "components-messagestream--streaming", width: 720 },
  { name: "MessageStream-blocks", story: "components-messagestream--content-blocks", width: 720 },
  {
    name: "MessageStream-thinking",
    story: "components-messagestream--thinking-streaming",
    width: 720,
  },
  { name: "MessageStream-images", story: "components-messagestream--images", width: 720 },
  { name: "MessageStream-stopped", story: "components-messagestream--stopped-turn", width: 720 },
  { name: "MessageStream-phone", story: "components-messagestream--narrow", width: 420 },
  {
    name: "MessageActions",
    story: "components-messageactions--in-message-stream",
    width: 720,
  },
  { name: "MessageActions-branches", story: "components-messageactions--branches", width: 720 },
  { name: "Markdown", story: "markdown-markdown--in-message-stream", width: 720 },
  {
    name: "InterruptPanel-hitl",
    story: "components-interruptpanel--hitl-pending",
    width: 720,
  },
  {
    name: "InterruptPanel-schema-form",
    story: "components-interruptpanel--hitl-schema-form-open",
    width: 720,
    waitFor: ".lgr-field__input",
  },
  { name: "InterruptPanel-inbox", story: "components-interruptpanel--inbox-pending", width: 720 },
  {
    name: "InterruptPanel-two",
    story: "components-interruptpanel--two-interrupts-pending",
    width: 720,
  },
  {
    name: "InterruptPanel-decisions",
    story: "components-interruptpanel--decision-notes",
    width: 720,
  },
  {
    name: "InterruptPanel-invalid-json",
    story: "components-interruptpanel--invalid-json",
    width: 720,
    waitFor: '[aria-invalid="true"]',
  },
  { name: "InterruptPanel-breakpoint", story: "components-interruptpanel--breakpoint", width: 720 },
  {
    name: "InterruptPanel-error",
    story: "components-interruptpanel--resume-error",
    width: 720,
    waitFor: '[role="alert"]',
  },
];
const THEMES = ["light", "dark"];

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const staticDir = join(root, "storybook-static");
const outDir = join(root, "docs", "screenshots");
const args = process.argv.slice(2);
const filters = args.filter((arg) => !arg.startsWith("--"));

if (args.includes("--build") || !existsSync(join(staticDir, "iframe.html"))) {
  console.log("Building Storybook into storybook-static/ …");
  execFileSync("npx", ["storybook", "build", "--quiet", "-o", staticDir], {
    cwd: root,
    stdio: "inherit",
  });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
  let file = normalize(join(staticDir, path));
  if (!file.startsWith(staticDir)) {
    response.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) {
    response.writeHead(404, { "content-type": "text/plain" }).end(`Not found: ${path}`);
    return;
  }
  response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  response.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: chromiumArgs,
  headless: true,
});
let failures = 0;
try {
  const shots = SHOTS.filter(
    (shot) => !filters.length || filters.some((f) => shot.name.includes(f)),
  );
  for (const shot of shots) {
    for (const theme of THEMES) {
      const page = await browser.newPage({
        viewport: { width: shot.width ?? 900, height: 600 },
        deviceScaleFactor: 1,
        reducedMotion: "reduce",
        colorScheme: theme === "dark" ? "dark" : "light",
      });
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      const url = `${base}/iframe.html?id=${shot.story}&viewMode=story&globals=theme:${theme}`;
      const file = join(outDir, `${shot.name}-${theme}.png`);
      try {
        await page.goto(url, { waitUntil: "networkidle" });
        const story = page.locator(`.lgr-story[data-theme="${theme}"]`);
        await story.waitFor({ state: "visible", timeout: 15_000 });
        if (shot.waitFor) await page.locator(shot.waitFor).first().waitFor({ timeout: 15_000 });
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(shot.settleMs ?? 300);
        await story.screenshot({ path: file, animations: "disabled" });
        console.log(
          `✓ ${file.slice(root.length + 1)}${errors.length ? `  (page errors: ${errors.join("; ")})` : ""}`,
        );
      } catch (error) {
        failures += 1;
        console.error(
          `✗ ${shot.name} (${theme}): ${error instanceof Error ? error.message : error}`,
        );
      } finally {
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exitCode = failures ? 1 : 0;
